/**
 * Folds Vietnamese text for search: lower case, no diacritics, "đ" → "d", spaces collapsed.
 * "Hoà" and "Hòa" (old and new tone placement) fold to the same "hoa", so search ignores both
 * the marks and where they sit.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's "%" or "_" is searched for literally. */
export function escapeLike(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}
