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

// Without the `u` flag a regular expression sees UTF-16 code units, so it can find halves of
// surrogate pairs that have no partner.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when the string holds a UTF-16 surrogate outside a pair (not valid Unicode text). */
export function hasLoneSurrogate(input: string): boolean {
  return LONE_SURROGATE.test(input);
}

/**
 * Bidirectional formatting characters: the embeddings and overrides U+202A–U+202E (U+202E makes
 * "hoa-don‮fdp.exe" show as "hoa-donexe.pdf"), the isolates U+2066–U+2069 and the marks
 * U+200E, U+200F and U+061C.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Removes bidirectional formatting characters, so text shows in the order it is stored. */
export function stripBidiControls(input: string): string {
  return input.replace(BIDI_CONTROLS, '');
}

/** Removes unpaired UTF-16 surrogates, leaving well-formed Unicode text. */
export function stripLoneSurrogates(input: string): string {
  return input.replace(LONE_SURROGATES, '');
}

/** The text with its first letter upper-cased and the rest untouched: "nội dung" → "Nội dung" (never "Nội Dung"). */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
