// The body of a document in the state format (decree30.ts), written as WordprocessingML text.
import { formatNumber } from '../../../shared/format.js';
import { BODY_PT, FONT, mm, pt } from './decree30-page.js';

/* ───────────────────────────── the model of a body ───────────────────────────── */

/** A cell of a body table: text, or a number written right-aligned in the vi-VN format. */
export type TableCellValue = string | number | null;

/**
 * What a column holds, which decides its width: `text` columns (names, descriptions) share the
 * room left once every other column has what its longest value and title word need, so a text
 * is never squeezed into a number's width and a number or a short label never breaks.
 */
export type ColumnKind = 'text' | 'number' | 'short';

export interface BodyTable {
  kind: 'table';
  /** Column titles (bold header row) with relative widths, alignment of their cells and content kind (default text). */
  columns: Array<{ title: string; width: number; align?: 'left' | 'center' | 'right'; kind?: ColumnKind }>;
  rows: TableCellValue[][];
  /** Rows written bold (e.g. "Tổng cộng"), by index. */
  boldRows?: number[];
  /** Font size in points inside the table (default 12). */
  fontSize?: number;
}

/** One block of the body. */
export type BodyBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | {
      kind: 'paragraph';
      text: string;
      italic?: boolean;
      /** Kept on the page of what follows (a lead-in line, the sentence before a table). */
      keepNext?: boolean;
    }
  | { kind: 'note'; text: string }
  | BodyTable;

/* ───────────────────────────── the body, as WordprocessingML text ───────────────────────────── */

// The body — thousands of paragraphs and table cells in a consolidated report — is written as XML
// text: built as docx objects, each element cost a dozen allocations and the serializer's walk,
// and rendering took several times as long as reading the data. The text is, byte for byte,
// what docx writes for the same paragraphs and tables (decree30.test.ts compares the two), and
// is spliced into the document docx writes around it (header, title, signature, sections).

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as docx escapes it: the five entities, and control characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  // oxlint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters; they are dropped
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');
}

const RUN_FONTS = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;

/** `<w:b/><w:bCs/>` when on, `w:val="false"` when explicitly off, nothing when unset (docx's on/off). */
function onOffXml(tag: 'b' | 'i', value: boolean | undefined): string {
  if (value === undefined) return '';
  return value ? `<w:${tag}/><w:${tag}Cs/>` : `<w:${tag} w:val="false"/><w:${tag}Cs w:val="false"/>`;
}

/** The start of a run up to its text, as `run()` writes it; the text and `RUN_END` follow. */
function runStartXml(o: { size?: number; bold?: boolean; italic?: boolean }): string {
  const size = pt(o.size ?? BODY_PT);
  return `<w:r><w:rPr>${RUN_FONTS}${onOffXml('b', o.bold)}${onOffXml('i', o.italic)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">`;
}
const RUN_END = '</w:t></w:r>';

const bodyParagraphProps = (keepNext: boolean) =>
  `<w:pPr>${keepNext ? '<w:keepNext/>' : ''}<w:spacing w:after="120" w:before="0" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="${mm(10)}"/><w:jc w:val="both"/></w:pPr>`;
const BODY_PARAGRAPH_PROPS = bodyParagraphProps(false);
const KEEP_NEXT_PARAGRAPH_PROPS = bodyParagraphProps(true);

/** A justified body paragraph, first line indented 1 cm, 14 pt; `keepNext` keeps it with what follows. */
function bodyParagraphXml(
  text: string,
  o: { bold?: boolean; italic?: boolean; size?: number; keepNext?: boolean } = {},
): string {
  return `<w:p>${o.keepNext ? KEEP_NEXT_PARAGRAPH_PROPS : BODY_PARAGRAPH_PROPS}${runStartXml({ size: o.size ?? BODY_PT, bold: o.bold, italic: o.italic })}${escapeXml(text)}${RUN_END}</w:p>`;
}

/** Rough width in twips of a string of Times New Roman at `sizePt` (digits and lower case ~0.5 em). */
function textTwips(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const c of text) em += /[A-ZĐÀ-Ỹ]/u.test(c) ? 0.68 : c === ' ' ? 0.25 : /[.,;:()]/.test(c) ? 0.3 : 0.5;
  return Math.ceil(em * sizePt * 20 * (bold ? 1.08 : 1));
}

/** Twips a cell needs around its text: the table's left and right cell margins, and a little slack. */
const CELL_PADDING = 80 + 80 + 40;

/**
 * Column widths in twips, by content kind: a number or short column gets at least what its
 * longest value and its title's longest word need; text columns share what is left by their
 * relative widths (never below their own longest word).
 */
export function columnWidths(t: BodyTable, width: number): number[] {
  const size = t.fontSize ?? 12;
  const sum = t.columns.reduce((a, c) => a + c.width, 0);
  const wanted = t.columns.map((c) => Math.floor((c.width / sum) * width));
  const needs = t.columns.map((c, i) => {
    const titleWord = Math.max(...c.title.split(/\s+/).map((w) => textTwips(w, size, true)));
    if ((c.kind ?? 'text') === 'text') return titleWord + CELL_PADDING;
    let longest = 0;
    for (const row of t.rows) {
      const v = row[i];
      const shown = typeof v === 'number' ? formatNumber(v) : (v ?? '');
      longest = Math.max(longest, textTwips(shown, size, false));
    }
    // A long text that strayed into a number column wraps rather than take a third of the page.
    const need = Math.min(Math.max(titleWord, longest) + CELL_PADDING, Math.round(width / 3));
    // A figure column is at least 1.8 cm wide, so columns of figures line up evenly.
    return c.kind === 'number' ? Math.max(need, mm(18)) : need;
  });
  const isText = t.columns.map((c) => (c.kind ?? 'text') === 'text');
  const textIndexes = t.columns.map((_, i) => i).filter((i) => isText[i]);
  const fixed = needs.reduce((a, need, i) => (isText[i] ? a : a + need), 0);
  const left = width - fixed;
  const textNeeds = textIndexes.reduce((a, i) => a + needs[i], 0);
  // Too many columns for the page: fall back to the relative widths.
  if (textIndexes.length === 0 || left < textNeeds) return wanted;
  const weight = textIndexes.reduce((a, i) => a + t.columns[i].width, 0);
  const widths = needs.map((need, i) => (isText[i] ? Math.floor((left * t.columns[i].width) / weight) : need));
  for (const i of textIndexes) widths[i] = Math.max(widths[i], needs[i]);
  return widths;
}

const JC = { left: 'left', center: 'center', right: 'right' } as const;
const TABLE_BORDERS_XML = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join('')}</w:tblBorders>`;
const TABLE_CELL_MARGINS_XML =
  '<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>';

/** A bordered table: bold header row repeated on each page, rows never split across pages. */
function tableXml(t: BodyTable, width: number): string {
  const size = t.fontSize ?? 12;
  const widths = columnWidths(t, width);
  // Everything of a cell up to its text, by alignment and weight, made once per table.
  const starts = new Map<string, string>();
  const cellStart = (i: number, jc: 'left' | 'center' | 'right', bold: boolean) => {
    const key = `${i}|${jc}|${bold}`;
    let start = starts.get(key);
    if (start === undefined) {
      start = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/><w:jc w:val="${jc}"/></w:pPr>${runStartXml({ size, bold })}`;
      starts.set(key, start);
    }
    return start;
  };
  const CELL_END = `${RUN_END}</w:p></w:tc>`;
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_BORDERS_XML}<w:tblLayout w:type="fixed"/>${TABLE_CELL_MARGINS_XML}</w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
  ];
  t.columns.forEach((c, i) => out.push(cellStart(i, 'center', true), escapeXml(c.title), CELL_END));
  out.push('</w:tr>');
  const bold = new Set(t.boldRows ?? []);
  t.rows.forEach((r, ri) => {
    const isBold = bold.has(ri);
    out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    for (let i = 0; i < t.columns.length; i += 1) {
      const v = r[i];
      // Numbers right-aligned, unless their column is centred (a row number).
      if (typeof v === 'number')
        out.push(
          cellStart(i, t.columns[i].align === 'center' ? 'center' : 'right', isBold),
          escapeXml(formatNumber(v)),
          CELL_END,
        );
      else out.push(cellStart(i, JC[t.columns[i].align ?? 'left'], isBold), escapeXml(v ?? ''), CELL_END);
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

const NOTE_PROPS = '<w:pPr><w:spacing w:after="120" w:before="60"/><w:jc w:val="left"/></w:pPr>';
/** The small empty paragraph after a table, so two tables never touch. */
const AFTER_TABLE_XML = `<w:p><w:pPr><w:spacing w:after="120" w:before="0"/></w:pPr>${runStartXml({ size: 6 })}${RUN_END}</w:p>`;

/** The blocks as WordprocessingML body content (paragraphs and tables). */
export function blocksXml(blocks: BodyBlock[], width: number, endMark: boolean): string {
  const out: string[] = [];
  // Phụ lục I: the body ends with "./." right after its last word; that paragraph stays on the
  // page of "Nơi nhận" and the signature, which never stand alone on a page.
  const lastText = endMark ? findLastIndex(blocks, (b) => b.kind === 'paragraph') : -1;
  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'heading': {
        // A heading never stays alone at a page's foot.
        const text = b.level === 1 ? b.text.toUpperCase() : b.text;
        out.push(bodyParagraphXml(text, { bold: b.level <= 2, italic: b.level === 3, keepNext: true }));
        break;
      }
      case 'paragraph':
        out.push(
          i === lastText
            ? bodyParagraphXml(`${b.text.replace(/[.\s]+$/, '')}./.`, { italic: b.italic, keepNext: true })
            : bodyParagraphXml(b.text, { italic: b.italic, keepNext: b.keepNext }),
        );
        break;
      case 'note':
        out.push(`<w:p>${NOTE_PROPS}${runStartXml({ size: 12, italic: true })}${escapeXml(b.text)}${RUN_END}</w:p>`);
        break;
      case 'table':
        out.push(tableXml(b, width), AFTER_TABLE_XML);
        break;
    }
  });
  if (endMark && lastText < 0) out.push(bodyParagraphXml('./.'));
  return out.join('');
}

function findLastIndex<T>(items: T[], test: (x: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i])) return i;
  return -1;
}
