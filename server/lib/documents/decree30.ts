// A Word (.docx) writer for documents in the state format of Nghị định 30/2020/NĐ-CP (Phụ lục I,
// layout "Mẫu 1.4 — văn bản có tên loại"): the two-column header table, number and symbol, place
// and date, the type and its summary, "Kính gửi", the body, "./.", the footer table with "Nơi
// nhận" and the signature block, page numbers from page 2, and an optional landscape annex.
// Pure: a document model in, a Buffer out; no database, no I/O.
import { randomUUID } from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import { formatDocumentDate } from '../../../shared/format.js';
import { blocksXml, type BodyBlock } from './decree30-body.js';
import { A4, BODY_PT, FONT, LANDSCAPE_TEXT_WIDTH, MARGINS, mm, pt, TEXT_WIDTH } from './decree30-page.js';
import { readZipEntry, replaceZipEntry } from './zip.js';

/* ───────────────────────────── the model ───────────────────────────── */

export interface OfficialDocument {
  /** Parent agency, upper case, not bold ("UBND TỈNH VĨNH LONG"); empty when none. */
  parentAgency: string;
  /** Issuing agency, upper case, bold ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"). */
  agency: string;
  /** Document type symbol ("BC" = báo cáo). */
  typeSymbol: string;
  /** The issuing agency's abbreviation ("SNNMT"), configurable by the agency. */
  agencyAbbreviation: string;
  /** Number in the year; null leaves it blank to be filled in at registration. */
  number: number | null;
  /** Place name of the date line ("Vĩnh Long"). */
  place: string;
  /** Date of the document (YYYY-MM-DD). */
  date: string;
  /** Type name, upper case ("BÁO CÁO"). */
  typeName: string;
  /** Summary (trích yếu). */
  summary: string;
  /** "Kính gửi" recipients; one is written on the same line, several as "- …;" lines. */
  recipients: string[];
  body: BodyBlock[];
  /** "Nơi nhận" lines, without the dash ("Như trên;", "Lưu: VT, CCBVMT."). */
  copyTo: string[];
  /** Authority lines, upper case ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  signerAuthority: string[];
  /** Signer's name (no academic titles); empty leaves the space. */
  signerName: string;
  /** An annex after the signature, on landscape pages when wide; its pages are numbered from 1. */
  annex?: { title: string; subtitle?: string; landscape?: boolean; blocks: BodyBlock[] };
  /**
   * Not yet accepted or approved: every page carries "DỰ THẢO" at the top, so a file downloaded
   * before then is never mistaken for the issued text.
   */
  isDraft?: boolean;
}

/** The mark of a document not yet accepted or approved. */
export const DRAFT_MARK = 'DỰ THẢO';

/* ───────────────────────────── page and type sizes ───────────────────────────── */

/** Header table columns: the agency block narrower than the national motto. */
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.4);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** "Số: 01/BC-SNNMT" (Phụ lục I: numbers below 10 take a leading zero). */
export function documentNumberLine(number: number | null, typeSymbol: string, abbreviation: string): string {
  const n = number === null ? '      ' : String(number).padStart(2, '0');
  return `Số: ${n}/${typeSymbol}-${abbreviation}`;
}

/** "Vĩnh Long, ngày 05 tháng 01 năm 2026". */
export function placeDateLine(place: string, date: string): string {
  return `${place}, ${formatDocumentDate(date)}`;
}

function run(text: string, o: { size?: number; bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: pt(o.size ?? BODY_PT), bold: o.bold, italics: o.italic });
}

function centred(
  text: string,
  o: { size?: number; bold?: boolean; italic?: boolean; after?: number; before?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    keepNext: o.keepNext,
    alignment: AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, o)],
  });
}

/**
 * A short solid rule, centred in a box `boxWidth` wide: an empty paragraph whose bottom border is
 * narrowed by equal indents (Word and LibreOffice both draw paragraph borders within indents).
 */
function rule(boxWidth: number, ruleWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - ruleWidth) / 2));
  return new Paragraph({
    border: { bottom: LINE },
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 100, lineRule: LineRuleType.EXACT },
    children: [run('', { size: 2 })],
  });
}

/** Rough width in twips of a line of Times New Roman text (bold upper case is wider). */
function textWidth(text: string, sizePt: number, bold: boolean): number {
  const upper = text === text.toUpperCase() && /[A-ZĐÂĂÊÔƠƯ]/.test(text);
  const em = upper ? (bold ? 0.68 : 0.64) : bold ? 0.5 : 0.46;
  return Math.round(text.length * sizePt * 20 * em);
}

/**
 * An agency name too long for its column, broken into two balanced lines at a word boundary
 * ("SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG"), preferring a break before "VÀ".
 */
function balancedLines(text: string, width: number, sizePt: number): string[] {
  if (textWidth(text, sizePt, true) <= width) return [text];
  const words = text.split(/\s+/);
  let best: { lines: string[]; score: number } | null = null;
  for (let i = 1; i < words.length; i += 1) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const score = Math.abs(a.length - b.length) - (words[i] === 'VÀ' ? 6 : 0);
    if (!best || score < best.score) best = { lines: [a, b], score };
  }
  return best!.lines;
}

function cell(children: Paragraph[], width: number, o: { borders?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    // Bordered (body) tables set borders and cell margins once, on the table: thousands of
    // annex cells render several times faster without per-cell properties.
    ...(o.borders
      ? {}
      : { borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, margins: { top: 0, bottom: 0, left: 40, right: 40 } }),
  });
}

/* ───────────────────────────── the parts ───────────────────────────── */

function headerTable(d: OfficialDocument): Table {
  const agencyLines = balancedLines(d.agency.toUpperCase(), HEADER_LEFT - 160, 13);
  const agencyWidth = Math.max(...agencyLines.map((l) => textWidth(l, 13, true)));
  const left: Paragraph[] = [];
  if (d.parentAgency) left.push(centred(d.parentAgency.toUpperCase(), { size: 13 }));
  for (const line of agencyLines) left.push(centred(line, { size: 13, bold: true }));
  // Phụ lục I: a solid rule under the agency name, 1/3 to 1/2 of its length.
  left.push(rule(HEADER_LEFT, Math.round(Math.min(agencyWidth, HEADER_LEFT) * 0.42)));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: Paragraph[] = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
    centred(motto, { size: 13, bold: true }),
    // …and under the motto a rule as long as the motto.
    rule(HEADER_RIGHT, textWidth(motto, 13, true)),
  ];
  if (d.parentAgency) right.push(centred('', { size: 6 }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(left, HEADER_LEFT), cell(right, HEADER_RIGHT)] }),
      new TableRow({
        children: [
          cell(
            [centred(documentNumberLine(d.number, d.typeSymbol, d.agencyAbbreviation), { size: 13, before: 60 })],
            HEADER_LEFT,
          ),
          cell([centred(placeDateLine(d.place, d.date), { size: 14, italic: true, before: 60 })], HEADER_RIGHT),
        ],
      }),
    ],
  });
}

function titleBlock(d: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [centred(d.typeName.toUpperCase(), { size: BODY_PT, bold: true, before: 360 })];
  const lines = splitSummary(d.summary);
  lines.forEach((line) => out.push(centred(line, { size: BODY_PT, bold: true })));
  out.push(rule(TEXT_WIDTH, mm(40), 240));
  if (d.recipients.length === 1) {
    out.push(centred(`Kính gửi: ${d.recipients[0]}`, { size: BODY_PT, after: 240 }));
  } else if (d.recipients.length > 1) {
    out.push(
      new Paragraph({ indent: { left: mm(30) }, spacing: { after: 0 }, children: [run('Kính gửi:')] }),
      ...d.recipients.map(
        (r, i) =>
          new Paragraph({
            indent: { left: mm(55) },
            spacing: { after: i === d.recipients.length - 1 ? 240 : 0 },
            children: [run(`- ${r}`)],
          }),
      ),
    );
  }
  return out;
}

/** The summary broken into balanced lines of at most ~70 characters, as typists set it. */
function splitSummary(summary: string): string[] {
  const words = summary.split(/\s+/).filter(Boolean);
  const total = summary.length;
  const lines = Math.max(1, Math.ceil(total / 70));
  const target = total / lines;
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > target + 8 && out.length < lines - 1) {
      out.push(current);
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  if (current) out.push(current);
  return out;
}

/** Empty lines between the signer's title and name, for the signature and the seal. */
export const SIGNATURE_SPACE = 5;

/** "Nơi nhận" and the signature: one table row that never splits, so the two share a page. */
function footerTable(d: OfficialDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run('Nơi nhận:', { size: 12, bold: true, italic: true })],
    }),
    ...d.copyTo.map(
      (line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${line}`, { size: 11 })] }),
    ),
  ];
  const signature: Paragraph[] = [
    ...d.signerAuthority.map((line) => centred(line.toUpperCase(), { size: BODY_PT, bold: true })),
    // Space for the signature and the seal: at least four empty lines (SIGNATURE_SPACE).
    ...Array.from({ length: SIGNATURE_SPACE }, () => centred('', { size: BODY_PT })),
    centred(d.signerName, { size: BODY_PT, bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signature, right)] })],
  });
}

/** "DỰ THẢO", bold in a box at the top right of every page of a draft. */
function draftMark(width: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 0, after: 0 },
    children: [run(DRAFT_MARK, { size: 13, bold: true })],
    border: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    indent: { left: width - mm(32) },
  });
}

/** Header with the page number centred in the top margin (13 pt), and a draft's mark. */
function pageNumberHeader(isDraft: boolean, width = TEXT_WIDTH): Header {
  return new Header({
    children: [
      ...(isDraft ? [draftMark(width)] : []),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
      }),
    ],
  });
}

/** The paragraph docx writes for a placeholder, replaced by the body's XML afterwards. */
const placeholderXml = (marker: string) => `<w:p><w:r><w:t xml:space="preserve">${marker}</w:t></w:r></w:p>`;

/** The document as docx objects, with one placeholder paragraph where each body goes. */
function documentSkeleton(d: OfficialDocument, markers: { body: string; annex: string }): Document {
  const isDraft = d.isDraft ?? false;
  const placeholder = (marker: string) => new Paragraph({ children: [new TextRun(marker)] });
  const page = {
    size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
    margin: { ...MARGINS, header: mm(10), footer: mm(10) },
  };
  const sections: ISectionOptions[] = [
    {
      // Phụ lục I: no page number on page 1 — the first page gets its own, empty header.
      properties: { page, titlePage: true },
      headers: {
        default: pageNumberHeader(isDraft),
        first: new Header({ children: isDraft ? [draftMark(TEXT_WIDTH)] : [new Paragraph({ children: [] })] }),
      },
      children: [
        headerTable(d),
        ...titleBlock(d),
        placeholder(markers.body),
        // Kept with the footer table, as the body's last paragraph is kept with this one.
        new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [] }),
        footerTable(d),
      ],
    },
  ];
  if (d.annex) {
    const landscape = d.annex.landscape ?? false;
    sections.push({
      properties: {
        page: {
          // docx swaps width and height itself for a landscape page.
          size: {
            width: A4.width,
            height: A4.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: page.margin,
          // The annex is numbered on its own, from 1.
          pageNumbers: { start: 1 },
        },
      },
      headers: { default: pageNumberHeader(isDraft, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH) },
      children: [
        centred(d.annex.title.toUpperCase(), { size: BODY_PT, bold: true, keepNext: true }),
        ...(d.annex.subtitle
          ? [centred(d.annex.subtitle, { size: BODY_PT, italic: true, after: 240, keepNext: true })]
          : []),
        placeholder(markers.annex),
      ],
    });
  }
  return new Document({
    creator: 'bioplan',
    title: `${d.typeName} ${d.summary}`.slice(0, 250),
    styles: {
      default: {
        document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: pt(BODY_PT) } },
      },
    },
    sections,
  });
}

/**
 * Writes the document as a .docx file: docx writes the package with a placeholder paragraph for
 * each body; the bodies, written as XML text, take the placeholders' places in document.xml, and
 * only that entry of the package is replaced — every other part stays as docx wrote it.
 */
export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const nonce = randomUUID();
  const markers = { body: `bioplan-body-${nonce}`, annex: `bioplan-annex-${nonce}` };
  const bodies = [
    { marker: markers.body, xml: blocksXml(d.body, TEXT_WIDTH, true) },
    ...(d.annex
      ? [
          {
            marker: markers.annex,
            xml: blocksXml(d.annex.blocks, (d.annex.landscape ?? false) ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH, false),
          },
        ]
      : []),
  ];
  const skeleton = await Packer.toBuffer(documentSkeleton(d, markers));
  const xml = readZipEntry(skeleton, 'word/document.xml').toString('utf8');
  const parts: string[] = [];
  let from = 0;
  for (const { marker, xml: body } of bodies) {
    const at = xml.indexOf(placeholderXml(marker), from);
    if (at < 0) throw new Error('docx wrote the body placeholder differently; decree30.ts must follow it');
    parts.push(xml.slice(from, at), body);
    from = at + placeholderXml(marker).length;
  }
  parts.push(xml.slice(from));
  return replaceZipEntry(skeleton, 'word/document.xml', Buffer.from(parts.join(''), 'utf8'));
}
