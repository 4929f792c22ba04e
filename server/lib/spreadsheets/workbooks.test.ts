import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCycleExport, buildReportTemplate, readReportTemplate } from './workbooks.js';
import { cellText } from './cells.js';

const streams = [
  { code: 'agri', label: 'Nông, lâm, thủy sản' },
  { code: 'medical', label: 'Y tế' },
];
const indicators = [
  {
    code: 'XL-01',
    name: 'Chất thải xử lý',
    unit: 'tấn',
    valueType: 'number' as const,
    byWasteStream: true,
    min: 0,
    max: null,
  },
  {
    code: 'KH-00',
    name: 'Có kế hoạch',
    unit: '',
    valueType: 'boolean' as const,
    byWasteStream: false,
    min: null,
    max: null,
  },
];

async function texts(body: Buffer, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => out.push(cellText(cell.value))));
  return out;
}

describe('workbooks', () => {
  it('heads the submission column "Tình trạng gửi" and shows waste streams in Vietnamese', async () => {
    const body = await buildCycleExport({
      year: 2026,
      planNumber: '1953/KH-UBND',
      indicators,
      streams,
      units: [
        {
          code: 'VL-STC',
          name: 'Sở Tài chính',
          kindLabel: 'Sở, ngành',
          statusLabel: 'Chưa mở báo cáo',
          timingLabel: 'Chưa gửi',
          submittedAt: '',
          values: new Map(),
          totals: {},
        },
      ],
    });
    const cells = await texts(body, 'Dữ liệu');
    expect(cells).toContain('Tình trạng gửi');
    expect(cells).not.toContain('Thời hạn gửi');
    expect(cells).toContain('Y tế');
    expect(cells).not.toContain('medical');
  });

  it('records the version and the values a template was made from, and reads them back', async () => {
    const body = await buildReportTemplate({
      reportId: 'r1',
      cycleId: 'c1',
      version: 7,
      year: 2026,
      unitCode: 'VL-STC',
      unitName: 'Sở Tài chính',
      planNumber: '1953/KH-UBND',
      indicators,
      streams,
      values: new Map<string, number | boolean | string | null>([
        ['XL-01|medical', 12.5],
        ['KH-00|', true],
      ]),
    });
    expect(await texts(body, 'Chỉ tiêu')).not.toContain('medical');
    const read = await readReportTemplate(body);
    expect(read.meta.version).toBe('7');
    expect(read.base).toEqual(
      new Map<string, unknown>([
        ['XL-01|medical', 12.5],
        ['KH-00|', true],
      ]),
    );
    expect(read.cells.map((c) => [c.code, c.streamLabel, c.raw])).toEqual([
      ['XL-01', 'Nông, lâm, thủy sản', null],
      ['XL-01', 'Y tế', 12.5],
      ['KH-00', '', 'Có'],
    ]);
  });
});
