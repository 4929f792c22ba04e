// Progress per plan item, drilled down (issue 13): the activities serving each item by status,
// the accepted reports behind "units reporting", the registries an item's indicators come from;
// and an indicator's yearly series continued across a plan's replacement where the codes match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityListResponse } from '../../../shared/contracts/activities.js';
import type { PlanSummaryDto } from '../../../shared/contracts/plans.js';
import type { IndicatorsResponse, ItemsResponse } from '../../../shared/contracts/progress.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { PATHS } from '../../paths.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, submitReport } from '../reporting/reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let finance: TestClient;
let health: TestClient;
let financeReport: ReportDto;
let healthReport: ReportDto;

const activity = {
  title: 'Tập huấn ứng dụng chế phẩm sinh học',
  planItemKeys: ['IV.1.a'],
  period: { kind: 'year', year: 2026 },
  expectedOutput: '02 lớp tập huấn',
};

async function createActivity(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/activities', { ...activity, ...body });
  if (res.statusCode !== 201) throw new Error(`activity: ${res.statusCode} ${res.body}`);
}

async function accept(c: TestClient, id: string) {
  const res = await c.post(`/api/v1/reports/${id}/accept`);
  if (res.statusCode !== 200) throw new Error(`accept ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00Z' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  // IV.1.a: health 2 (not started, in progress), finance 1 done; the health activity serving
  // IV.1.a and IV.4 counts under both; one cancelled activity on IV.4 only.
  await createActivity(health, {});
  await createActivity(health, { status: 'in_progress', planItemKeys: ['IV.1.a', 'IV.4'] });
  await createActivity(finance, { status: 'done' });
  await createActivity(finance, {
    status: 'cancelled',
    statusReason: 'Không bố trí được kinh phí',
    planItemKeys: ['IV.4'],
  });

  // 2026: finance and health submit; only finance's report is accepted.
  await moveClock(t, '2026-11-20T02:00:00Z');
  const cycle = await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' });
  financeReport = await submitReport(finance, cycle.id, { xlMedical: 40 });
  healthReport = await submitReport(health, cycle.id, { xlMedical: 5 });
  await accept(focal, financeReport.id);
}, 300_000);
afterAll(async () => t?.close());

describe('progress per plan item, drilled down', () => {
  it('counts the activities serving each item by status, as computed by hand', async () => {
    const body = (await leader.get('/api/v1/progress/items')).json<ItemsResponse>();
    const item = (key: string) => body.items.find((i) => i.key === key)!;
    const counts = (key: string) => Object.fromEntries(item(key).activities.map((a) => [a.status, a.count]));
    expect(counts('IV.1.a')).toEqual({ not_started: 1, in_progress: 1, done: 1, paused: 0, cancelled: 0 });
    expect(item('IV.1.a').activitiesTotal).toBe(3);
    expect(counts('IV.4')).toEqual({ not_started: 0, in_progress: 1, done: 0, paused: 0, cancelled: 1 });
    expect(item('IV.4').activitiesTotal).toBe(2);
    // An item no activity serves shows zeros, never a missing row.
    const untouched = body.items.find((i) => !['IV.1.a', 'IV.4'].includes(i.key))!;
    expect(untouched.activitiesTotal).toBe(0);
    // The figure's table and sentence carry them.
    const table = body.figure.table;
    const total = table.columns.indexOf('Tổng số hoạt động');
    expect(total).toBeGreaterThan(0);
    expect(table.rows.find((r) => r[0] === item('IV.1.a').citation)![total]).toBe(3);
    expect(table.columns).toContain('Hoạt động: Hủy bỏ');
    expect(body.figure.method).toContain('Hoạt động: số hoạt động các đơn vị đăng ký phục vụ mục');
    expect(body.figure.method).toContain('5 lượt');
    expect(body.plan.number).toBe('1953/KH-UBND');
  });

  it('lists the accepted reports behind "units reporting", never a report not accepted', async () => {
    const body = (await leader.get('/api/v1/progress/items')).json<ItemsResponse>();
    const written = body.items.filter((i) => i.reporting > 0);
    expect(written.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.reports.length, item.key).toBe(item.reporting);
      expect(item.reports.every((r) => r.reportId === financeReport.id)).toBe(true);
    }
    expect(body.items.some((i) => i.reports.some((r) => r.reportId === healthReport.id))).toBe(false);
    expect(written[0].reports[0].unitName).toMatch(/Sở Tài chính/);
  });

  it('links the activity list filtered by plan and item, which lists exactly the counted activities', async () => {
    const body = (await focal.get('/api/v1/progress/items')).json<ItemsResponse>();
    const list = (
      await focal.get(`/api/v1/activities?planId=${body.plan.id}&planItemKey=IV.1.a&pageSize=50`)
    ).json<ActivityListResponse>();
    expect(list.page.total).toBe(3);
    const byStatus = (
      await focal.get(`/api/v1/activities?planId=${body.plan.id}&planItemKey=IV.4&status=cancelled`)
    ).json<ActivityListResponse>();
    expect(byStatus.data.map((a) => a.title)).toEqual([activity.title]);
    const otherPlan = await focal.get(`/api/v1/activities?planId=00000000-0000-4000-8000-000000000000`);
    expect(otherPlan.json<ActivityListResponse>().page.total).toBe(0);
    expect((await focal.get('/api/v1/activities?planId=abc')).statusCode).toBe(400);
  });

  it("links the registries an item's indicators are derived from, over the cycle's window", async () => {
    const body = (await leader.get('/api/v1/progress/items')).json<ItemsResponse>();
    const training = body.items.find((i) => i.key === 'III.3')!;
    expect(training.registries.map((r) => r.indicatorCode)).toEqual(['DT-01', 'DT-03']);
    expect(training.registries[0].link).toMatch(/^\/so-theo-doi\/[a-z-]+\?tu=2026-\d\d-\d\d&den=2026-\d\d-\d\d$/);
    // KH-00 (IV.1.a) is derived from the detailed plans.
    expect(body.items.find((i) => i.key === 'IV.1.a')!.registries.map((r) => r.indicatorCode)).toEqual(['KH-00']);
    // II-NV.1: DN-01 (the enterprise registry), SP-01 and DT-02; XL-01, typed only, links none.
    expect(body.items.find((i) => i.key === 'II-NV.1')!.registries.map((r) => r.indicatorCode)).toEqual([
      'DN-01',
      'SP-01',
      'DT-02',
    ]);
    // An item with no indicator links no registry.
    expect(body.items.find((i) => i.key === 'IV.6')!.registries).toEqual([]);
  });
});

describe('an indicator over the years across a replacement', () => {
  let plan86: PlanSummaryDto;
  let focal86: TestClient;

  beforeAll(async () => {
    focal86 = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
    const text = readFileSync(path.join(PATHS.seedData, 'ke-hoach-86-KH-UBND-2026-vinh-long.txt'), 'utf8');
    const draft = (await focal86.post('/api/v1/plan-imports', { text })).json();
    const published = await focal86.post(`/api/v1/plan-imports/${draft.id}/publish`, { version: draft.version });
    if (published.statusCode !== 201) throw new Error(`publish ${published.statusCode} ${published.body}`);
    const plans = (await focal86.get('/api/v1/plans')).json<{ data: PlanSummaryDto[] }>().data;
    plan86 = plans.find((p) => p.number === '86/KH-UBND')!;
    const old = plans.find((p) => p.number === '1953/KH-UBND')!;
    const replaced = await focal86.post(`/api/v1/plans/${plan86.id}/replacements`, {
      oldPlanIds: [old.id],
      fromDate: '2026-07-01',
      confirm: true,
    });
    if (replaced.statusCode !== 201 && replaced.statusCode !== 200)
      throw new Error(`replace ${replaced.statusCode} ${replaced.body}`);
    // 2027: a cycle of 86/KH-UBND, finance's report accepted (XL-01 medical 7 + domestic 1234.5).
    await moveClock(t, '2027-11-20T02:00:00Z');
    const created = await focal86.post('/api/v1/cycles', { planId: plan86.id, year: 2027, deadline: '2027-11-30' });
    if (created.statusCode !== 201) throw new Error(`cycle ${created.statusCode} ${created.body}`);
    const cycleId = created.json().id as string;
    expect((await focal86.post(`/api/v1/cycles/${cycleId}/open`)).statusCode).toBe(200);
    const report = await submitReport(finance, cycleId, { xlMedical: 7 });
    await accept(focal86, report.id);
  }, 600_000);

  it('continues the new plan’s series with the replaced plan’s years, marked and linked', async () => {
    const res = await leader.get(`/api/v1/progress/indicators?planId=${plan86.id}&indicator=XL-01`);
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorsResponse>();
    const [years] = body.figures;
    const bars = years.chart!.series.filter((s) => !s.isTarget);
    const at = (year: number, bar = 0) => bars[bar].data[years.chart!.categories.indexOf(String(year))];
    // The old plan's years are a series of their own, named after it.
    expect(bars.map((b) => b.name)).toEqual([
      expect.stringContaining('Kế hoạch 86/KH-UBND'),
      expect.stringContaining('Kế hoạch 1953/KH-UBND (đã được thay thế)'),
    ]);
    expect(at(2026, 0)).toBeNull();
    expect(at(2027, 1)).toBeNull();
    // 2026 from 1953/KH-UBND: finance's accepted 40 + 1234.5 (health's report was not accepted).
    expect(at(2026, 1)).toBe(1274.5);
    expect(at(2027)).toBe(1241.5);
    expect(years.chart!.categories[0]).toBe('2026');
    expect(body.earlierPlans).toEqual([
      { id: expect.any(String), number: '1953/KH-UBND', title: expect.any(String), years: [2026] },
    ]);
    expect(years.method).toContain('2026 từ Kế hoạch 1953/KH-UBND (đã được thay thế)');
    const planColumn = years.table.columns.indexOf('Kế hoạch');
    expect(years.table.rows.find((r) => r[0] === 2026)![planColumn]).toBe('1953/KH-UBND (đã được thay thế)');
    expect(years.table.rows.find((r) => r[0] === 2027)![planColumn]).toBe('86/KH-UBND');
    expect(years.table.rows.find((r) => r[0] === 2028)![planColumn]).toBeNull();
    // The split figures continue too.
    const streams = body.figures.find((f) => f.id === 'indicator-streams')!;
    expect(streams.table.rows.find((r) => r[0] === 2026 && r[1] === 'y tế')?.[2]).toBe(40);
  });

  it('leaves the old plan’s own series alone (a plan never borrows its successor’s years)', async () => {
    const body = (await leader.get('/api/v1/progress/indicators?indicator=XL-01')).json<IndicatorsResponse>();
    expect(body.plan.number).toBe('1953/KH-UBND');
    expect(body.earlierPlans).toEqual([]);
    const [years] = body.figures;
    expect(years.chart!.series[0].data[years.chart!.categories.indexOf('2027')]).toBeNull();
  });
});
