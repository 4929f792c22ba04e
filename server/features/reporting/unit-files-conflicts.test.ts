// Excel never overwrites newer work: a template made from an older version of the report is
// merged cell by cell (three ways: what the template held, what the file holds, what the report
// holds now); cells changed on both sides are answered as conflicts and nothing is applied until
// the officer chooses.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResultDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { cellText } from '../../lib/spreadsheets/cells.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle } from './reporting.fixtures.js';

let t: TestApp;
let officerA: TestClient;
let officerB: TestClient;
let report: ReportDto;

/** A multipart body with the file and optional text fields. */
function multipart(body: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----bioplanconflicts';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bieu-mau.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([...parts, head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: TestClient, body: Buffer, fields: Record<string, string> = {}) {
  const res = await c.inject({
    method: 'POST',
    url: `/api/v1/reports/${report.id}/import.xlsx`,
    ...multipart(body, fields),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportResultDto>();
}

const current = async () => (await officerA.get(`/api/v1/reports/${report.id}`)).json<ReportDto>();
const valueOf = (r: ReportDto, code: string, stream: string | null = null) =>
  r.values.find((v) => v.indicatorCode === code && v.wasteStream === stream)?.value ?? null;

async function save(c: TestClient, values: Array<{ indicatorCode: string; wasteStream?: string; value: unknown }>) {
  const r = await current();
  const res = await c.put(`/api/v1/reports/${r.id}`, {
    version: r.version,
    values,
    sections: r.sections,
    otherResults: r.otherResults,
    proposalsToCommittee: r.proposalsToCommittee,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function template(): Promise<ExcelJS.Workbook> {
  const res = await officerA.get(`/api/v1/reports/${report.id}/template.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return wb;
}

/** The row of an indicator (and waste stream label) in the template sheet. */
function rowOf(ws: ExcelJS.Worksheet, code: string, streamLabel = ''): number {
  for (let r = 7; r <= ws.rowCount; r += 1)
    if (ws.getRow(r).getCell(1).value === code && cellText(ws.getRow(r).getCell(3).value) === streamLabel) return r;
  throw new Error(`no row ${code} ${streamLabel}`);
}

const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

beforeAll(async () => {
  t = await buildTestApp();
  const focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  officerA = await t.loginAs('unit', { unitCode: 'VL-STC', name: 'Nguyễn Văn An' });
  officerB = await t.loginAs('unit', { unitCode: 'VL-STC', name: 'Trần Thị Bình' });
  const cycleId = (await buildCycle(t, focal)).id;
  report = (await officerA.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
  await save(officerA, [
    { indicatorCode: 'DN-01', value: 2 },
    { indicatorCode: 'XL-01', wasteStream: 'medical', value: 100 },
    { indicatorCode: 'KP-01', value: 500 },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('importing a template older than the report', () => {
  let olderFile: Buffer;
  let rows: Record<string, number>;

  it('lists each conflicting cell with both values and who changed it when, and changes nothing', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    rows = {
      dn: rowOf(ws, 'DN-01'),
      medical: rowOf(ws, 'XL-01', 'Y tế'),
      kp: rowOf(ws, 'KP-01'),
      domestic: rowOf(ws, 'XL-01', 'Sinh hoạt'),
      kh: rowOf(ws, 'KH-00'),
    };
    // Made from version 2; meanwhile another officer changes DN-01 and adds a domestic figure.
    await save(officerB, [
      { indicatorCode: 'DN-01', value: 5 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: 100 },
      { indicatorCode: 'XL-01', wasteStream: 'domestic', value: 30 },
      { indicatorCode: 'KP-01', value: 500 },
    ]);
    const before = await current();
    ws.getCell(`D${rows.dn}`).value = 3; // changed on both sides: a conflict
    ws.getCell(`D${rows.medical}`).value = 150; // changed only in the file
    ws.getCell(`D${rows.kp}`).value = null; // blank: no change
    ws.getCell(`D${rows.kh}`).value = 'Có'; // new in the file
    olderFile = await bufferOf(wb);

    const out = await upload(officerA, olderFile);
    expect(out.status).toBe('conflicts');
    expect(out.templateVersion).toBe(before.version - 1);
    expect(out.conflicts).toHaveLength(1);
    expect(out.conflicts[0]).toMatchObject({
      key: 'DN-01|',
      cell: `D${rows.dn}`,
      fileValue: 3,
      currentValue: 5,
      changedBy: 'Trần Thị Bình',
      changedAt: before.updatedAt,
    });
    expect(out.conflicts[0].label).toContain('DN-01');
    expect(out.changed).toBe(0);
    const after = await current();
    expect(after.version).toBe(before.version);
    expect(after.values).toEqual(before.values);
  });

  it('"keep all current" applies the rest and keeps the newer figure; blank cells change nothing', async () => {
    const out = await upload(officerA, olderFile, { resolve: 'current' });
    expect(out.status).toBe('applied');
    expect(out.changes.map((c) => [c.key, c.before, c.after])).toEqual([
      ['KH-00|', null, true],
      ['XL-01|medical', 100, 150],
    ]);
    const r = await current();
    expect(valueOf(r, 'DN-01')).toBe(5);
    expect(valueOf(r, 'XL-01', 'medical')).toBe(150);
    expect(valueOf(r, 'KP-01')).toBe(500);
    expect(valueOf(r, 'XL-01', 'domestic')).toBe(30);
    expect(valueOf(r, 'KH-00')).toBe(true);
  });

  it('applies the value of the file for a cell the officer chose, and lists the change', async () => {
    const again = await upload(officerA, olderFile);
    expect(again.status).toBe('conflicts');
    expect(again.conflicts.map((c) => c.key)).toEqual(['DN-01|']);
    const out = await upload(officerA, olderFile, { choices: JSON.stringify({ 'DN-01|': 'file' }) });
    expect(out.status).toBe('applied');
    expect(out.changes).toEqual([expect.objectContaining({ key: 'DN-01|', before: 5, after: 3, cell: `D${rows.dn}` })]);
    expect(valueOf(await current(), 'DN-01')).toBe(3);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await current();
    const out = await upload(officerA, olderFile);
    expect(out.status).toBe('applied');
    expect(out.changes).toEqual([]);
    expect(out.changed).toBe(0);
    expect((await current()).version).toBe(before.version);
  });

  it('"all from file" applies every conflicting cell', async () => {
    await save(officerB, [
      { indicatorCode: 'DN-01', value: 9 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: 150 },
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'KP-01', value: 500 },
    ]);
    expect((await upload(officerA, olderFile)).status).toBe('conflicts');
    const out = await upload(officerA, olderFile, { resolve: 'file' });
    expect(out.status).toBe('applied');
    expect(out.changes.map((c) => [c.key, c.before, c.after])).toEqual([['DN-01|', 9, 3]]);
  });

  it('clears blank cells only when the officer asks for it', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    ws.getCell(`D${rows.kp}`).value = null;
    const file = await bufferOf(wb);
    const kept = await upload(officerA, file);
    expect(kept.changes).toEqual([]);
    expect(valueOf(await current(), 'KP-01')).toBe(500);
    const cleared = await upload(officerA, file, { clearBlanks: 'true' });
    expect(cleared.status).toBe('applied');
    expect(cleared.changes).toEqual([expect.objectContaining({ key: 'KP-01|', before: 500, after: null })]);
    expect(valueOf(await current(), 'KP-01')).toBeNull();
  });

  it('shows waste streams in Vietnamese only: no stream code in the template sheet', async () => {
    const ws = (await template()).getWorksheet('Chỉ tiêu')!;
    const texts = new Set<string>();
    ws.eachRow((row) => row.eachCell((cell) => texts.add(cellText(cell.value))));
    for (const code of WASTE_STREAMS) expect(texts.has(code), code).toBe(false);
    expect(texts.has('Nông, lâm, thủy sản')).toBe(true);
  });

  it('names the downloads after the year and the unit, in ASCII with filename*', async () => {
    const slug = `bao-cao-nam-${report.year}-so-tai-chinh`;
    for (const [path, ext] of [
      ['template.xlsx', 'xlsx'],
      ['document.docx', 'docx'],
    ]) {
      const res = await officerA.get(`/api/v1/reports/${report.id}/${path}`);
      expect(res.statusCode).toBe(200);
      const header = String(res.headers['content-disposition']);
      expect(header).toMatch(
        new RegExp(`^attachment; filename="${slug}[a-z0-9-]*\\.${ext}"; filename\\*=UTF-8''${slug}`),
      );
    }
  });
});
