import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompletenessResponse,
  CycleDto,
  ExpectedUnitsResponse,
  ReportDto,
} from '../../../shared/contracts/reporting.js';
import { auditLog, orgUnits } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, planId, submitValid } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let health: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
});
afterAll(async () => t?.close());

describe('creating a cycle', () => {
  it('defaults: data window = the year, deadline 30/11, form = the active catalogue; draft', async () => {
    const res = await focal.post('/api/v1/cycles', { planId: await planId(focal), year: 2030 });
    expect(res.statusCode).toBe(201);
    const c = res.json<CycleDto>();
    expect(c).toMatchObject({
      year: 2030,
      windowStart: '2030-01-01',
      windowEnd: '2030-12-31',
      deadline: '2030-11-30',
      graceDays: 0,
      status: 'draft',
      lockDate: '2030-11-30',
    });
    expect(c.indicatorCodes).toContain('XL-01');
    expect(c.abilities).toMatchObject({ canEdit: true, canOpen: true, canExtend: false });
    const again = await focal.post('/api/v1/cycles', { planId: await planId(focal), year: 2030 });
    // A duplicate period is bad input naming the field (issue 14): 400 on `year` for a yearly cycle.
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0].path).toBe('year');
    expect(again.json().error.message).toContain('đã có kỳ báo cáo năm 2030');
  });

  it("the form's indicators are chosen from the catalogue while the cycle is a draft", async () => {
    const catalogue = await focal.get('/api/v1/indicators');
    expect(catalogue.statusCode).toBe(200);
    const codes = (catalogue.json().data as Array<{ code: string; unit: string; isActive: boolean }>).map(
      (i) => i.code,
    );
    expect(codes).toContain('XL-01');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/indicators' })).statusCode).toBe(401);
    const c = (await focal.post('/api/v1/cycles', { planId: await planId(focal), year: 2032 })).json<CycleDto>();
    const chosen = await focal.patch(`/api/v1/cycles/${c.id}`, { indicatorCodes: ['XL-01', 'DN-01'] });
    expect(chosen.statusCode).toBe(200);
    expect(
      chosen
        .json<CycleDto>()
        .indicators.map((i) => i.code)
        .sort(),
    ).toEqual(['DN-01', 'XL-01']);
    const wrong = await focal.patch(`/api/v1/cycles/${c.id}`, { indicatorCodes: ['XL-01', 'NOPE'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('indicatorCodes');
    expect((await focal.get(`/api/v1/cycles/${c.id}`)).json<CycleDto>().indicatorCodes.sort()).toEqual([
      'DN-01',
      'XL-01',
    ]);
  });

  it('only the focal department creates; bad input is a 400 naming the field, never a 500', async () => {
    const pid = await planId(focal);
    expect((await health.post('/api/v1/cycles', { planId: pid, year: 2031 })).statusCode).toBe(403);
    expect((await leader.post('/api/v1/cycles', { planId: pid, year: 2031 })).statusCode).toBe(403);
    const bad = await focal.post('/api/v1/cycles', {
      planId: pid,
      year: 2031,
      windowStart: '2031-06-01',
      windowEnd: '2031-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('windowEnd');
    const extra = await focal.post('/api/v1/cycles', { planId: pid, year: 2031, surprise: 1 });
    expect(extra.statusCode).toBe(400);
    const date = await focal.post('/api/v1/cycles', { planId: pid, year: 2031, deadline: '2031-02-30' });
    expect(date.statusCode).toBe(400);
    const ind = await focal.post('/api/v1/cycles', { planId: pid, year: 2031, indicatorCodes: ['NOPE'] });
    expect(ind.statusCode).toBe(400);
    expect(ind.json().error.issues[0].path).toBe('indicatorCodes');
    expect(
      (await focal.post('/api/v1/cycles', { planId: '00000000-0000-4000-8000-000000000000', year: 2031 })).statusCode,
    ).toBe(400);
    expect((await focal.get('/api/v1/cycles/not-a-uuid')).statusCode).toBe(400);
    expect((await focal.get('/api/v1/cycles/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('expected units', () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = (await buildCycle(t, focal, { year: 2027, open: false })).id;
  });

  it('are the units the plan assigns duties to, as they stand at the end of the window', async () => {
    const list = (await focal.get(`/api/v1/cycles/${cycleId}/expected-units`)).json<ExpectedUnitsResponse>();
    const codes = list.data.map((u) => u.unit.code);
    // Departments named in the plan resolved to their current holders (Bến Tre → Vĩnh Long)…
    expect(codes).toEqual(expect.arrayContaining(['VL-SNNMT', 'VL-STC', 'VL-SYT', 'VL-SCT', 'VL-SGDDT']));
    expect(codes.some((c) => c.startsWith('BT-'))).toBe(false);
    // …and the group "các sở, ngành, địa phương": every commune and ward of 2027.
    expect(list.data.filter((u) => u.unit.kindGroup === 'locality')).toHaveLength(48);
    const stc = list.data.find((u) => u.unit.code === 'VL-STC')!;
    expect(stc.sections.map((s) => s.key)).toContain('IV.4');
    expect(stc.sections.find((s) => s.key === 'IV.4')?.role).toBe('lead');
    expect(stc.unit.fullName).toBe('Sở Tài chính tỉnh Vĩnh Long');
  });

  it('the focal department adds and removes units before opening, with a logged reason', async () => {
    const ward = await t.unitId('28756');
    const rm = await focal.post(`/api/v1/cycles/${cycleId}/expected-units`, {
      action: 'remove',
      orgUnitId: ward,
      reason: 'Đã sáp nhập, báo cáo chung',
    });
    expect(rm.statusCode).toBe(200);
    const after = rm.json<ExpectedUnitsResponse>();
    expect(after.data.some((u) => u.unit.id === ward)).toBe(false);
    expect(after.removed).toEqual([expect.objectContaining({ reason: 'Đã sáp nhập, báo cáo chung' })]);
    const noReason = await focal.post(`/api/v1/cycles/${cycleId}/expected-units`, { action: 'add', orgUnitId: ward });
    expect(noReason.statusCode).toBe(400);
    const add = await focal.post(`/api/v1/cycles/${cycleId}/expected-units`, {
      action: 'add',
      orgUnitId: ward,
      reason: 'Tách lại',
    });
    expect(add.json().data.some((u: { unit: { id: string } }) => u.unit.id === ward)).toBe(true);
    const gone = await focal.post(`/api/v1/cycles/${cycleId}/expected-units`, {
      action: 'add',
      orgUnitId: await t.unitId('BT-STNMT'),
      reason: 'Thử',
    });
    expect(gone.statusCode).toBe(400);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cycleId), eq(auditLog.action, 'cycle.unit.remove')));
    expect(logged[0].data).toMatchObject({ orgUnitId: ward, reason: 'Đã sáp nhập, báo cáo chung' });
    expect(
      (
        await health.post(`/api/v1/cycles/${cycleId}/expected-units`, {
          action: 'remove',
          orgUnitId: ward,
          reason: 'x x x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('opening freezes the form and the list: later changes to units never change it', async () => {
    const open = await focal.post(`/api/v1/cycles/${cycleId}/open`);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ status: 'open', planVersion: 1 });
    const before = (await focal.get(`/api/v1/cycles/${cycleId}/expected-units`)).json<ExpectedUnitsResponse>();
    // A unit is renamed after opening: the cycle keeps the name it had.
    await t.database.db.update(orgUnits).set({ name: 'Sở Y tế (đổi tên)' }).where(eq(orgUnits.code, 'VL-SYT'));
    const after = (await focal.get(`/api/v1/cycles/${cycleId}/expected-units`)).json<ExpectedUnitsResponse>();
    expect(after).toEqual(before);
    expect(after.data.find((u) => u.unit.code === 'VL-SYT')?.unit.name).toBe('Sở Y tế');
    await t.database.db.update(orgUnits).set({ name: 'Sở Y tế' }).where(eq(orgUnits.code, 'VL-SYT'));
    const late = await focal.post(`/api/v1/cycles/${cycleId}/expected-units`, {
      action: 'remove',
      orgUnitId: await t.unitId('VL-SYT'),
      reason: 'Quá muộn',
    });
    expect(late.statusCode).toBe(409);
    expect((await focal.post(`/api/v1/cycles/${cycleId}/open`)).statusCode).toBe(409);
    expect((await focal.patch(`/api/v1/cycles/${cycleId}`, { graceDays: 3 })).statusCode).toBe(409);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cycleId), eq(auditLog.action, 'cycle.open')));
    expect(audit).toHaveLength(1);
  });

  it('everyone signed in reads cycles; a unit officer sees its own deadline', async () => {
    const c = (await health.get(`/api/v1/cycles/${cycleId}`)).json<CycleDto>();
    expect(c).toMatchObject({ isExpected: true, myDeadline: '2027-11-30' });
    expect(c.abilities.canOpen).toBe(false);
    const list = (await leader.get('/api/v1/cycles')).json();
    expect(list.data.length).toBeGreaterThan(0);
    expect((await health.get(`/api/v1/cycles/${cycleId}/completeness`)).statusCode).toBe(403);
    expect((await health.get(`/api/v1/cycles/${cycleId}/expected-units`)).statusCode).toBe(403);
  });
});

describe('extensions', () => {
  it('per unit, with a required reason, after the deadline, visible to that unit only', async () => {
    const { id } = await buildCycle(t, focal, { year: 2028 });
    const syt = await t.unitId('VL-SYT');
    expect(
      (await focal.post(`/api/v1/cycles/${id}/extensions`, { orgUnitId: syt, deadline: '2028-12-10' })).statusCode,
    ).toBe(400);
    const early = await focal.post(`/api/v1/cycles/${id}/extensions`, {
      orgUnitId: syt,
      deadline: '2028-11-01',
      reason: 'Thiếu nhân sự',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe('deadline');
    expect(
      (
        await health.post(`/api/v1/cycles/${id}/extensions`, {
          orgUnitId: syt,
          deadline: '2028-12-10',
          reason: 'Tự gia hạn',
        })
      ).statusCode,
    ).toBe(403);
    const ok = await focal.post(`/api/v1/cycles/${id}/extensions`, {
      orgUnitId: syt,
      deadline: '2028-12-10',
      reason: 'Thiếu nhân sự do sáp nhập',
    });
    expect(ok.statusCode).toBe(201);
    const mine = (await health.get(`/api/v1/cycles/${id}/extensions`)).json();
    expect(mine.data).toEqual([
      expect.objectContaining({ deadline: '2028-12-10', reason: 'Thiếu nhân sự do sáp nhập' }),
    ]);
    const other = await t.loginAs('unit', { unitCode: 'VL-STC' });
    expect((await other.get(`/api/v1/cycles/${id}/extensions`)).json().data).toEqual([]);
    const r = (await health.get(`/api/v1/cycles/${id}/my-report`)).json<ReportDto>();
    expect(r.extension).toEqual({ deadline: '2028-12-10', reason: 'Thiếu nhân sự do sáp nhập' });
    expect(r.deadline).toBe('2028-12-10');
    const notes = (await health.get('/api/v1/notifications')).json();
    expect(notes.data.some((n: { kind: string }) => n.kind === 'extension')).toBe(true);
  });
});

describe('the completeness board', () => {
  it('counts expected, submitted, on time, late, missing, returned, accepted — and by kind', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const { id } = await buildCycle(t, focal, { year: 2026, graceDays: 5 });
    const board = async (qs = '') =>
      (await focal.get(`/api/v1/cycles/${id}/completeness${qs}`)).json<CompletenessResponse>();
    const start = await board();
    expect(start).toMatchObject({ submitted: 0, onTime: 0, late: 0, returned: 0, accepted: 0 });
    expect(start.missing).toBe(start.expected);
    const deps = start.byKind.find((k) => k.kindGroup === 'department')!;
    const locs = start.byKind.find((k) => k.kindGroup === 'locality')!;
    expect(deps.expected + locs.expected).toBe(start.expected);

    // On time: Sở Y tế; late (within grace): Sở Tài chính; returned: Sở Công Thương; accepted: Sở Y tế.
    const syt = await submitValid(health, id);
    t.clock.set('2026-12-02T03:00:00Z');
    // Sessions expire after 8 hours: sign in again after moving the clock.
    focal = await t.loginAs('focal');
    leader = await t.loginAs('leader');
    const stcUser = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const stc = await submitValid(stcUser, id);
    expect(stc).toMatchObject({ isLate: true, daysLate: 2 });
    const sctUser = await t.loginAs('unit', { unitCode: 'VL-SCT' });
    const sct = await submitValid(sctUser, id);
    expect((await focal.post(`/api/v1/reports/${sct.id}/return`, { reason: 'Thiếu số liệu y tế' })).statusCode).toBe(
      200,
    );
    expect((await focal.post(`/api/v1/reports/${syt.id}/accept`)).statusCode).toBe(200);
    // A report saved but never submitted still counts as missing (its status: draft); one never
    // saved is listed as missing.
    const draftUser = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const draft = (await draftUser.get(`/api/v1/cycles/${id}/my-report`)).json<ReportDto>();
    expect(
      (await draftUser.put(`/api/v1/reports/${draft.id}`, { version: draft.version, values: [], sections: [] }))
        .statusCode,
    ).toBe(200);

    const b = await board();
    expect(b).toMatchObject({
      expected: start.expected,
      submitted: 3,
      onTime: 1,
      late: 2,
      missing: start.expected - 3,
      returned: 1,
      accepted: 1,
    });
    expect(b.byKind.find((k) => k.kindGroup === 'department')).toMatchObject({
      submitted: 3,
      accepted: 1,
      returned: 1,
    });
    expect(b.byKind.find((k) => k.kindGroup === 'locality')).toMatchObject({ submitted: 0, missing: locs.expected });

    // The list: filters, sort, paging, days late.
    const late = await board('?status=late&sort=daysLate&dir=desc');
    expect(late.units.map((u) => u.unit.code).sort()).toEqual(['VL-SCT', 'VL-STC']);
    expect(late.units[0].daysLate).toBe(2);
    const missing = await board('?status=missing&kindGroup=department');
    expect(missing.units.map((u) => u.unit.code)).toContain('VL-SXD');
    expect(missing.units.find((u) => u.unit.code === 'VL-SXD')).toMatchObject({ status: 'draft', daysLate: 2 });
    expect(missing.units.filter((u) => u.unit.code !== 'VL-SXD').every((u) => u.status === 'missing')).toBe(true);
    expect((await board('?status=draft')).units.map((u) => u.unit.code)).toEqual(['VL-SXD']);
    const search = await board('?q=so y te');
    expect(search.units.map((u) => u.unit.code)).toEqual(['VL-SYT']);
    expect(search.units[0]).toMatchObject({ status: 'accepted', isLate: false, daysLate: 0 });
    const page = await board('?pageSize=5&page=2&sort=name');
    expect(page.units).toHaveLength(5);
    expect(page.page.total).toBe(start.expected);
    expect((await leader.get(`/api/v1/cycles/${id}/completeness`)).statusCode).toBe(200);
    expect((await focal.get(`/api/v1/cycles/${id}/completeness?sort=evil`)).statusCode).toBe(400);
  });
});

describe('closing a cycle', () => {
  it('stops saves, submissions, extensions and returns (acceptance goes on), is logged, and can be undone', async () => {
    t.clock.set('2029-11-20T02:00:00Z');
    focal = await t.loginAs('focal');
    leader = await t.loginAs('leader');
    health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    const finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const { id } = await buildCycle(t, focal, { year: 2029 });
    const submitted = await submitValid(health, id);
    const draft = (await finance.get(`/api/v1/cycles/${id}/my-report`)).json<ReportDto>();

    expect((await health.post(`/api/v1/cycles/${id}/close`)).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/cycles/${id}/close`)).statusCode).toBe(403);
    const closed = await focal.post(`/api/v1/cycles/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedAt: '2029-11-20T02:00:00.000Z',
      abilities: { canClose: false, canReopen: true, canExtend: false },
    });
    expect((await focal.post(`/api/v1/cycles/${id}/close`)).statusCode).toBe(409);

    const save = await finance.put(`/api/v1/reports/${draft.id}`, { version: draft.version, values: [], sections: [] });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.message).toContain('đã đóng');
    expect((await finance.post(`/api/v1/reports/${draft.id}/submit`)).statusCode).toBe(409);
    expect((await finance.get(`/api/v1/reports/${draft.id}`)).json().abilities).toMatchObject({
      canEdit: false,
      canSubmit: false,
    });
    const syt = await t.unitId('VL-SYT');
    expect(
      (
        await focal.post(`/api/v1/cycles/${id}/extensions`, {
          orgUnitId: syt,
          deadline: '2029-12-10',
          reason: 'Xin thêm thời gian',
        })
      ).statusCode,
    ).toBe(409);
    const ret = await focal.post(`/api/v1/reports/${submitted.id}/return`, { reason: 'Thiếu số liệu' });
    expect(ret.statusCode).toBe(409);
    expect(ret.json().error.message).toContain('vẫn có thể tiếp nhận');
    expect((await focal.get(`/api/v1/reports/${submitted.id}`)).json().abilities).toMatchObject({
      canReturn: false,
      canAccept: true,
    });
    expect((await focal.post(`/api/v1/reports/${submitted.id}/accept`)).statusCode).toBe(200);

    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'cycle.close')));
    expect(logged).toHaveLength(1);

    const reopened = await focal.post(`/api/v1/cycles/${id}/reopen`);
    expect(reopened.json()).toMatchObject({
      status: 'open',
      closedAt: null,
      abilities: { canClose: true, canReopen: false },
    });
    expect((await focal.post(`/api/v1/cycles/${id}/reopen`)).statusCode).toBe(409);
    expect(
      (await finance.put(`/api/v1/reports/${draft.id}`, { version: draft.version, values: [], sections: [] }))
        .statusCode,
    ).toBe(200);
  });
});
