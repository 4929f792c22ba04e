// The body of a Decree-30 document is written as XML text for speed; these tests hold it to what
// docx itself writes for the same paragraphs and tables, so the two can never drift apart.
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../shared/format.js';
import { renderOfficialDocument, type OfficialDocument } from './decree30.js';
import { blocksXml, columnWidths, type BodyBlock, type BodyTable } from './decree30-body.js';
import { FONT, mm } from './decree30-page.js';
import { readZipEntry, replaceZipEntry } from './zip.js';

/* The body as docx objects: the writer's implementation before it wrote XML text. */
const run = (text: string, o: { size?: number; bold?: boolean; italic?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italic });

const bodyParagraph = (text: string, o: { bold?: boolean; italic?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({
    keepNext: o.keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
    children: [run(text, { bold: o.bold, italic: o.italic })],
  });

function table(t: BodyTable, width: number): Table {
  const size = t.fontSize ?? 12;
  const widths = columnWidths(t, width);
  const align = (a?: string) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const para = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold: boolean) =>
    new Paragraph({
      alignment,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(text, { size, bold })],
    });
  const cell = (p: Paragraph, w: number) => new TableCell({ children: [p], width: { size: w, type: WidthType.DXA } });
  const bold = new Set(t.boldRows ?? []);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) => cell(para(c.title, AlignmentType.CENTER, true), widths[i])),
      }),
      ...t.rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: t.columns.map((c, i) => {
              const v = r[i];
              return typeof v === 'number'
                ? cell(
                    para(
                      formatNumber(v),
                      c.align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT,
                      bold.has(ri),
                    ),
                    widths[i],
                  )
                : cell(para(v ?? '', align(c.align), bold.has(ri)), widths[i]);
            }),
          }),
      ),
    ],
  });
}

function referenceChildren(blocks: BodyBlock[], width: number, endMark: boolean): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let lastText = -1;
  if (endMark) blocks.forEach((b, i) => b.kind === 'paragraph' && (lastText = i));
  blocks.forEach((b, i) => {
    if (b.kind === 'heading')
      out.push(
        bodyParagraph(b.level === 1 ? b.text.toUpperCase() : b.text, {
          bold: b.level <= 2,
          italic: b.level === 3,
          keepNext: true,
        }),
      );
    else if (b.kind === 'paragraph')
      out.push(
        i === lastText
          ? bodyParagraph(`${b.text.replace(/[.\s]+$/, '')}./.`, { italic: b.italic, keepNext: true })
          : bodyParagraph(b.text, { italic: b.italic, keepNext: b.keepNext }),
      );
    else if (b.kind === 'note')
      out.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { before: 60, after: 120 },
          children: [run(b.text, { size: 12, italic: true })],
        }),
      );
    else
      out.push(
        table(b, width),
        new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', { size: 6 })] }),
      );
  });
  if (endMark && lastText < 0) out.push(bodyParagraph('./.'));
  return out;
}

/** What docx writes inside <w:body> for these children, before the section properties. */
async function docxBody(children: Array<Paragraph | Table>): Promise<string> {
  const xml = readZipEntry(
    await Packer.toBuffer(new Document({ sections: [{ children }] })),
    'word/document.xml',
  ).toString('utf8');
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

const BLOCKS: BodyBlock[] = [
  { kind: 'heading', level: 1, text: 'I. Tình hình <triển khai> & "thực hiện"' },
  { kind: 'heading', level: 2, text: "1. Nhiệm vụ 'một'" },
  { kind: 'heading', level: 3, text: 'a) Mục nhỏ' },
  { kind: 'paragraph', text: 'Sở Y tế: đã xử lý 1.234,5 tấn chất thải y tế.' },
  { kind: 'paragraph', text: 'Chưa có kết quả.', italic: true, keepNext: true },
  { kind: 'paragraph', text: 'Có ký tự điều khiển \u0001 và tab\t.', italic: false },
  { kind: 'note', text: 'Ghi chú mã chỉ tiêu: XL-01 — Chất thải & bùn.' },
  {
    kind: 'table',
    fontSize: 10,
    columns: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Đơn vị', width: 40 },
      { title: 'XL-01 (tấn)', width: 10, align: 'right', kind: 'number' },
      { title: 'Ghi chú', width: 20, align: 'center', kind: 'short' },
    ],
    rows: [
      [1, 'Sở Y tế', 1234567.891, 'Trễ 2 ngày'],
      ['', null, null, ''],
      [3, 'Xã <Giao> Long', -0.125, 'Có'],
    ],
    boldRows: [0],
  },
  { kind: 'paragraph', text: 'Trên đây là báo cáo...  ' },
];

describe('Decree-30 body as XML text', () => {
  it('is what docx writes for the same paragraphs and tables', async () => {
    for (const endMark of [true, false]) {
      expect(blocksXml(BLOCKS, 9354, endMark)).toBe(await docxBody(referenceChildren(BLOCKS, 9354, endMark)));
    }
    const tableOnly: BodyBlock[] = [{ kind: 'table', columns: [{ title: 'A', width: 1 }], rows: [] }];
    expect(blocksXml(tableOnly, 5000, true)).toBe(await docxBody(referenceChildren(tableOnly, 5000, true)));
  });

  it('sizes columns by content kind: a number never breaks, text takes the rest', () => {
    const t: BodyTable = {
      kind: 'table',
      columns: [
        { title: 'Chỉ tiêu', width: 50 },
        { title: 'Số đơn vị báo cáo', width: 2, align: 'right', kind: 'number' },
        { title: 'Năm 2026', width: 2, align: 'right', kind: 'number' },
      ],
      rows: [['Tổng khối lượng chất thải được xử lý bằng chế phẩm sinh học', 12, 1234567.891]],
    };
    const [text, count, value] = columnWidths(t, 9354);
    expect(text + count + value).toBeLessThanOrEqual(9354);
    // "1.234.567,891" at 12 pt is about 1,300 twips; a share of 2/54 would be 346.
    expect(value).toBeGreaterThan(1300);
    expect(count).toBeGreaterThan(600);
    expect(text).toBeGreaterThan(9354 / 2);
  });

  it('is spliced into the document in place of its placeholders', async () => {
    const doc: OfficialDocument = {
      parentAgency: 'UBND TỈNH VĨNH LONG',
      agency: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      typeSymbol: 'BC',
      agencyAbbreviation: 'SNNMT',
      number: 7,
      place: 'Vĩnh Long',
      date: '2026-12-05',
      typeName: 'BÁO CÁO',
      summary: 'Kết quả thực hiện Kế hoạch năm 2026',
      recipients: ['Ủy ban nhân dân tỉnh Vĩnh Long.'],
      body: BLOCKS,
      copyTo: ['Như trên;'],
      signerAuthority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      signerName: 'Nguyễn Văn An',
      annex: { title: 'Phụ lục', landscape: true, blocks: [{ kind: 'paragraph', text: 'Phụ lục có một đoạn.' }] },
    };
    const xml = readZipEntry(await renderOfficialDocument(doc), 'word/document.xml').toString('utf8');
    expect(xml).not.toContain('bioplan-body-');
    expect(xml).not.toContain('bioplan-annex-');
    expect(xml).toContain(blocksXml(BLOCKS, 9354, true));
    expect(xml).toContain(blocksXml(doc.annex!.blocks, 16838 - mm(30) - mm(15), false));
    // The body comes before the signature; the annex after the first section's properties.
    const end = xml.indexOf('Trên đây là báo cáo./.');
    expect(end).toBeGreaterThan(0);
    expect(end).toBeLessThan(xml.indexOf('Nơi nhận:'));
    expect(xml.indexOf('Phụ lục có một đoạn.')).toBeGreaterThan(xml.indexOf('<w:sectPr'));
  });

  it('reads a file out of a zip archive, and refuses what is not one', async () => {
    const zip = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
    expect(readZipEntry(zip, '[Content_Types].xml').toString('utf8')).toContain('<Types');
    expect(() => readZipEntry(zip, 'word/missing.xml')).toThrow(/not in the zip/);
    expect(() => readZipEntry(Buffer.from('not a zip at all, just some text here'), 'x')).toThrow(/not a zip/);
  });

  it('replaces one file of a zip archive and keeps the others as they were', async () => {
    const zip = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
    const body = Buffer.from('<w:document>Nội dung mới</w:document>'.repeat(1000), 'utf8');
    const out = replaceZipEntry(zip, 'word/document.xml', body);
    expect(readZipEntry(out, 'word/document.xml').equals(body)).toBe(true);
    for (const name of ['[Content_Types].xml', 'word/styles.xml', 'word/_rels/document.xml.rels']) {
      expect(readZipEntry(out, name).equals(readZipEntry(zip, name))).toBe(true);
    }
    // A second replacement reads the first one's output.
    expect(
      readZipEntry(replaceZipEntry(out, 'word/styles.xml', Buffer.from('s')), 'word/document.xml').equals(body),
    ).toBe(true);
    expect(() => replaceZipEntry(zip, 'word/missing.xml', body)).toThrow(/not in the zip/);
  });
});
