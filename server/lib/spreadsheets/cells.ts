// Reading ExcelJS cells: a cell's value may be a formula (with its cached result), rich text,
// a hyperlink, a date or an error, not only a number or a string.
import type ExcelJS from 'exceljs';

/** A cell's value with formulas, rich text and hyperlinks flattened to what the cell shows. */
export type PlainCellValue = string | number | boolean | Date | ExcelJS.CellErrorValue | null;

/** A cell's plain value: formula results, rich text and hyperlinks flattened. */
export function cellValue(v: ExcelJS.CellValue): PlainCellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return v.result ?? null;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return (v as { text: string }).text;
    if ('error' in v) return { error: v.error };
    return null;
  }
  return v;
}

/**
 * A cell's text, untrimmed: '' for an empty cell, the shown text of rich text and hyperlinks, a
 * formula's cached result, a date as its ISO 8601 string, an error as its code (e.g. "#DIV/0!").
 */
export function cellText(v: ExcelJS.CellValue): string {
  const x = cellValue(v);
  if (x === null) return '';
  if (x instanceof Date) return x.toISOString();
  if (typeof x === 'object') return x.error;
  return String(x);
}
