// Excel workbooks (exceljs): a cycle's indicator data, a unit's form as a template to fill, and
// reading a filled template back cell by cell. Pure: data in, Buffer out (and back); the
// services decide access and what to save.
import ExcelJS from 'exceljs';
import { cellText, cellValue, type PlainCellValue } from './cells.js';

/** Sheet and marker of the templates this product writes. */
export const TEMPLATE_SHEET = 'Chỉ tiêu';
export const META_SHEET = '_bioplan';
export const TEMPLATE_MARKER = 'bioplan-template';
export const TEMPLATE_FORMAT = 1;
/** Row of the column titles; data starts on the next row. */
export const HEADER_ROW = 6;
export const TEMPLATE_COLUMNS = [
  'Mã chỉ tiêu',
  'Chỉ tiêu',
  'Dòng chất thải',
  'Giá trị',
  'Đơn vị tính',
  'Hướng dẫn nhập',
] as const;

const NUMBER_FORMAT = '#,##0.##';
const INTEGER_FORMAT = '#,##0';

export interface TemplateIndicator {
  code: string;
  name: string;
  unit: string;
  valueType: 'number' | 'integer' | 'percent' | 'boolean' | 'text';
  byWasteStream: boolean;
  min: number | null;
  max: number | null;
}

export interface TemplateInput {
  reportId: string;
  cycleId: string;
  version: number;
  year: number;
  unitCode: string;
  unitName: string;
  planNumber: string;
  indicators: TemplateIndicator[];
  streams: Array<{ code: string; label: string }>;
  values: Map<string, number | boolean | string | null>;
}

function headerStyle(row: ExcelJS.Row) {
  row.font = { bold: true, name: 'Times New Roman', size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E8' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

function hint(i: TemplateIndicator): string {
  switch (i.valueType) {
    case 'boolean':
      return 'Chọn Có hoặc Không';
    case 'text':
      return 'Nhập văn bản';
    case 'integer':
      return `Số nguyên${i.min !== null ? `, từ ${i.min}` : ''}${i.max !== null ? ` đến ${i.max}` : ''}`;
    case 'percent':
      return 'Tỷ lệ %, từ 0 đến 100';
    case 'number':
      break;
  }
  return `Số${i.min !== null ? `, từ ${i.min}` : ''}${i.max !== null ? ` đến ${i.max}` : ''}`;
}

/** The unit's form as an .xlsx to fill: one row per indicator (and waste stream), prefilled. */
export async function buildReportTemplate(t: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = [{ width: 12 }, { width: 58 }, { width: 22 }, { width: 16 }, { width: 14 }, { width: 28 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `BIỂU MẪU CHỈ TIÊU BÁO CÁO NĂM ${t.year} — KẾ HOẠCH SỐ ${t.planNumber}`;
  ws.getCell('A1').font = { bold: true, size: 13, name: 'Times New Roman' };
  ws.getCell('A2').value = `Đơn vị: ${t.unitName} (${t.unitCode})`;
  ws.getCell('A3').value =
    'Nhập số liệu vào cột D "Giá trị"; không sửa các cột khác. Ô để trống được giữ nguyên giá trị đã có (khi nhập vào hệ thống có thể chọn "Xóa các ô để trống").';
  ws.getCell('A3').font = { italic: true };
  ws.getCell('A4').value = 'Số thập phân dùng dấu phẩy (1.234,5) hoặc nhập số trực tiếp trong Excel.';
  ws.getCell('A4').font = { italic: true };
  const header = ws.getRow(HEADER_ROW);
  header.values = [...TEMPLATE_COLUMNS];
  headerStyle(header);
  let r = HEADER_ROW + 1;
  for (const ind of t.indicators) {
    const streams = ind.byWasteStream ? t.streams : [{ code: '', label: '' }];
    for (const s of streams) {
      const row = ws.getRow(r);
      const v = t.values.get(`${ind.code}|${s.code}`);
      row.values = [
        ind.code,
        ind.name,
        s.label,
        ind.valueType === 'boolean' ? (v === true ? 'Có' : v === false ? 'Không' : null) : (v ?? null),
        ind.unit,
        hint(ind),
      ];
      const cell = row.getCell(4);
      if (ind.valueType === 'integer') cell.numFmt = INTEGER_FORMAT;
      else if (ind.valueType === 'number' || ind.valueType === 'percent') cell.numFmt = NUMBER_FORMAT;
      if (ind.valueType === 'boolean') {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
      }
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFDE7' } };
      row.eachCell({ includeEmpty: false }, (c) => {
        c.border = {
          top: { style: 'thin' },
          bottom: { style: 'thin' },
          left: { style: 'thin' },
          right: { style: 'thin' },
        };
      });
      r += 1;
    }
  }
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['marker', TEMPLATE_MARKER],
    ['format', TEMPLATE_FORMAT],
    ['reportId', t.reportId],
    ['cycleId', t.cycleId],
    ['unitCode', t.unitCode],
    ['version', t.version],
    // What each cell held when the template was made: the import tells the officer's edits in
    // Excel from the report's newer work (a three-way comparison), and never overwrites the latter.
    ['baseValues', 1],
    ...[...t.values].filter(([, v]) => v !== null && v !== undefined).map(([key, v]) => ['value', key, v]),
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Why a file is not a template of this product (nothing is imported then). */
export class InvalidTemplateError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface TemplateCell {
  sheet: string;
  /** "D7". */
  cell: string;
  row: number;
  code: string;
  stream: string;
  /** The value as Excel holds it (formulas read as their result). */
  raw: PlainCellValue;
  /** Address of the code cell, for refusals about the row itself. */
  codeCell: string;
  /** The waste stream as shown (column C, "Y tế"); `stream` is the code of older templates. */
  streamLabel: string;
}

/** What a template's hidden sheet says: its report, version and the values it was made with. */
export interface TemplateMeta {
  fields: Record<string, string>;
  /** Values at the template's version by "CODE|stream"; null when the template does not say. */
  baseValues: Map<string, PlainCellValue> | null;
}

/** Reads a filled template: its metadata and every data row. Throws InvalidTemplateError. */
export async function readReportTemplate(
  body: Buffer,
): Promise<{ meta: Record<string, string>; base: TemplateMeta['baseValues']; cells: TemplateCell[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as never);
  } catch {
    throw new InvalidTemplateError(
      'Tệp không đọc được như một tệp Excel (.xlsx)',
      'The file cannot be read as an Excel (.xlsx) workbook',
    );
  }
  const metaSheet = wb.getWorksheet(META_SHEET);
  const meta: Record<string, string> = {};
  const values = new Map<string, PlainCellValue>();
  metaSheet?.eachRow((row) => {
    const k = row.getCell(1).value;
    if (k === 'value') values.set(cellText(row.getCell(2).value), cellValue(row.getCell(3).value));
    else if (typeof k === 'string') meta[k] = cellText(row.getCell(2).value);
  });
  if (meta.marker !== TEMPLATE_MARKER) {
    throw new InvalidTemplateError(
      'Tệp không phải biểu mẫu của hệ thống; hãy tải "Biểu mẫu Excel" của báo cáo rồi nhập số liệu vào đó',
      "The file is not a template of this system; download the report's Excel template and fill it in",
    );
  }
  if (Number(meta.format) !== TEMPLATE_FORMAT) {
    throw new InvalidTemplateError(
      'Biểu mẫu thuộc phiên bản cũ; hãy tải biểu mẫu mới',
      'The template is of an older format; download a new one',
    );
  }
  const ws = wb.getWorksheet(TEMPLATE_SHEET);
  if (!ws)
    throw new InvalidTemplateError(
      `Biểu mẫu thiếu trang "${TEMPLATE_SHEET}"`,
      `The template has no "${TEMPLATE_SHEET}" sheet`,
    );
  const titles = TEMPLATE_COLUMNS.slice(0, 4).map((_, i) =>
    cellText(ws.getRow(HEADER_ROW).getCell(i + 1).value).trim(),
  );
  if (titles.join('|') !== TEMPLATE_COLUMNS.slice(0, 4).join('|')) {
    throw new InvalidTemplateError(
      `Trang "${TEMPLATE_SHEET}" đã bị sửa tiêu đề cột ở dòng ${HEADER_ROW}; hãy dùng biểu mẫu gốc`,
      `The column titles on row ${HEADER_ROW} of "${TEMPLATE_SHEET}" were changed; use the original template`,
    );
  }
  const cells: TemplateCell[] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(1).value).trim();
    if (!code) continue;
    cells.push({
      sheet: TEMPLATE_SHEET,
      cell: `D${r}`,
      row: r,
      code,
      stream: cellText(row.getCell(7).value).trim(),
      streamLabel: cellText(row.getCell(3).value).trim(),
      raw: cellValue(row.getCell(4).value),
      codeCell: `A${r}`,
    });
  }
  return { meta, base: meta.baseValues === '1' ? values : null, cells };
}

/* ───────────────────────────── the cycle export ───────────────────────────── */

export interface ExportInput {
  year: number;
  planNumber: string;
  indicators: Array<{ code: string; name: string; unit: string; byWasteStream: boolean; valueType: string }>;
  streams: Array<{ code: string; label: string }>;
  units: Array<{
    code: string;
    name: string;
    kindLabel: string;
    statusLabel: string;
    timingLabel: string;
    submittedAt: string;
    values: Map<string, number | boolean | string | null>;
    totals: Record<string, number | string | boolean | null>;
  }>;
}

/** A cycle's indicator data: one row per unit × indicator × waste stream, and the per-unit table. */
export async function buildCycleExport(x: ExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const data = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    { header: 'Mã đơn vị', key: 'unitCode', width: 14 },
    { header: 'Đơn vị', key: 'unit', width: 40 },
    { header: 'Loại đơn vị', key: 'kind', width: 14 },
    { header: 'Trạng thái báo cáo', key: 'status', width: 18 },
    { header: 'Tình trạng gửi', key: 'timing', width: 14 },
    { header: 'Ngày gửi', key: 'submittedAt', width: 12 },
    { header: 'Mã chỉ tiêu', key: 'code', width: 12 },
    { header: 'Chỉ tiêu', key: 'name', width: 50 },
    { header: 'Dòng chất thải', key: 'stream', width: 20 },
    { header: 'Đơn vị tính', key: 'measure', width: 14 },
    { header: 'Giá trị', key: 'value', width: 16, style: { numFmt: NUMBER_FORMAT } },
  ];
  headerStyle(data.getRow(1));
  for (const u of x.units) {
    for (const ind of x.indicators) {
      const streams = ind.byWasteStream ? x.streams : [{ code: '', label: '' }];
      for (const s of streams) {
        const v = u.values.get(`${ind.code}|${s.code}`);
        data.addRow({
          unitCode: u.code,
          unit: u.name,
          kind: u.kindLabel,
          status: u.statusLabel,
          timing: u.timingLabel,
          submittedAt: u.submittedAt,
          code: ind.code,
          name: ind.name,
          stream: s.label,
          measure: ind.unit,
          value: typeof v === 'boolean' ? (v ? 'Có' : 'Không') : (v ?? null),
        });
      }
    }
  }
  data.autoFilter = { from: 'A1', to: 'K1' };

  const pivot = wb.addWorksheet('Theo đơn vị', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const numeric = x.indicators.filter((i) => i.valueType !== 'text');
  pivot.getRow(1).values = [
    'Mã đơn vị',
    'Đơn vị',
    'Trạng thái báo cáo',
    'Tình trạng gửi',
    ...numeric.map((i) => i.code),
  ];
  pivot.getRow(2).values = ['', '', '', '', ...numeric.map((i) => `${i.name} (${i.unit})`)];
  headerStyle(pivot.getRow(1));
  headerStyle(pivot.getRow(2));
  pivot.getRow(2).height = 60;
  pivot.columns = [
    { width: 14 },
    { width: 40 },
    { width: 18 },
    { width: 14 },
    ...numeric.map(() => ({ width: 16, style: { numFmt: NUMBER_FORMAT } })),
  ];
  for (const u of x.units) {
    pivot.addRow([
      u.code,
      u.name,
      u.statusLabel,
      u.timingLabel,
      ...numeric.map((i) => {
        const v = u.totals[i.code];
        return typeof v === 'boolean' ? (v ? 'Có' : 'Không') : (v ?? null);
      }),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
