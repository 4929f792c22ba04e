// A figure's table as a download: CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads the
// diacritics) or XLSX (the table on sheet "Dữ liệu", the title and the method on "Cách tính").
import ExcelJS from 'exceljs';
import type { FigureDto } from '../../../shared/contracts/progress.js';
import { fileSlug } from '../../../shared/file-names.js';

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

export function figureCsv(f: FigureDto): Buffer {
  const lines = [f.table.columns, ...f.table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function figureXlsx(f: FigureDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const data = wb.addWorksheet('Dữ liệu');
  data.addRow(f.table.columns).font = { bold: true };
  for (const row of f.table.rows) data.addRow(row);
  data.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[f.table.columns[i], ...f.table.rows.map((r) => r[i])].map((v) => String(v ?? '').length),
    );
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const about = wb.addWorksheet('Cách tính');
  about.addRow([f.title]).font = { bold: true };
  about.addRow([f.method]);
  about.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "bieu-do-indicator-years-xl-01-2026.csv" */
export function figureFileName(f: FigureDto, extra: Array<string | number | undefined>, ext: 'csv' | 'xlsx'): string {
  const parts = ['bieu-do', f.id, ...extra.filter((x) => x !== undefined).map(String)];
  return `${fileSlug(parts.join(' '))}.${ext}`;
}
