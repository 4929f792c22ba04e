// The merge of an imported template into the report (pure): a three-way comparison of what the
// template held when it was made, what the file holds, and what the report holds now.

/** A value of a report cell. */
export type CellValue = number | boolean | string | null;
export type Choice = 'file' | 'current';

export interface ImportedCell {
  /** "CODE|stream". */
  key: string;
  /** "D9". */
  cell: string;
  /** The value read (null for a blank cell). */
  value: CellValue;
  isBlank: boolean;
}

export interface MergeInput {
  cells: ImportedCell[];
  current: Map<string, CellValue>;
  /** Values of the report when the template was made; null when the file does not say. */
  base: Map<string, CellValue> | null;
  templateVersion: number | null;
  reportVersion: number;
  /** A blank cell clears the value (asked for explicitly); otherwise it changes nothing. */
  clearBlanks: boolean;
  /** One choice for every conflict ("all from file" / "keep all current"). */
  resolve?: Choice;
  /** Choices per conflicting cell, by key. */
  choices: Record<string, Choice>;
}

export interface MergeResult {
  /** Values to write, by key (null: cleared). */
  next: Map<string, CellValue>;
  changes: Array<{ key: string; cell: string; before: CellValue; after: CellValue }>;
  /** Cells changed on both sides that have no choice yet: nothing is applied while there are any. */
  conflicts: Array<{
    key: string;
    cell: string;
    fileValue: CellValue;
    currentValue: CellValue;
    templateValue: CellValue;
  }>;
  blanksKept: number;
}

/**
 * Decides each cell. A blank cell changes nothing unless `clearBlanks`. A file made from the
 * report's current version is applied as it is. A file made from an older version: a cell the
 * officer did not change in Excel keeps the newer value; a cell the report did not change since
 * takes the file's; a cell changed on both sides (or any differing cell when the template does not
 * say what it held) is a conflict, settled by the officer's choice.
 */
export function mergeImport(input: MergeInput): MergeResult {
  const next = new Map(input.current);
  const changes: MergeResult['changes'] = [];
  const conflicts: MergeResult['conflicts'] = [];
  let blanksKept = 0;
  const isOlder = input.templateVersion === null || input.templateVersion < input.reportVersion;
  for (const cell of input.cells) {
    if (cell.isBlank && !input.clearBlanks) {
      if (input.current.has(cell.key)) blanksKept += 1;
      continue;
    }
    const fileValue = cell.isBlank ? null : cell.value;
    const currentValue = input.current.get(cell.key) ?? null;
    if (fileValue === currentValue) continue;
    let take = !isOlder;
    if (isOlder) {
      const templateValue = input.base ? (input.base.get(cell.key) ?? null) : null;
      if (input.base && templateValue === fileValue) continue; // untouched in Excel: the newer work stays
      if (input.base && templateValue === currentValue) take = true;
      else {
        const choice = input.choices[cell.key] ?? input.resolve;
        if (choice === 'current') continue;
        if (choice !== 'file') {
          conflicts.push({ key: cell.key, cell: cell.cell, fileValue, currentValue, templateValue });
          continue;
        }
        take = true;
      }
    }
    if (take) {
      changes.push({ key: cell.key, cell: cell.cell, before: currentValue, after: fileValue });
      if (fileValue === null) next.delete(cell.key);
      else next.set(cell.key, fileValue);
    }
  }
  return conflicts.length > 0
    ? { next: new Map(input.current), changes: [], conflicts, blanksKept }
    : { next, changes, conflicts, blanksKept };
}
