import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../../shared/contracts/home.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, submitValid } from '../reporting/reporting.fixtures.js';

// GET /api/v1/home: each role's work queue.

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let admin: TestClient;
let health: TestClient;
let cycleId: string;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  admin = await t.loginAs('admin');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await moveClock(t, '2026-11-20T02:00:00Z');
});
afterAll(async () => t?.close());

const home = async <R extends HomeResponse['role']>(c: TestClient, role: R) => {
  const res = await c.get('/api/v1/home');
  expect(res.statusCode).toBe(200);
  const body = res.json<HomeResponse>();
  expect(body.role).toBe(role);
  return body as Extract<HomeResponse, { role: R }>;
};

describe('home before any cycle', () => {
  it('is empty for every role, and needs a session', async () => {
    expect((await home(health, 'unit')).reports).toEqual([]);
    expect(await home(focal, 'focal')).toMatchObject({ cycle: null, awaitingReview: [], missingUnits: [] });
    expect((await home(leader, 'leader')).cycle).toBeNull();
    expect(await home(admin, 'admin')).toEqual({ role: 'admin', cycle: null, unitsWithoutAccount: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/home' })).statusCode).toBe(401);
  });
});

describe('home with an open cycle', () => {
  it('unit: its report, deadline and what is still missing; after submission nothing missing', async () => {
    ({ id: cycleId } = await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' }));
    const before = await home(health, 'unit');
    expect(before.reports).toHaveLength(1);
    expect(before.reports[0]).toMatchObject({ cycleId, year: 2026, status: 'draft', deadline: '2026-11-30' });
    expect(before.reports[0].missingCount).toBeGreaterThan(0);
    expect(before.reports[0].missing[0]).toMatch(/bắt buộc nhập|chưa nhập kết quả/);
    // Plan items are cited by their labels as issued ("Mục II.1 phần …"), never by internal keys.
    const draft = (await health.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    const keys = draft.form.sections.map((s) => s.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(draft.form.sections.every((s) => s.citation && /^(mục|phần) /.test(s.citation))).toBe(true);
    const refused = await health.post(`/api/v1/reports/${draft.id}/submit`);
    expect(refused.statusCode).toBe(400);
    const said = [...before.reports[0].missing, refused.body];
    expect(said.join('\n')).toMatch(/chưa nhập kết quả/);
    // Internal keys ("II-NV.1") differ from the labels as issued ("mục II.1 phần Nhiệm vụ kế hoạch").
    for (const key of keys.filter((k) => k.includes('-'))) for (const line of said) expect(line).not.toContain(key);
    expect(said.join('\n')).not.toMatch(/[IVX]+-[A-ZĐ]+\.\d/u);

    const report = await submitValid(health, cycleId);
    const after = await home(health, 'unit');
    expect(after.reports[0]).toMatchObject({ reportId: report.id, status: 'submitted', missing: [], missingCount: 0 });
    expect(after.reports[0].submittedAt).not.toBeNull();
  });

  it('focal: progress, the reports awaiting review and the units still missing', async () => {
    const data = await home(focal, 'focal');
    expect(data.cycle).toMatchObject({ id: cycleId, year: 2026, status: 'open' });
    const counts = data.cycle!.counts!;
    expect(counts).toMatchObject({ submitted: 1, awaitingReview: 1, missing: counts.expected - 1 });
    expect(data.awaitingReview.map((u) => u.unit.code)).toEqual(['VL-SYT']);
    expect(data.awaitingReview[0].reportId).toBeTruthy();
    expect(data.missingUnits.map((u) => u.unit.code)).not.toContain('VL-SYT');
    expect(data.missingUnits).toHaveLength(Math.min(200, counts.missing));
    expect(data.canRemind).toBe(true);

    // A return takes the report out of the review queue.
    const reportId = data.awaitingReview[0].reportId!;
    await focal.post(`/api/v1/reports/${reportId}/return`, { reason: 'Bổ sung số liệu chất thải y tế' });
    const after = await home(focal, 'focal');
    expect(after.awaitingReview).toEqual([]);
    expect(after.cycle!.counts).toMatchObject({ awaitingReview: 0, returned: 1 });
    expect((await home(health, 'unit')).reports[0]).toMatchObject({
      status: 'returned',
      returnReason: 'Bổ sung số liệu chất thải y tế',
    });
  });

  it('leader: amendments awaiting approval and the board summary', async () => {
    const plan = (await focal.get('/api/v1/plans')).json().data[0];
    const full = (await focal.get(`/api/v1/plans/${plan.id}`)).json();
    const itemId = full.items.find((i: { key: string }) => i.key === 'IV.4').id;
    const draft = (
      await focal.post(`/api/v1/plans/${plan.id}/amendments`, {
        summary: 'Bổ sung đơn vị phối hợp',
        reasoning: 'Theo đề xuất của Sở Y tế',
        feedbackIds: [],
        changes: [{ op: 'update', itemId, title: 'Sở Tài chính' }],
      })
    ).json();
    expect((await home(leader, 'leader')).amendments).toEqual([]);
    await focal.post(`/api/v1/plans/${plan.id}/amendments/${draft.id}/submit`, {});
    const data = await home(leader, 'leader');
    expect(data.amendments).toEqual([
      expect.objectContaining({ id: draft.id, summary: 'Bổ sung đơn vị phối hợp', changeCount: 1 }),
    ]);
    expect(data.cycle?.counts).toMatchObject({ submitted: 1, returned: 1 });
  });

  it('admin: the expected units that have no account yet', async () => {
    const data = await home(admin, 'admin');
    expect(data.cycle).toMatchObject({ id: cycleId, year: 2026 });
    const codes = data.unitsWithoutAccount.map((u) => u.code);
    expect(codes).not.toContain('VL-SYT');
    expect(codes).toContain('VL-STC');
    await t.loginAs('unit', { unitCode: 'VL-STC' });
    expect((await home(admin, 'admin')).unitsWithoutAccount.map((u) => u.code)).not.toContain('VL-STC');
    expect((await home(admin, 'admin')).unitsWithoutAccount).toHaveLength(codes.length - 1);
  });
});
