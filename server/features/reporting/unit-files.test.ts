import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResultDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { cellText } from '../../lib/spreadsheets/cells.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, submitReport } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let stc: TestClient;
let yte: TestClient;
let cycleId: string;
let stcReport: ReportDto;

/** A multipart body with one file field. */
function multipart(name: string, body: Buffer) {
  const boundary = `----bioplan${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: TestClient, reportId: string, name: string, body: Buffer, query = '') {
  const m = multipart(name, body);
  return c.inject({
    method: 'POST',
    url: `/api/v1/reports/${reportId}/import.xlsx${query}`,
    payload: m.payload,
    headers: m.headers,
  });
}

async function load(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

const STREAM_LABELS: Record<string, string> = {
  '': '',
  agri: 'Nông, lâm, thủy sản',
  medical: 'Y tế',
  industrial: 'Công nghiệp',
  domestic: 'Sinh hoạt',
};

/** The row of an indicator (and waste stream, shown in Vietnamese) in the template sheet. */
function rowOf(ws: ExcelJS.Worksheet, code: string, stream = ''): number {
  for (let r = 7; r <= ws.rowCount; r += 1) {
    const label = cellText(ws.getRow(r).getCell(3).value);
    if (ws.getRow(r).getCell(1).value === code && label === STREAM_LABELS[stream]) return r;
  }
  throw new Error(`no row ${code} ${stream}`);
}

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  stc = await t.loginAs('unit', { unitCode: 'VL-STC' });
  yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  cycleId = (await buildCycle(t, focal)).id;
  stcReport = (await stc.get(`/api/v1/cycles/${cycleId}/my-report`)).json();
  await submitReport(yte, cycleId, { xlMedical: 77.25 });
});

afterAll(async () => {
  await t?.close();
});

describe('template and import', () => {
  let template: Buffer;

  it('gives the unit its form, prefilled, with number formats and a hidden marker', async () => {
    const res = await stc.get(`/api/v1/reports/${stcReport.id}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    template = res.rawPayload;
    const wb = await load(template);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    expect(ws.getRow(6).getCell(4).value).toBe('Giá trị');
    expect(ws.getCell(`D${rowOf(ws, 'XL-01', 'medical')}`).numFmt).toBe('#,##0.##');
    expect(wb.getWorksheet('_bioplan')!.state).toBe('veryHidden');
    expect((await yte.get(`/api/v1/reports/${stcReport.id}/template.xlsx`)).statusCode).toBe(404);
  });

  it('imports the good cells, names each refused cell, and changes nothing the second time', async () => {
    const wb = await load(template);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    const agri = rowOf(ws, 'XL-01', 'agri');
    const dn = rowOf(ws, 'DN-01');
    const tl = rowOf(ws, 'TL-01');
    const kh = rowOf(ws, 'KH-00');
    ws.getCell(`D${agri}`).value = 1500.75;
    ws.getCell(`D${dn}`).value = 'ba doanh nghiệp';
    ws.getCell(`D${tl}`).value = 140;
    ws.getCell(`D${kh}`).value = 'Có';
    ws.getCell(`D${rowOf(ws, 'KP-01')}`).value = '2.500,5';
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await upload(stc, stcReport.id, 'bieu-mau.xlsx', filled);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<ImportResultDto>();
    expect(out.changed).toBe(3);
    expect(out.version).toBe(stcReport.version + 1);
    expect(out.refused).toHaveLength(2);
    expect(out.refused[0]).toMatchObject({ sheet: 'Chỉ tiêu', cell: `D${dn}`, address: `Chỉ tiêu!D${dn}` });
    expect(out.refused[0].reason).toContain('phải là số');
    expect(out.refused[0].reason).toContain('DN-01');
    expect(out.refused[1].address).toBe(`Chỉ tiêu!D${tl}`);
    expect(out.refused[1].reason).toContain('không được lớn hơn 100');

    const report = (await stc.get(`/api/v1/reports/${stcReport.id}`)).json<ReportDto>();
    expect(report.version).toBe(out.version);
    expect(report.values).toEqual(
      expect.arrayContaining([
        { indicatorCode: 'XL-01', wasteStream: 'agri', value: 1500.75 },
        { indicatorCode: 'KH-00', wasteStream: null, value: true },
        { indicatorCode: 'KP-01', wasteStream: null, value: 2500.5 },
      ]),
    );

    const again = (await upload(stc, stcReport.id, 'bieu-mau.xlsx', filled)).json<ImportResultDto>();
    expect(again.changed).toBe(0);
    expect(again.version).toBe(out.version);
    expect((await stc.get(`/api/v1/reports/${stcReport.id}`)).json().version).toBe(out.version);

    // One multipart body: its boundary must be the one its header names.
    const body = multipart('x.xlsx', filled);
    const en = await stc.inject({
      method: 'POST',
      url: `/api/v1/reports/${stcReport.id}/import.xlsx`,
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en' },
    });
    expect(en.statusCode, en.body).toBe(200);
    expect(en.json().refused[0].reason).toContain('must be a number');
  });

  it("reads text cells as Vietnamese numbers and refuses out-of-range cells by the form's own rule", async () => {
    const wb = await load((await stc.get(`/api/v1/reports/${stcReport.id}/template.xlsx`)).rawPayload);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    const medical = rowOf(ws, 'XL-01', 'medical');
    const industrial = rowOf(ws, 'XL-01', 'industrial');
    const kp = rowOf(ws, 'KP-01');
    const tl = rowOf(ws, 'TL-01');
    ws.getCell(`D${medical}`).value = '1.5'; // ambiguous in Vietnamese: read 1,5, never 15
    ws.getCell(`D${kp}`).value = '1\u00a0234,5'; // as Excel pastes it
    ws.getCell(`D${industrial}`).value = '-3'; // a negative amount
    ws.getCell(`D${tl}`).value = '120,5'; // a percentage above 100
    const res = await upload(stc, stcReport.id, 'so-lieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<ImportResultDto>();
    expect(out.refused.map((x) => x.address)).toEqual([`Chỉ tiêu!D${industrial}`, `Chỉ tiêu!D${tl}`]);
    expect(out.refused[0].reason).toContain('XL-01');
    expect(out.refused[0].reason).toContain('không được nhỏ hơn 0 (đang là -3)');
    expect(out.refused[1].reason).toContain('không được lớn hơn 100 (đang là 120,5)');
    const report = (await stc.get(`/api/v1/reports/${stcReport.id}`)).json<ReportDto>();
    expect(report.values).toEqual(
      expect.arrayContaining([
        { indicatorCode: 'XL-01', wasteStream: 'medical', value: 1.5 },
        { indicatorCode: 'KP-01', wasteStream: null, value: 1234.5 },
      ]),
    );
    expect(report.values.find((v) => v.indicatorCode === 'XL-01' && v.wasteStream === 'industrial')).toBeUndefined();
  });

  it('imports nothing from a file that is not a valid template', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Chỉ tiêu').getCell('D7').value = 5;
    const notTemplate = await upload(stc, stcReport.id, 'khac.xlsx', Buffer.from(await other.xlsx.writeBuffer()));
    expect(notTemplate.statusCode).toBe(400);
    expect(notTemplate.json().error.code).toBe('INVALID_TEMPLATE');
    expect(notTemplate.json().error.message).toContain('không phải biểu mẫu');
    const garbage = await upload(stc, stcReport.id, 'rac.xlsx', Buffer.from('đây không phải tệp excel'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.message).toContain('Chưa nhập dữ liệu nào');
    const yteReport = (await yte.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    const yteTemplate = (await yte.get(`/api/v1/reports/${yteReport.id}/template.xlsx`)).rawPayload;
    const wrong = await upload(stc, stcReport.id, 'sai.xlsx', yteTemplate);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('VL-SYT');
    const none = await stc.inject({
      method: 'POST',
      url: `/api/v1/reports/${stcReport.id}/import.xlsx`,
      ...multipart('x.xlsx', Buffer.alloc(0)),
    });
    expect(none.statusCode).toBeLessThan(500);
  });

  it('respects the report rules: stale version 409, submitted report 409, another unit 404, focal 403', async () => {
    const current = (await stc.get(`/api/v1/reports/${stcReport.id}`)).json<ReportDto>();
    const stale = await upload(stc, stcReport.id, 'b.xlsx', template, `?version=${current.version - 1}`);
    expect(stale.statusCode).toBe(409);
    const yteReport = (await yte.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    const yteTemplate = (await yte.get(`/api/v1/reports/${yteReport.id}/template.xlsx`)).rawPayload;
    const submitted = await upload(yte, yteReport.id, 'b.xlsx', yteTemplate);
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error.message).toContain('đã gửi');
    expect((await upload(yte, stcReport.id, 'b.xlsx', template)).statusCode).toBe(404);
    expect((await upload(focal, stcReport.id, 'b.xlsx', template)).statusCode).toBe(403);
  });
});
