// The dashboards' figures against values computed by hand on a small world: two cycles (2025,
// 2026), two departments and a ward reporting, one report late, one never accepted; who reads
// them; their CSV and XLSX parsed back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IndicatorsResponse,
  ItemsResponse,
  OverviewResponse,
  TimelinessResponse,
} from '../../../shared/contracts/progress.js';
import type { ExpectedUnitsResponse, ReportDto } from '../../../shared/contracts/reporting.js';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, submitReport } from '../reporting/reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let admin: TestClient;
let unit: TestClient;
let cycle2026: string;
const reports: Record<string, ReportDto> = {};
let expected2026: ExpectedUnitsResponse;

async function accept(id: string) {
  const res = await focal.post(`/api/v1/reports/${id}/accept`);
  if (res.statusCode !== 200) throw new Error(`accept ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  t = await buildTestApp({ now: '2025-11-20T02:00:00Z' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  admin = await t.loginAs('admin');
  unit = await t.loginAs('unit', { unitCode: 'VL-STC' });
  const health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  const ward = await t.loginAs('unit', { unitCode: '28756' });

  // 2025: finance only, XL-01 medical 100 + domestic 1234.5, accepted.
  const c2025 = await buildCycle(t, focal, { year: 2025, deadline: '2025-11-30' });
  reports.finance2025 = await submitReport(unit, c2025.id, { xlMedical: 100 });
  await accept(reports.finance2025.id);

  // 2026: finance and health on time and accepted; the ward late (grace days) and not accepted.
  await moveClock(t, '2026-11-20T02:00:00Z');
  const c2026 = await buildCycle(t, focal, { year: 2026, deadline: '2026-11-25', graceDays: 5 });
  cycle2026 = c2026.id;
  reports.finance = await submitReport(unit, cycle2026, { xlMedical: 120.5 });
  reports.health = await submitReport(health, cycle2026, {
    xlMedical: 10,
    difficulties: 'Thiếu kinh phí mua chế phẩm.',
  });
  await accept(reports.finance.id);
  await accept(reports.health.id);
  await moveClock(t, '2026-11-27T02:00:00Z');
  reports.ward = await submitReport(ward, cycle2026, { xlMedical: 7 });
  expected2026 = (await focal.get(`/api/v1/cycles/${cycle2026}/expected-units`)).json();
}, 180_000);
afterAll(async () => t?.close());

describe('indicators over the years', () => {
  it('sums XL-01 of accepted reports per year, by waste stream and by kind of unit', async () => {
    const res = await leader.get('/api/v1/progress/indicators?indicator=XL-01&year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorsResponse>();
    const [years, streams, kinds, localities] = body.figures;
    // 2025: 100 + 1234.5; 2026: (120.5 + 1234.5) + (10 + 1234.5); the ward's is not accepted.
    const at = (year: number) => years.chart!.series[0].data[years.chart!.categories.indexOf(String(year))];
    expect(at(2025)).toBe(1334.5);
    expect(at(2026)).toBe(2599.5);
    expect(at(2027)).toBeNull();
    expect(years.chart!.categories.at(-1)).toBe('2030');
    expect(years.chart!.series.some((s) => s.isTarget)).toBe(false);
    expect(years.method).toContain('2026: 2');
    expect(years.method).toContain('chưa có mục tiêu số');
    const stream = (label: string) => streams.table.rows.find((r) => r[0] === 2026 && r[1] === label)?.[2];
    expect(stream('y tế')).toBe(130.5);
    expect(stream('sinh hoạt')).toBe(2469);
    expect(kinds.table.rows.filter((r) => r[0] === 2026)).toEqual([[2026, 'Sở, ban, ngành', 2599.5]]);
    // The ward: submitted late, not accepted → no value; in the table of communes and wards.
    const wardRow = localities.table.rows.find((r) => r[0] === '28756');
    expect(wardRow?.slice(2)).toEqual(['Đã nộp', null]);
    const localitiesExpected = expected2026.data.filter((u) => u.unit.kind === 'commune' || u.unit.kind === 'ward');
    expect(localities.table.rows).toHaveLength(localitiesExpected.length);
    expect(localities.method).toContain(`0/${localitiesExpected.length}`);
  });

  it('counts "yes" answers for a yes/no indicator', async () => {
    const body = (await leader.get('/api/v1/progress/indicators?indicator=KH-00')).json<IndicatorsResponse>();
    expect(body.figures[0].table.rows.filter((r) => r[0] === 2025 || r[0] === 2026).map((r) => r[1])).toEqual([1, 2]);
  });

  it('refuses an unknown indicator and a year with no cycle with 400 naming the field', async () => {
    const bad = await leader.get('/api/v1/progress/indicators?indicator=ZZ-99');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Chỉ tiêu');
    const year = await leader.get('/api/v1/progress/items?year=2031');
    expect(year.statusCode).toBe(400);
    expect(year.json().error.issues?.[0]?.path ?? year.json().error.message).toMatch(/year|Năm/);
  });
});

describe('target line', () => {
  it('draws the plan’s target from its baseline to its year, and nothing for a target whose baseline is missing', async () => {
    // XL-01: baseline 1,000 t in 2025, +10 % by 2030 → 1,100 t.
    await t.database.db.execute(sql`insert into plan_target (version_id, indicator_code, baseline_year, baseline_value,
        target_year, change_kind, change_amount, direction, source, position)
      select v.id, 'XL-01', 2025, 1000, 2030, 'percent', 10, 'increase', 'Thử', 99
      from plan_version v join plan p on p.id = v.plan_id and v.number = p.current_version`);
    const body = (await leader.get('/api/v1/progress/indicators?indicator=XL-01')).json<IndicatorsResponse>();
    const years = body.figures[0];
    const target = years.chart!.series.find((s) => s.isTarget)!;
    const at = (y: number) => target.data[years.chart!.categories.indexOf(String(y))];
    expect([at(2025), at(2028), at(2030)]).toEqual([1000, null, 1100]);
    expect(body.target).toMatchObject({ year: 2030, value: 1100 });
    expect(years.method).toContain('Đường mục tiêu: 1.100');
    const overview = (await leader.get('/api/v1/progress/overview')).json<OverviewResponse>();
    expect(overview.indicators.find((i) => i.code === 'XL-01')?.target).toEqual({ year: 2030, value: 1100 });
    // DN-01 (QĐ 1639: +10 % against a 2024 baseline not yet entered) draws no line.
    const dn = (await leader.get('/api/v1/progress/indicators?indicator=DN-01')).json<IndicatorsResponse>();
    expect(dn.target).toBeNull();
    expect(dn.figures[0].chart!.series.some((s) => s.isTarget)).toBe(false);
  });
});

describe('progress per plan item', () => {
  it('counts units assigned from the frozen forms and units reporting from accepted results', async () => {
    const body = (await focal.get('/api/v1/progress/items?year=2026')).json<ItemsResponse>();
    // By hand: every expected unit's sections, from the expected-units list.
    const assigned = new Map<string, number>();
    for (const u of expected2026.data) for (const s of u.sections) assigned.set(s.key, (assigned.get(s.key) ?? 0) + 1);
    expect(body.items.length).toBe(assigned.size);
    for (const item of body.items) expect(item.assigned).toBe(assigned.get(item.key));
    // Reporting: the accepted reports (finance, health) write every section of their form; the ward's is not accepted.
    const keysOf = (r: ReportDto) => r.form.sections.map((s) => s.key);
    for (const item of body.items) {
      const byHand =
        (keysOf(reports.finance).includes(item.key) ? 1 : 0) + (keysOf(reports.health).includes(item.key) ? 1 : 0);
      expect(item.reporting, item.key).toBe(byHand);
    }
    const financeOnly = body.items.find((i) => i.reporting === 1 && keysOf(reports.finance).includes(i.key))!;
    expect(financeOnly.excerpts.map((e) => e.reportId)).toContain(reports.finance.id);
    expect(body.figure.method).toContain('Kỳ 2026');
    expect(body.figure.table.rows).toHaveLength(body.items.length);
  });
});

describe('timeliness and difficulties', () => {
  it('counts on time, late, missing and accepted per cycle', async () => {
    const body = (await leader.get('/api/v1/progress/timeliness?year=2026')).json<TimelinessResponse>();
    const board = (await focal.get(`/api/v1/cycles/${cycle2026}/completeness`)).json();
    const [timeliness, difficulties] = body.figures;
    const row2026 = timeliness.table.rows.find((r) => r[0] === 2026)!;
    // Expected as the board counts it; finance and health on time, the ward late; two accepted.
    expect(row2026).toEqual([2026, board.expected, 2, 1, board.expected - 3, 2]);
    const row2025 = timeliness.table.rows.find((r) => r[0] === 2025)!;
    expect(row2025.slice(2)).toEqual([1, 0, (row2025[1] as number) - 1, 1]);
    // Health raised a difficulty under its first section; the desk holds one item for its report.
    const first = reports.health.form.sections[0].key;
    const raised = body.difficulties.find((d) => d.key === first)!;
    expect(raised).toMatchObject({ difficulties: 1, proposals: 0, deskItems: 1, answered: 0 });
    expect(raised.reportIds).toEqual([reports.health.id]);
    expect(difficulties.table.rows).toHaveLength(body.difficulties.length);
  });
});

describe('the leader’s overview', () => {
  it('gives completeness, key indicators against last year, items with no report, top difficulties', async () => {
    const body = (await leader.get('/api/v1/progress/overview')).json<OverviewResponse>();
    expect(body.cycle?.year).toBe(2026);
    expect(body.completeness).toMatchObject({ submitted: 3, onTime: 2, late: 1, accepted: 2 });
    const xl = body.indicators.find((i) => i.code === 'XL-01')!;
    expect(xl).toMatchObject({ value: 2599.5, lastYear: 1334.5 });
    const items = (await leader.get('/api/v1/progress/items?year=2026')).json<ItemsResponse>();
    expect(body.itemsWithoutReport.map((i) => i.key).sort()).toEqual(
      items.items
        .filter((i) => i.reporting === 0)
        .map((i) => i.key)
        .sort(),
    );
    expect(body.difficulties[0]).toMatchObject({ key: reports.health.form.sections[0].key, count: 1 });
  });
});

describe('who reads the dashboards', () => {
  it('lets the focal department, leaders and the administrator read; unit officers 403; the public 401', async () => {
    for (const path of ['overview', 'items', 'indicators', 'timeliness', 'export?figure=timeliness&format=csv']) {
      const url = `/api/v1/progress/${path}`;
      for (const c of [focal, leader, admin]) expect((await c.get(url)).statusCode, url).toBe(200);
      expect((await unit.get(url)).statusCode, url).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});

describe('exports', () => {
  it('writes a figure’s table as CSV that reads back to the same rows', async () => {
    const page = (await leader.get('/api/v1/progress/timeliness')).json<TimelinessResponse>();
    const res = await leader.get('/api/v1/progress/export?figure=timeliness&format=csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('bieu-do-timeliness');
    const lines = res.body
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',')).toEqual(page.figures[0].table.columns);
    expect(lines.slice(1).map((l) => l.split(',').map(Number))).toEqual(page.figures[0].table.rows);
  });

  it('writes a figure’s table as XLSX with its method, read back cell by cell', async () => {
    const page = (await leader.get('/api/v1/progress/indicators?indicator=XL-01&year=2026')).json<IndicatorsResponse>();
    const res = await leader.get(
      '/api/v1/progress/export?figure=indicator-years&format=xlsx&indicator=XL-01&year=2026',
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const data = wb.getWorksheet('Dữ liệu')!;
    // Array.from, not map: exceljs leaves holes for empty cells.
    const read = (row: number) => Array.from((data.getRow(row).values as unknown[]).slice(1), (v) => v ?? null);
    expect(read(1)).toEqual(page.figures[0].table.columns);
    const rows = page.figures[0].table.rows;
    for (let i = 0; i < rows.length; i += 1) {
      const cells = read(i + 2);
      expect([...cells, ...Array(rows[i].length - cells.length).fill(null)]).toEqual(rows[i]);
    }
    expect(wb.getWorksheet('Cách tính')!.getCell('A2').value).toBe(page.figures[0].method);
  });

  it('answers a CSV with quotes around cells holding commas', async () => {
    const res = await leader.get('/api/v1/progress/export?figure=items&format=csv&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\r\n').length).toBeGreaterThan(2);
  });
});
