import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, submitReport } from '../reporting/reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let stc: TestClient;
let yte: TestClient;
let cycleId: string;

async function load(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  leader = await t.loginAs('leader');
  stc = await t.loginAs('unit', { unitCode: 'VL-STC' });
  yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  cycleId = (await buildCycle(t, focal)).id;
  await submitReport(yte, cycleId, { xlMedical: 77.25 });
});

afterAll(async () => {
  await t?.close();
});

describe('cycle export', () => {
  it('has one row per unit × indicator × waste stream with codes and statuses, and the per-unit table', async () => {
    const res = await focal.get(`/api/v1/cycles/${cycleId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('so-lieu-chi-tieu-2026.xlsx');
    const wb = await load(res.rawPayload);
    const data = wb.getWorksheet('Dữ liệu')!;
    expect(data.getRow(1).values).toEqual(
      expect.arrayContaining(['Mã đơn vị', 'Đơn vị', 'Trạng thái báo cáo', 'Mã chỉ tiêu', 'Dòng chất thải', 'Giá trị']),
    );
    const rows = data.getSheetValues().slice(2) as unknown[][];
    const hit = rows.find((r) => r[1] === 'VL-SYT' && r[7] === 'XL-01' && r[9] === 'Y tế');
    expect(hit?.[11]).toBe(77.25);
    expect(hit?.[4]).toBe('Đã gửi');
    expect(data.getRow(2).getCell(11).numFmt).toBe('#,##0.##');
    const missing = rows.find((r) => r[1] === 'VL-STC');
    expect(missing?.[5]).toBe('Chưa gửi');
    const pivot = wb.getWorksheet('Theo đơn vị')!;
    const yteRow = (pivot.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'VL-SYT')!;
    const col = (pivot.getRow(1).values as unknown[]).indexOf('XL-01');
    expect(yteRow[col]).toBe(77.25 + 1234.5);
  });

  it('is for focal officers and leaders only', async () => {
    expect((await leader.get(`/api/v1/cycles/${cycleId}/export.xlsx`)).statusCode).toBe(200);
    expect((await stc.get(`/api/v1/cycles/${cycleId}/export.xlsx`)).statusCode).toBe(403);
  });
});
