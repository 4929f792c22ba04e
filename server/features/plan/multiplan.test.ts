import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../../shared/contracts/home.js';
import type { PlanDto, PlanLineageDto, PlanSummaryDto } from '../../../shared/contracts/plans.js';
import type { CycleDto, ExpectedUnitsResponse } from '../../../shared/contracts/reporting.js';
import { auditLog, publishedProgress, reportCycles } from '../../db/schema/index.js';
import { PATHS } from '../../paths.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle } from '../../test/cycles.js';

// Several plans side by side (issue 14): the Vĩnh Long plan 86/KH-UBND imported beside the seed's
// 1953/KH-UBND, replacing it from 1/7/2026; each plan with its own focal department and cycles.

let t: TestApp;
let focal: TestClient; // an officer of Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long
let otherFocal: TestClient; // a focal account of Sở Công Thương (not the standing agency of 86/KH-UBND)
let unit: TestClient; // Sở Y tế tỉnh Vĩnh Long
let old: PlanSummaryDto;
let plan86: PlanSummaryDto;

const text = readFileSync(path.join(PATHS.seedData, 'ke-hoach-86-KH-UBND-2026-vinh-long.txt'), 'utf8');
const list = async (query = '') => (await focal.get(`/api/v1/plans${query}`)).json<{ data: PlanSummaryDto[] }>().data;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  otherFocal = await t.loginAs('focal', { unitCode: 'VL-SCT' });
  unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  const draft = (await focal.post('/api/v1/plan-imports', { text })).json();
  const published = await focal.post(`/api/v1/plan-imports/${draft.id}/publish`, { version: draft.version });
  expect(published.statusCode).toBe(201);
  const plans = await list();
  old = plans.find((p) => p.number === '1953/KH-UBND')!;
  plan86 = plans.find((p) => p.number === '86/KH-UBND')!;
}, 600_000);
afterAll(async () => t?.close());
const publicPlanNumber = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/public/plan' })).json<PlanDto>();

describe('two plans side by side', () => {
  it('lists both in force, the imported one with the standing agency its text names', async () => {
    expect((await list()).map((p) => [p.number, p.status])).toEqual([
      ['1953/KH-UBND', 'in_force'],
      ['86/KH-UBND', 'in_force'],
    ]);
    expect(plan86).toMatchObject({
      date: '2026-06-15',
      issuedBy: 'ỦY BAN NHÂN DÂN TỈNH VĨNH LONG',
      focalUnit: { id: await t.unitId('VL-SNNMT'), name: 'Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long' },
      versionCount: 1,
      replacedBy: null,
      replaces: [],
    });
    // The seed plan names no unit row: the agency's focal department acts, as before.
    expect(old.focalUnit).toEqual({ id: null, name: 'Sở Nông nghiệp và Môi trường' });
  });

  it('refuses a plan number already present (409 on header.number)', async () => {
    const again = (await focal.post('/api/v1/plan-imports', { text })).json();
    const res = await focal.post(`/api/v1/plan-imports/${again.id}/publish`, { version: again.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.issues[0].path).toBe('header.number');
  });
});

describe('feedback and guidance by plan', () => {
  it('lists the feedback and the guidance about one plan when planId is given', async () => {
    const itemOf = async (planId: string, key: string) =>
      (await focal.get(`/api/v1/plans/${planId}`)).json<PlanDto>().items.find((i) => i.key === key)!.id;
    const [item86, item1953] = await Promise.all([itemOf(plan86.id, 'II.1.b'), itemOf(old.id, 'IV')]);
    for (const [planItemId, subject] of [
      [item86, 'Về mục II.1.b của Kế hoạch 86'],
      [item1953, 'Về mục IV của Kế hoạch 1953'],
    ]) {
      const sent = await unit.post('/api/v1/feedback', { subject, text: 'Nội dung góp ý.', planItemId });
      expect(sent.statusCode).toBe(201);
      const doc = await focal.post('/api/v1/guidance-documents', {
        number: `${subject.length}/2026/TT-BNNMT`,
        date: '2026-07-15',
        issuer: 'Bộ Nông nghiệp và Môi trường',
        title: subject,
        planItemIds: [planItemId],
      });
      expect(doc.statusCode).toBe(201);
    }
    const feedback = (await focal.get(`/api/v1/feedback?planId=${plan86.id}`)).json<{
      data: Array<{ subject: string }>;
    }>();
    expect(feedback.data.map((f) => f.subject)).toEqual(['Về mục II.1.b của Kế hoạch 86']);
    const guidance = (await focal.get(`/api/v1/guidance-documents?planId=${old.id}`)).json<{
      data: Array<{ title: string }>;
    }>();
    expect(guidance.data.map((g) => g.title)).toEqual(['Về mục IV của Kế hoạch 1953']);
  });
});

describe('a plan replacing another', () => {
  const replace = (c: TestClient, id: string, body: Record<string, unknown>) =>
    c.post(`/api/v1/plans/${id}/replacements`, { fromDate: '2026-07-01', confirm: true, ...body });

  it('refuses bad input with 400 naming the field, and other accounts with 403', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ oldPlanIds: [plan86.id] }, 'oldPlanIds', /không thể thay thế chính nó/],
      [{ oldPlanIds: [old.id], fromDate: '2026-01-01' }, 'fromDate', /trước ngày ban hành kế hoạch 86\/KH-UBND/],
      [{ oldPlanIds: ['00000000-0000-4000-8000-000000000000'] }, 'oldPlanIds', /không tìm thấy kế hoạch/],
      [{ oldPlanIds: [] }, 'oldPlanIds', /./],
      [{ oldPlanIds: [old.id], confirm: false }, 'confirm', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await replace(focal, plan86.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const issue = res.json().error.issues[0];
      expect(issue.path).toBe(field);
      expect(issue.message).toMatch(message);
    }
    expect((await replace(otherFocal, plan86.id, { oldPlanIds: [old.id] })).statusCode).toBe(403);
    expect((await replace(unit, plan86.id, { oldPlanIds: [old.id] })).statusCode).toBe(403);
    expect((await list('?status=replaced')).length).toBe(0);
  });

  it('records the replacement, audited; both plans stay readable with their statuses', async () => {
    const res = await replace(focal, plan86.id, { oldPlanIds: [old.id], note: 'Mục III.4' });
    expect(res.statusCode).toBe(200);
    expect(res.json<PlanSummaryDto>().replaces).toEqual([
      { planId: old.id, number: '1953/KH-UBND', title: old.title, date: '2025-03-27', fromDate: '2026-07-01' },
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.replace'), eq(auditLog.entityId, plan86.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ replaces: [{ number: '1953/KH-UBND' }], fromDate: '2026-07-01' });

    expect((await list()).map((p) => [p.number, p.status])).toEqual([
      ['1953/KH-UBND', 'replaced'],
      ['86/KH-UBND', 'in_force'],
    ]);
    const oldPlan = (await unit.get(`/api/v1/plans/${old.id}`)).json<PlanDto>();
    expect(oldPlan.status).toBe('replaced');
    expect(oldPlan.replacedBy).toMatchObject({ number: '86/KH-UBND', fromDate: '2026-07-01' });
    expect(oldPlan.items.length).toBeGreaterThan(20);
    const newPlan = (await unit.get(`/api/v1/plans/${plan86.id}`)).json<PlanDto>();
    expect(newPlan.replaces.map((p) => p.number)).toEqual(['1953/KH-UBND']);
  });

  it('refuses a plan already replaced and a loop (409 on oldPlanIds)', async () => {
    const twice = await replace(focal, plan86.id, { oldPlanIds: [old.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/đã được thay thế bởi kế hoạch 86\/KH-UBND từ ngày 01\/07\/2026/);
    const loop = await replace(focal, old.id, { oldPlanIds: [plan86.id], fromDate: '2026-08-01' });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().error.issues[0].path).toBe('oldPlanIds');
  });

  it('searches without diacritics, filters by status and sorts', async () => {
    expect((await list('?q=vinh%20long')).map((p) => p.number)).toEqual(['86/KH-UBND']);
    expect((await list('?q=B%E1%BA%BEN%20TRE')).map((p) => p.number)).toEqual(['1953/KH-UBND']);
    expect((await list('?status=replaced')).map((p) => p.number)).toEqual(['1953/KH-UBND']);
    expect((await list('?sort=date&dir=desc')).map((p) => p.number)).toEqual(['86/KH-UBND', '1953/KH-UBND']);
    expect((await focal.get('/api/v1/plans?sort=size')).statusCode).toBe(400);
  });

  it('gives the lineage both ways, with dates', async () => {
    const down = (await focal.get(`/api/v1/plans/${plan86.id}/lineage`)).json<PlanLineageDto>();
    expect(down.ancestors).toEqual([
      expect.objectContaining({ number: '1953/KH-UBND', fromDate: '2026-07-01', depth: 1 }),
    ]);
    expect(down.successors).toEqual([]);
    const up = (await focal.get(`/api/v1/plans/${old.id}/lineage`)).json<PlanLineageDto>();
    expect(up.successors).toEqual([expect.objectContaining({ number: '86/KH-UBND', depth: 1 })]);
    expect((await focal.get('/api/v1/plans/00000000-0000-4000-8000-000000000000/lineage')).statusCode).toBe(404);
  });

  it('the public portal shows the plan in force, and the replaced one through its lineage link', async () => {
    const portal = async (url: string) => t.app.inject({ method: 'GET', url });
    // 20/11/2026: 1953/KH-UBND is replaced since 1/7/2026, so the portal's plan is 86/KH-UBND.
    const current = await portal('/cong-thong-tin/ke-hoach');
    expect(current.statusCode).toBe(200);
    expect(current.body).toContain('Số 86/KH-UBND');
    expect(current.body).toContain(`href="/cong-thong-tin/ke-hoach?ke-hoach=${old.id}"`);
    expect((await portal('/cong-thong-tin')).body).toContain('Thay thế <a');
    expect((await publicPlanNumber()).number).toBe('86/KH-UBND');

    const replaced = await portal(`/cong-thong-tin/ke-hoach?ke-hoach=${old.id}`);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.body).toContain('Số 1953/KH-UBND');
    expect(replaced.body).toContain('Được thay thế bởi <a');
    expect(replaced.body).toContain(`href="/cong-thong-tin/ke-hoach?ke-hoach=${plan86.id}"`);
    // The language switch keeps the plan asked for.
    expect(replaced.body).toContain(`ke-hoach=${old.id}&amp;lang=en`);

    for (const bad of ['00000000-0000-4000-8000-000000000000', 'khong-phai-ma']) {
      expect((await portal(`/cong-thong-tin/ke-hoach?ke-hoach=${bad}`)).statusCode).toBe(404);
    }
  });

  it("continues the replaced plan's published years on the portal's indicator and progress pages", async () => {
    // 1953/KH-UBND published 2024 (written as a publication leaves it; gating is publishing.test.ts's).
    const db = t.database.db;
    const [cycle] = await db
      .insert(reportCycles)
      .values({
        planId: old.id,
        year: 2024,
        windowStart: '2023-12-15',
        windowEnd: '2024-12-14',
        deadline: '2024-11-30',
      })
      .returning();
    await db.insert(publishedProgress).values({
      cycleId: cycle.id,
      planId: old.id,
      year: 2024,
      consolidationVersion: 1,
      items: [{ itemKey: 'II.1', heading: 'Ứng dụng chế phẩm', text: 'Năm 2024, 9 xã đã ủ phân bằng chế phẩm.' }],
      figures: [
        {
          code: 'XL-01',
          name: 'Khối lượng chất thải được xử lý',
          unit: 'tấn',
          total: 640.5,
          previousTotal: null,
          reporting: 9,
          streams: [],
        },
      ],
      publishedAt: new Date('2025-01-15T03:00:00Z'),
      publishedByName: 'Cán bộ đầu mối',
    });
    const portal = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;
    const indicators = await portal('/cong-thong-tin/chi-so');
    expect(indicators).toContain('Khối lượng chất thải được xử lý');
    expect(indicators).toContain('640,5');
    expect(indicators).toContain('Số liệu năm 2024 được công bố theo <a');
    expect(indicators).toContain(`ke-hoach=${old.id}`);
    const progress = await portal('/cong-thong-tin/tien-do?nam=2024');
    expect(progress).toContain('Năm 2024, 9 xã đã ủ phân bằng chế phẩm.');
    expect(progress).toContain('Năm này được công bố theo <a');
    // The replaced plan's own pages show its year as its own (no "continued" line).
    const own = await portal(`/cong-thong-tin/chi-so?ke-hoach=${old.id}`);
    expect(own).toContain('640,5');
    expect(own).not.toContain('được công bố theo');
  });
});

describe('each plan its own cycles', () => {
  let cycle86: string;

  it('only the plan’s standing agency sets a cycle of the plan up', async () => {
    const res = await otherFocal.post('/api/v1/cycles', { planId: plan86.id, year: 2026 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/cơ quan thường trực của kế hoạch 86\/KH-UBND/);
  });

  it('opens a cycle of the second plan with its own expected units and sections', async () => {
    const created = await focal.post('/api/v1/cycles', { planId: plan86.id, year: 2026, deadline: '2026-11-25' });
    expect(created.statusCode).toBe(201);
    cycle86 = created.json<CycleDto>().id;
    // Another focal officer reads it but may not manage it.
    const seen = (await otherFocal.get(`/api/v1/cycles/${cycle86}`)).json<CycleDto>();
    expect(seen.abilities.canOpen).toBe(false);
    expect((await otherFocal.post(`/api/v1/cycles/${cycle86}/open`)).statusCode).toBe(403);
    expect((await focal.post(`/api/v1/cycles/${cycle86}/open`)).statusCode).toBe(200);

    const expected = (await focal.get(`/api/v1/cycles/${cycle86}/expected-units`)).json<ExpectedUnitsResponse>();
    const codes = expected.data.map((e) => e.unit.code);
    expect(codes).toEqual(expect.arrayContaining(['VL-SYT', 'VL-SGDDT', 'VL-SCT', 'VL-STC', 'VL-SKHCN']));
    // Sở Y tế leads item II.1.b) of 86/KH-UBND: its form's sections are that plan's items.
    const health = expected.data.find((e) => e.unit.code === 'VL-SYT')!;
    expect(health.sections.map((s) => s.key)).toContain('II.1.b');
    const plan = (await focal.get(`/api/v1/plans/${plan86.id}`)).json<PlanDto>();
    const itemIds = new Set(plan.items.map((i) => i.id));
    expect(health.sections.every((s) => itemIds.has(s.planItemId))).toBe(true);
    expect((await focal.get(`/api/v1/cycles?planId=${plan86.id}`)).json().data.map((c: CycleDto) => c.id)).toEqual([
      cycle86,
    ]);
  });

  it("gathers a unit's reports of both plans on its home, nearest deadline first, each with its plan", async () => {
    await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' }); // 1953/KH-UBND
    const home = (await unit.get('/api/v1/home')).json<HomeResponse>();
    if (home.role !== 'unit') throw new Error(home.role);
    expect(home.reports.map((r) => [r.planNumber, r.deadline])).toEqual([
      ['86/KH-UBND', '2026-11-25'],
      ['1953/KH-UBND', '2026-11-30'],
    ]);
  });

  it('shows the focal department and the leaders every plan in force and the latest replaced one, nearest deadline first', async () => {
    const leader = await t.loginAs('leader');
    for (const c of [focal, leader]) {
      const home = (await c.get('/api/v1/home')).json<HomeResponse>();
      if (home.role !== 'focal' && home.role !== 'leader') throw new Error(home.role);
      expect(
        home.plans.map((p) => [p.number, p.status, p.cycle?.deadline, (p.cycle?.counts?.expected ?? 0) > 0]),
      ).toEqual([
        ['86/KH-UBND', 'in_force', '2026-11-25', true],
        ['1953/KH-UBND', 'replaced', '2026-11-30', true],
      ]);
    }
  });
});
