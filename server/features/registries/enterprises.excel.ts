// The enterprise registry as an Excel workbook, and back. The export is the import's template:
// re-importing an exported file finds every row unchanged and writes nothing.
import ExcelJS from 'exceljs';
import { WASTE_STREAMS, type WasteStream } from '../../../shared/domain.js';
import {
  ENTERPRISE_LIMITS,
  WASTE_STREAM_LABELS,
  type EnterpriseImportResponse,
  type EnterpriseProduct,
  type ImportProblem,
  type ListEnterprisesQuery,
} from '../../../shared/contracts/registries.js';
import { vietnamDate } from '../../../shared/format.js';
import { normaliseTaxCode, taxCodeMessage, taxCodeProblem } from '../../../shared/tax-code.js';
import { foldText } from '../../../shared/text.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { cellText, cellValue } from '../../lib/spreadsheets/cells.js';
import { applyImport, type ImportRow } from './enterprises.import.js';
import * as repo from './enterprises.repository.js';
import { normaliseYears } from './enterprises.service.js';
import { canAddToRegistries, canReadRegistries } from './policy.js';

export const SHEET = 'Doanh nghiệp';
/** Columns: letter, header. D and H are shown for reading and ignored on import. */
export const COLUMNS = [
  ['A', 'Mã số thuế'],
  ['B', 'Tên doanh nghiệp'],
  ['C', 'Mã xã/phường'],
  ['D', 'Xã/phường'],
  ['E', 'Ngành nghề'],
  ['F', 'Năm sản xuất chế phẩm quy mô công nghiệp'],
  ['G', 'Sản phẩm (mỗi dòng: tên | dòng chất thải, cách nhau bởi dấu phẩy)'],
  ['H', 'Đơn vị báo cáo'],
] as const;

function productsText(products: EnterpriseProduct[]): string {
  return products
    .map((p) =>
      p.wasteStreams.length ? `${p.name} | ${p.wasteStreams.map((s) => WASTE_STREAM_LABELS[s]).join(', ')}` : p.name,
    )
    .join('\n');
}

/** The registry, filtered as the list is, as an .xlsx. */
export async function exportEnterprises(
  ctx: Ctx,
  q: ListEnterprisesQuery,
): Promise<{ fileName: string; body: Buffer }> {
  requireAbility(ctx, canReadRegistries);
  const rows = await repo.allEnterprises(ctx.db, q);
  const names = await repo.unitNames(
    ctx.db,
    rows.flatMap((r) => [r.communeId, r.reportingUnitId]),
  );
  const codes = new Map((await repo.communesOn(ctx.db, vietnamDate(ctx.clock.now()))).map((c) => [c.id, c.code]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [16, 40, 12, 28, 24, 18, 50, 28].map((width) => ({ width }));
  ws.getRow(1).values = COLUMNS.map(([, h]) => h);
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = [
      r.taxCode,
      r.name,
      r.communeId ? (codes.get(r.communeId) ?? '') : '',
      r.communeId ? (names.get(r.communeId) ?? '') : '',
      r.sector,
      normaliseYears(r.industrialYears).join(', '),
      productsText(r.products),
      r.reportingUnitId ? (names.get(r.reportingUnitId) ?? '') : '',
    ];
    ws.getCell(`A${i + 2}`).numFmt = '@';
    ws.getCell(`G${i + 2}`).alignment = { wrapText: true, vertical: 'top' };
  });
  return {
    fileName: `doanh-nghiep-${vietnamDate(ctx.clock.now())}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

const STREAM_BY_LABEL = new Map<string, WasteStream>(
  WASTE_STREAMS.flatMap((s) => [
    [foldText(WASTE_STREAM_LABELS[s]), s],
    [s, s],
  ]),
);

type Refuse = (column: string, message: string) => void;

function readProducts(text: string, refuse: Refuse): EnterpriseProduct[] {
  const products: EnterpriseProduct[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [name, streams = ''] = line.split('|').map((x) => x.trim());
    const wasteStreams: WasteStream[] = [];
    for (const label of streams
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const stream = STREAM_BY_LABEL.get(foldText(label));
      if (!stream) {
        refuse(
          'G',
          `Sản phẩm "${name}": dòng chất thải "${label}" không có trong danh mục (Nông/lâm/thủy sản, Y tế, Công nghiệp, Sinh hoạt).`,
        );
        return [];
      }
      if (!wasteStreams.includes(stream)) wasteStreams.push(stream);
    }
    if (!name || name.length > ENTERPRISE_LIMITS.name) {
      refuse('G', `Sản phẩm: tên sản phẩm phải có từ 1 đến ${ENTERPRISE_LIMITS.name} ký tự.`);
      return [];
    }
    products.push({ name, wasteStreams });
  }
  return products;
}

function readYears(text: string, refuse: Refuse): number[] {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const years: number[] = [];
  for (const p of parts) {
    const y = Number(p);
    if (!/^\d{4}$/.test(p) || y < ENTERPRISE_LIMITS.firstYear || y > ENTERPRISE_LIMITS.lastYear) {
      refuse(
        'F',
        `Năm sản xuất quy mô công nghiệp: "${p}" không phải năm từ ${ENTERPRISE_LIMITS.firstYear} đến ${ENTERPRISE_LIMITS.lastYear}.`,
      );
      return [];
    }
    years.push(y);
  }
  return normaliseYears(years);
}

/** Reads the sheet; every refused cell is named (sheet, row, column, reason in Vietnamese). */
export function readSheet(
  ws: ExcelJS.Worksheet,
  communes: Map<string, string>,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const text = (col: string) => cellText(row.getCell(col).value).trim();
    if (['A', 'B', 'C', 'E', 'F', 'G'].every((c) => text(c) === '')) continue;
    const before = problems.length;
    const refuse: Refuse = (column, message) => problems.push({ sheet: ws.name, row: r, column, message });
    const raw = cellValue(row.getCell('A').value);
    // Excel turns a typed 0300588569 into the number 300588569: put the leading zero back.
    const taxCode = typeof raw === 'number' ? String(raw).padStart(10, '0') : normaliseTaxCode(text('A'));
    const problem = taxCodeProblem(taxCode);
    if (problem) refuse('A', taxCodeMessage(problem));
    else if (seen.has(taxCode)) refuse('A', `Mã số thuế ${taxCode} đã có ở dòng ${seen.get(taxCode)} của tệp.`);
    else seen.set(taxCode, r);
    const name = text('B');
    if (!name) refuse('B', 'Tên doanh nghiệp: chưa được nhập.');
    else if (name.length > ENTERPRISE_LIMITS.name)
      refuse('B', `Tên doanh nghiệp không được dài quá ${ENTERPRISE_LIMITS.name} ký tự.`);
    const communeCode = text('C');
    const communeId = communeCode ? (communes.get(communeCode) ?? null) : null;
    if (communeCode && !communeId) refuse('C', `Mã xã/phường: không có xã, phường mã "${communeCode}" còn hiệu lực.`);
    const sector = text('E');
    if (sector.length > ENTERPRISE_LIMITS.sector)
      refuse('E', `Ngành nghề không được dài quá ${ENTERPRISE_LIMITS.sector} ký tự.`);
    const industrialYears = readYears(text('F'), refuse);
    const products = readProducts(text('G'), refuse);
    if (problems.length === before) rows.push({ row: r, taxCode, name, communeId, sector, industrialYears, products });
  }
  return { rows, problems };
}

/** Imports an .xlsx in the export's layout: all rows or, when a cell is refused, none. */
export async function importEnterprises(
  ctx: Ctx,
  file: { fileName: string; body: Buffer },
): Promise<EnterpriseImportResponse> {
  const actor = requireAbility(ctx, canAddToRegistries);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'VALIDATION_ERROR',
      msg('Tệp không phải tệp Excel (.xlsx) đọc được.', 'The file is not a readable Excel (.xlsx) workbook.'),
      {
        issues: [{ path: 'file', message: msg('Tệp Excel không đọc được', 'Unreadable Excel file') }],
      },
    );
  }
  const ws = wb.getWorksheet(SHEET);
  if (!ws) {
    return {
      created: 0,
      updated: 0,
      unchanged: 0,
      problems: [
        {
          sheet: SHEET,
          row: 0,
          column: '',
          message: `Tệp không có trang tính "${SHEET}" (hãy dùng tệp xuất từ sổ doanh nghiệp).`,
        },
      ],
    };
  }
  const communes = new Map((await repo.communesOn(ctx.db, vietnamDate(ctx.clock.now()))).map((c) => [c.code, c.id]));
  const { rows, problems } = readSheet(ws, communes);
  if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems };
  return applyImport(ctx, actor, SHEET, rows);
}
