import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDto, PlanSummaryDto } from '../../../shared/contracts/plans.js';
import type { CycleDto } from '../../../shared/contracts/reporting.js';
import { auditLog } from '../../db/schema/index.js';
import { buildCycle, planId } from '../../test/cycles.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

// Ending a plan without a successor (issue 14): POST /plans/:id/end by the plan's focal
// department or the administrator; the plan stays readable with its cycles and reports.

let t: TestApp;
let focal: TestClient;
let admin: TestClient;
let leader: TestClient;
let unit: TestClient;
let seedPlan: string;

beforeAll(async () => {
  t = await buildTestApp(); // 20/11/2026
  focal = await t.loginAs('focal');
  admin = await t.loginAs('admin');
  leader = await t.loginAs('leader');
  unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  seedPlan = await planId(focal);
}, 600_000);
afterAll(async () => t?.close());

const end = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/v1/plans/${id}/end`, body);
const summary = async (id: string) =>
  (await focal.get('/api/v1/plans')).json<{ data: PlanSummaryDto[] }>().data.find((p) => p.id === id)!;
const endAudit = () =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'plan.end'), eq(auditLog.entityId, seedPlan)));

describe('ending a plan', () => {
  let cycle2026: string;

  it('refuses other roles (401, 403), an unknown plan (404) and bad input (400 naming the field)', async () => {
    cycle2026 = (await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' })).id;
    const body = { endedOn: '2026-11-20', reason: 'Hết thời hạn thực hiện' };
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/plans/${seedPlan}/end`, payload: body })).statusCode,
    ).toBe(401);
    expect((await end(unit, seedPlan, body)).statusCode).toBe(403);
    expect((await end(leader, seedPlan, body)).statusCode).toBe(403);
    expect((await end(focal, '00000000-0000-4000-8000-000000000000', body)).statusCode).toBe(404);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { endedOn: '2025-01-01', reason: 'Hết hạn' },
        'endedOn',
        /trước ngày ban hành kế hoạch 1953\/KH-UBND \(27\/03\/2025\)/,
      ],
      [{ endedOn: '2026-02-30', reason: 'Hết hạn' }, 'endedOn', /./],
      [{ endedOn: '2026-11-20' }, 'reason', /./],
      [{ endedOn: '2026-11-20', reason: '   ' }, 'reason', /./],
    ];
    for (const [input, field, message] of cases) {
      const res = await end(focal, seedPlan, input);
      expect(res.statusCode, JSON.stringify(input)).toBe(400);
      const issue = res.json().error.issues[0];
      expect(issue.path).toBe(field);
      expect(issue.message).toMatch(message);
    }
    expect(await endAudit()).toHaveLength(0);
    expect((await summary(seedPlan)).status).toBe('in_force');
  });

  it('ends the plan from the day given, with the reason in the audit log', async () => {
    const res = await end(focal, seedPlan, { endedOn: '2026-11-20', reason: 'Hết thời hạn thực hiện' });
    expect(res.statusCode).toBe(200);
    expect(res.json<PlanSummaryDto>()).toMatchObject({ status: 'ended', endedOn: '2026-11-20' });
    const audit = await endAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({
      number: '1953/KH-UBND',
      endedOn: '2026-11-20',
      reason: 'Hết thời hạn thực hiện',
    });
    expect((await summary(seedPlan)).status).toBe('ended');
  });

  it('answers 409 when the plan has already ended (the administrator too)', async () => {
    for (const c of [focal, admin]) {
      const again = await end(c, seedPlan, { endedOn: '2026-12-31', reason: 'Lần nữa' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/đã kết thúc từ ngày 20\/11\/2026/);
    }
    expect(await endAudit()).toHaveLength(1);
  });

  it('keeps the ended plan readable with its cycles and reports', async () => {
    const plan = (await unit.get(`/api/v1/plans/${seedPlan}`)).json<PlanDto>();
    expect(plan.status).toBe('ended');
    expect(plan.items.length).toBeGreaterThan(20);
    const cycle = await focal.get(`/api/v1/cycles/${cycle2026}`);
    expect(cycle.statusCode).toBe(200);
    expect(cycle.json<CycleDto>().status).toBe('open');
    const report = await unit.get(`/api/v1/cycles/${cycle2026}/my-report`);
    expect(report.statusCode).toBe(200);
  });

  it('refuses a cycle of a year after the end (400 on year, or windowStart)', async () => {
    const res = await focal.post('/api/v1/cycles', { planId: seedPlan, year: 2027 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({
      path: 'year',
      message: expect.stringMatching(/đã kết thúc từ ngày 20\/11\/2026/),
    });
    const late = await focal.post('/api/v1/cycles', {
      planId: seedPlan,
      year: 2025,
      windowStart: '2026-12-01',
      windowEnd: '2026-12-31',
      deadline: '2027-01-15',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.issues[0].path).toBe('windowStart');
  });
});
