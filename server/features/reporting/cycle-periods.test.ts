// Issue 14: each plan has its own cycles — the schedule its text states (kept at publication),
// cycles of a year, a quarter or a month with defaults from that schedule, and their names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportDto } from '../../../shared/contracts/plan-import.js';
import type { PlanSummaryDto } from '../../../shared/contracts/plans.js';
import type { CycleDto, ExpectedUnitsResponse } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { fixture } from '../plan-import/plan-import.fixtures.js';

let t: TestApp;
let focal: TestClient;
/** Kế hoạch 223/KH-UBND (fixture): units report to Sở NN&MT "trước ngày 20 hằng tháng". */
let monthlyPlanId: string;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  const draft = (
    await focal.post('/api/v1/plan-imports', { text: fixture('ke-hoach-223-so-lap.txt') })
  ).json<PlanImportDto>();
  const mapped = await focal.patch(`/api/v1/plan-imports/${draft.id}`, {
    version: draft.version,
    ops: [{ op: 'mapUnit', written: 'Sở Ngoại vụ', unitId: await t.unitId('BT-SXD') }],
  });
  const published = await focal.post(`/api/v1/plan-imports/${draft.id}/publish`, {
    version: mapped.json<PlanImportDto>().version,
  });
  if (published.statusCode !== 201) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  monthlyPlanId = published.json().planId;
});
afterAll(async () => t?.close());

const plans = async () => (await focal.get('/api/v1/plans')).json<{ data: PlanSummaryDto[] }>().data;
const cyclesOf = async (planId: string) =>
  (await focal.get(`/api/v1/cycles?planId=${planId}`)).json<{ data: CycleDto[] }>().data;

describe('the schedule a plan’s text states, kept at publication', () => {
  it('the seed plan 1953 (loaded through the importer) reports yearly by 30/11', async () => {
    const seed = (await plans()).find((p) => p.number === '1953/KH-UBND')!;
    expect(seed.reportingSchedule).toMatchObject({ kind: 'yearly', day: 30, month: 11, window: null });
    expect(seed.reportingSchedule!.text).toMatch(/30 tháng 11/);
  });

  it('an imported plan whose units report "trước ngày 20 hằng tháng" to the standing agency is monthly, day 20', async () => {
    const plan = (await focal.get(`/api/v1/plans/${monthlyPlanId}`)).json<PlanSummaryDto>();
    // The agency's own yearly report to the province (17/12) is a later step of another chain.
    expect(plan.reportingSchedule).toEqual({
      kind: 'monthly',
      day: 20,
      month: null,
      year: null,
      inLastMonth: false,
      window: null,
      text: 'trước ngày 20 hằng tháng',
    });
  });
});

describe('cycles of a quarter and of a month', () => {
  it('a monthly cycle: the month’s days, due on the 20th of the month after; December is due in January', async () => {
    const march = await focal.post('/api/v1/cycles', {
      planId: monthlyPlanId,
      year: 2026,
      periodKind: 'month',
      periodNumber: 3,
    });
    expect(march.statusCode).toBe(201);
    expect(march.json<CycleDto>()).toMatchObject({
      year: 2026,
      periodKind: 'month',
      periodNumber: 3,
      windowStart: '2026-03-01',
      windowEnd: '2026-03-31',
      deadline: '2026-04-20',
      status: 'draft',
    });
    const december = await focal.post('/api/v1/cycles', {
      planId: monthlyPlanId,
      year: 2026,
      periodKind: 'month',
      periodNumber: 12,
    });
    expect(december.json<CycleDto>()).toMatchObject({ windowEnd: '2026-12-31', deadline: '2027-01-20' });
    const february = await focal.post('/api/v1/cycles', {
      planId: monthlyPlanId,
      year: 2028,
      periodKind: 'month',
      periodNumber: 2,
    });
    expect(february.json<CycleDto>()).toMatchObject({
      windowStart: '2028-02-01',
      windowEnd: '2028-02-29',
      deadline: '2028-03-20',
    });
  });

  it('a quarterly cycle of the same plan: three months, due on day 20 of the month after; the year still its own', async () => {
    const q1 = await focal.post('/api/v1/cycles', {
      planId: monthlyPlanId,
      year: 2026,
      periodKind: 'quarter',
      periodNumber: 1,
    });
    expect(q1.statusCode).toBe(201);
    expect(q1.json<CycleDto>()).toMatchObject({
      periodKind: 'quarter',
      periodNumber: 1,
      windowStart: '2026-01-01',
      windowEnd: '2026-03-31',
      deadline: '2026-04-20',
    });
    const year = await focal.post('/api/v1/cycles', { planId: monthlyPlanId, year: 2026 });
    expect(year.statusCode).toBe(201);
    expect(year.json<CycleDto>()).toMatchObject({ periodKind: 'year', periodNumber: null, deadline: '2026-11-30' });
    // A quarter, a month and the year of 2026 live side by side; the list orders them newest first.
    const listed = (await cyclesOf(monthlyPlanId)).filter((c) => c.year === 2026);
    expect(listed.map((c) => [c.periodKind, c.periodNumber])).toEqual(
      expect.arrayContaining([
        ['month', 3],
        ['month', 12],
        ['quarter', 1],
        ['year', null],
      ]),
    );
  });

  it('names the cycle by its period in messages and notifications (tháng 3/2026)', async () => {
    const march = (await cyclesOf(monthlyPlanId)).find((c) => c.periodKind === 'month' && c.periodNumber === 3)!;
    const units = (await focal.get(`/api/v1/cycles/${march.id}/expected-units`)).json<ExpectedUnitsResponse>().data;
    expect(units.length).toBeGreaterThan(0);
    expect((await focal.post(`/api/v1/cycles/${march.id}/open`, {})).statusCode).toBe(200);
    const again = await focal.patch(`/api/v1/cycles/${march.id}`, { graceDays: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Kỳ báo cáo tháng 3/2026 đã mở');
    const unit = units[0].unit;
    // The unit's officer has an account before the extension (notices go to the unit's accounts).
    const officer = await t.loginAs('unit', { unitCode: unit.code });
    const ext = await focal.post(`/api/v1/cycles/${march.id}/extensions`, {
      orgUnitId: unit.id,
      deadline: '2026-04-30',
      reason: 'Chờ số liệu quý',
    });
    expect(ext.statusCode).toBe(201);
    const notices = (await officer.get('/api/v1/notifications')).json<{ data: Array<{ title: string }> }>().data;
    expect(notices.map((n) => n.title)).toContain('Gia hạn nộp báo cáo tháng 3/2026 đến 30/04/2026');
  });
});

describe('bad periods: 400 naming the field, nothing created', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['month 13', { periodKind: 'month', periodNumber: 13 }, 'periodNumber', /./],
    ['quarter 0', { periodKind: 'quarter', periodNumber: 0 }, 'periodNumber', /./],
    ['quarter 5', { periodKind: 'quarter', periodNumber: 5 }, 'periodNumber', /quý phải từ 1 đến 4/],
    ['a month without its number', { periodKind: 'month' }, 'periodNumber', /cần chọn tháng/],
    ['a number for a yearly cycle', { periodKind: 'year', periodNumber: 2 }, 'periodNumber', /không có số quý/],
    ['an unknown kind', { periodKind: 'week', periodNumber: 1 }, 'periodKind', /./],
    [
      'a month that already has a cycle',
      { periodKind: 'month', periodNumber: 3 },
      'periodNumber',
      /đã có kỳ báo cáo tháng 3\/2026/,
    ],
  ];
  for (const [name, period, field, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = (await cyclesOf(monthlyPlanId)).length;
      const res = await focal.post('/api/v1/cycles', { planId: monthlyPlanId, year: 2026, ...period });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.issues.map((i: { path: string }) => i.path)).toContain(field);
      expect(error.message).toMatch(message);
      expect((await cyclesOf(monthlyPlanId)).length).toBe(before);
    });
  }

  it('a second yearly cycle of the same year names the year', async () => {
    const res = await focal.post('/api/v1/cycles', { planId: monthlyPlanId, year: 2026 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('year');
    expect(res.json().error.message).toContain('đã có kỳ báo cáo năm 2026');
  });
});
