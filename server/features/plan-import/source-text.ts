import { readLayoutTables } from './layout-table.js';

/**
 * The source text as paragraphs with their line numbers, and a folding that keeps positions, so
 * rules read folded text ("so nn&mt") and quote the original ("Sở NN&MT") at the same offsets.
 */

/** A paragraph of the source: one line, or lines a PDF wrapped, or one column of a two-column line. */
export interface Para {
  lines: number[];
  text: string;
}

export type SourceKind = 'text' | 'pdf' | 'docx';

/** Folds one string character by character (lower case, no marks, đ → d), keeping its length. */
export function foldSame(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    const code = c.charCodeAt(0);
    if (code < 0x80) out += c.toLowerCase();
    else if (c === 'đ' || c === 'Đ') out += 'd';
    else if (code >= 0xd800 && code <= 0xdfff) out += c;
    else {
      let folded = FOLDED.get(c);
      if (folded === undefined) {
        folded = (c.normalize('NFD')[0] ?? c).toLowerCase()[0] ?? c;
        FOLDED.set(c, folded);
      }
      out += folded;
    }
  }
  return out;
}

// Folding a letter with its marks costs a normalisation; plans use a few hundred distinct letters.
const FOLDED = new Map<string, string>();

/** A word of folded text with its offsets: letters and digits, or "&" on its own ("NN&MT" → nn, &, mt). */
export interface Token {
  t: string;
  start: number;
  end: number;
  /** The original starts with a capital letter. */
  upper: boolean;
}

export function tokenize(original: string): Token[] {
  const folded = foldSame(original);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+|&/g)) {
    const start = m.index;
    const first = original[start];
    tokens.push({ t: m[0], start, end: start + m[0].length, upper: first !== first.toLowerCase() });
  }
  return tokens;
}

// Both columns of a PDF's header and signature rows sit on one line in `pdftotext -layout`.
const RIGHT_COLUMN =
  /^(CỘNG HÒA|CỘNG HOÀ|Độc lập|[^,]{2,40}, ngày|TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|-{3,}|\(Đã ký\))/u;

function columns(line: string, n: number, isPdf: boolean): string[] {
  if (!isPdf || !/\S\s{3,}\S/.test(line)) return [line];
  const parts = line.split(/\s{3,}/).filter((p) => p.length > 0);
  if (parts.length < 2) return [line];
  if (n <= 15 || parts.slice(1).every((p) => RIGHT_COLUMN.test(p) || /^[A-ZĐÀ-Ỹ\s.]+$/u.test(p))) return parts;
  return [line];
}

const LABEL_START = /^([IVXL]{1,6}\s*\.|\d{1,2}(\.\d{1,2})*[.)]?\s|[a-zđ]\)|[-–—•+]\s|Điều\s+\d|PHỤ LỤC|Phụ lục)/u;

/** Cleans the input (NFC, no-break spaces, zero-width characters, page breaks) and cuts it into paragraphs. */
export function toParagraphs(
  input: string,
  source: SourceKind,
): { paras: Para[]; lines: Array<{ n: number; text: string }> } {
  const clean = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '');
  const paras: Para[] = [];
  const lines: Array<{ n: number; text: string }> = [];
  const isPdf = source === 'pdf';
  // A page break (form feed) starts a line of its own; the lines that open a page are kept for the tables.
  const rawLines: string[] = [];
  const pageStarts = new Set<number>();
  for (const line of clean.split('\n')) {
    line.split('\f').forEach((part, k) => {
      if (k > 0) pageStarts.add(rawLines.length);
      rawLines.push(part);
    });
  }
  // A PDF's tables (an appendix of duties) are read by column positions, a row to a paragraph of tab-separated cells.
  const tables = isPdf ? readLayoutTables(rawLines, pageStarts) : null;
  rawLines.forEach((raw, index) => {
    const n = index + 1;
    const line = raw.replace(/\t+$/, '').trim();
    if (line.length === 0) return;
    lines.push({ n, text: line });
    if (tables?.held.has(n)) {
      const row = tables.rows.get(n);
      if (row) paras.push({ lines: row.lines, text: row.cells.join('\t') });
      return;
    }
    for (const part of columns(line, lines.length, isPdf)) {
      const text = part.trim();
      const prev = paras.at(-1);
      // A PDF wraps paragraphs: a line that starts in lower case, or follows a full line without a
      // closing mark, continues the paragraph above unless it starts with a label.
      if (
        isPdf &&
        prev &&
        !LABEL_START.test(text) &&
        !/[.:;!?]$/.test(prev.text) &&
        !/^(Căn cứ|Theo đề nghị|Nơi nhận)/u.test(text) &&
        isUpperLine(prev.text) === isUpperLine(text) &&
        (/^\p{Ll}/u.test(text) || prev.text.length > 70)
      ) {
        prev.text = `${prev.text} ${text}`;
        if (!prev.lines.includes(n)) prev.lines.push(n);
      } else {
        paras.push({ lines: [n], text: text.replace(/[ ]{2,}/g, (s) => (text.includes('\t') ? s : ' ')) });
      }
    }
  });
  return { paras, lines };
}

/** True when the paragraph's letters are all capitals (a heading, the title, a signer's office). */
export function isUpperLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}
