import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDto, ActivityListResponse } from '../../../shared/contracts/activities.js';
import { auditLog, notifications, users } from '../../db/schema/index.js';
import { derivationFor } from '../../lib/derivations.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { activitiesForPrefill, notifyOverdueActivities } from './index.js';

let t: TestApp;
let health: TestClient;
let finance: TestClient;
let focal: TestClient;
let leader: TestClient;
let admin: TestClient;
let healthId: string;
let financeId: string;

const base = {
  title: 'Tập huấn ứng dụng chế phẩm sinh học xử lý chất thải y tế',
  planItemKeys: ['IV.1.a'],
  period: { kind: 'quarter', year: 2026, number: 2 },
  budget: 1.5,
  budgetSource: 'provincial',
  expectedOutput: '02 lớp tập huấn, 120 học viên',
};

async function create(c: TestClient, body: Record<string, unknown> = {}): Promise<ActivityDto> {
  const res = await c.post('/api/v1/activities', { ...base, ...body });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  admin = await t.loginAs('admin');
  healthId = await t.unitId('VL-SYT');
  financeId = await t.unitId('VL-STC');
}, 120_000);
afterAll(async () => t?.close());

describe('validation', () => {
  it('names the field of each refused value, in Vietnamese, and saves nothing', async () => {
    const res = await health.post('/api/v1/activities', { ...base, title: ' ', planItemKeys: [] });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as Array<{ path: string; message: string }>;
    expect(issues.map((i) => i.path).sort()).toEqual(['planItemKeys', 'title']);
    expect(issues.find((i) => i.path === 'title')!.message).toBe('Tên hoạt động: chưa được nhập.');
    expect(issues.find((i) => i.path === 'planItemKeys')!.message).toContain('Mục của kế hoạch');
    const list: ActivityListResponse = (await health.get('/api/v1/activities')).json();
    expect(list.page.total).toBe(0);
  });

  it('refuses a plan item key that is not in the plan in force, a month 13 and a negative budget', async () => {
    const unknown = await health.post('/api/v1/activities', { ...base, planItemKeys: ['IX.99'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'planItemKeys' });
    expect(unknown.json().error.message).toContain('IX.99');
    const month = await health.post('/api/v1/activities', {
      ...base,
      period: { kind: 'month', year: 2026, number: 13 },
    });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.issues[0].path).toBe('period.number');
    const budget = await health.post('/api/v1/activities', { ...base, budget: -1 });
    expect(budget.statusCode).toBe(400);
    expect(budget.json().error.message).toContain('Kinh phí');
  });

  it('requires a reason to pause or cancel, on creation and on change', async () => {
    const paused = await health.post('/api/v1/activities', { ...base, status: 'paused' });
    expect(paused.statusCode).toBe(400);
    expect(paused.json().error.issues[0].path).toBe('statusReason');
    const a = await create(health);
    const cancel = await health.patch(`/api/v1/activities/${a.id}`, { version: a.version, status: 'cancelled' });
    expect(cancel.statusCode).toBe(400);
    expect(cancel.json().error.issues[0].path).toBe('statusReason');
    expect(cancel.json().error.message).toContain('Lý do tạm dừng, hủy bỏ');
    const ok = await health.patch(`/api/v1/activities/${a.id}`, {
      version: a.version,
      status: 'cancelled',
      statusReason: 'Nguồn kinh phí chuyển sang năm sau',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'cancelled', statusReason: 'Nguồn kinh phí chuyển sang năm sau' });
    // Back in progress: the reason goes with the status.
    const back = await health.patch(`/api/v1/activities/${a.id}`, {
      version: ok.json().version,
      status: 'in_progress',
    });
    expect(back.json()).toMatchObject({ status: 'in_progress', statusReason: null });
  });
});

describe('permissions', () => {
  let own: ActivityDto;
  let coordinated: ActivityDto;
  beforeAll(async () => {
    own = await create(health, { title: 'Hoạt động riêng của Sở Y tế' });
    coordinated = await create(health, {
      title: 'Hoạt động có Sở Tài chính phối hợp',
      coordinatingUnitIds: [financeId],
    });
  });

  it('lets the unit change its own activity, audited with the fields changed', async () => {
    const res = await health.patch(`/api/v1/activities/${own.id}`, { version: own.version, budget: 2.25 });
    expect(res.statusCode).toBe(200);
    const body: ActivityDto = res.json();
    expect(body.budget).toBe(2.25);
    expect(body.history.map((h) => h.action)).toEqual(['activity.create', 'activity.update']);
    expect(body.history[1].changes).toEqual({ budget: { from: 1.5, to: 2.25 } });
    const stale = await health.patch(`/api/v1/activities/${own.id}`, { version: own.version, budget: 3 });
    expect(stale.statusCode).toBe(409);
  });

  it("answers 404 to another unit's writes and reads, but lets a coordinating unit read", async () => {
    expect((await finance.patch(`/api/v1/activities/${own.id}`, { version: 1, title: 'Đổi tên' })).statusCode).toBe(
      404,
    );
    expect((await finance.get(`/api/v1/activities/${own.id}`)).statusCode).toBe(404);
    const note = await finance.post(`/api/v1/activities/${own.id}/notes`, { date: '2026-05-01', text: 'Ghi chú' });
    expect(note.statusCode).toBe(404);
    const read = await finance.get(`/api/v1/activities/${coordinated.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.canEdit).toBe(false);
    expect((await finance.patch(`/api/v1/activities/${coordinated.id}`, { version: 1, title: 'Đổi' })).statusCode).toBe(
      404,
    );
    const list: ActivityListResponse = (await finance.get('/api/v1/activities?pageSize=100')).json();
    expect(list.data.map((a) => a.id)).toEqual([coordinated.id]);
    const mine: ActivityListResponse = (await finance.get('/api/v1/activities?mine=true')).json();
    expect(mine.page.total).toBe(0);
  });

  it('lets focal and leaders read all but write none; the admin reads none; signed out is 401', async () => {
    for (const c of [focal, leader]) {
      const list: ActivityListResponse = (await c.get(`/api/v1/activities?orgUnitId=${healthId}&pageSize=100`)).json();
      expect(list.data.map((a) => a.id)).toContain(own.id);
      expect((await c.get(`/api/v1/activities/${own.id}`)).statusCode).toBe(200);
      expect((await c.post('/api/v1/activities', base)).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/activities/${own.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    }
    expect((await admin.get('/api/v1/activities')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/activities' });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${own.id}` })).statusCode).toBe(401);
  });

  it('searches without diacritics and filters by plan item and status', async () => {
    const found: ActivityListResponse = (
      await focal.get('/api/v1/activities?q=S%E1%BB%9F%20tai%20chinh%20PHOI%20HOP')
    ).json();
    expect(found.data.map((a) => a.id)).toEqual([coordinated.id]);
    await create(health, { title: 'Truyền thông trên báo Vĩnh Long', planItemKeys: ['IV.4'] });
    const byItem: ActivityListResponse = (await focal.get('/api/v1/activities?planItemKey=IV.4')).json();
    expect(byItem.data.map((a) => a.title)).toEqual(['Truyền thông trên báo Vĩnh Long']);
  });
});

describe('progress notes', () => {
  it('adds a dated note with an evidence file, downloadable by readers, shown in the history', async () => {
    const a = await create(health, { title: 'Xây dựng mô hình ủ phân hữu cơ' });
    const form = multipartForm({ date: '2026-05-12', text: 'Đã tổ chức lớp tập huấn thứ nhất.' }, [
      { field: 'files', name: 'bien-ban.pdf', body: pdfBytes(), type: 'application/pdf' },
    ]);
    const res = await health.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/notes`, ...form });
    expect(res.statusCode).toBe(201);
    const body: ActivityDto = res.json();
    expect(body.notes).toHaveLength(1);
    expect(body.notes[0]).toMatchObject({ date: '2026-05-12', text: 'Đã tổ chức lớp tập huấn thứ nhất.' });
    expect(body.notes[0].files[0].fileName).toBe('bien-ban.pdf');
    expect(body.history.at(-1)!.action).toBe('activity.note');
    const file = await focal.get(`/api/v1/activities/${a.id}/files/${body.notes[0].files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdfBytes())).toBe(true);
    expect((await finance.get(`/api/v1/activities/${a.id}/files/${body.notes[0].files[0].id}`)).statusCode).toBe(404);
    const bad = await health.post(`/api/v1/activities/${a.id}/notes`, { date: '2026-02-30', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['date', 'text']);

    const prefill = await activitiesForPrefill(t.database.db, healthId, { from: '2026-01-01', to: '2026-12-31' });
    const entry = prefill['IV.1.a'].find((x) => x.id === a.id)!;
    expect(entry).toMatchObject({ title: 'Xây dựng mô hình ủ phân hữu cơ', statusLabel: 'Chưa bắt đầu' });
    expect(entry.notes).toEqual([{ date: '2026-05-12', text: 'Đã tổ chức lớp tập huấn thứ nhất.' }]);
    const outside = await activitiesForPrefill(t.database.db, healthId, { from: '2027-01-01', to: '2027-12-31' });
    expect(outside['IV.1.a']).toBeUndefined();
  });
});

describe('overdue activities', () => {
  let unit: TestClient;
  let unitUserId: string;
  let q1: ActivityDto;
  beforeAll(async () => {
    unit = await t.loginAs('unit', { unitCode: 'VL-SCT' });
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, unit.user.email));
    unitUserId = row.id;
    t.clock.set('2026-02-01T02:00:00Z');
    q1 = await create(unit, {
      title: 'Khảo sát cơ sở sản xuất chế phẩm',
      period: { kind: 'quarter', year: 2026, number: 1 },
    });
  });
  afterAll(() => t.clock.set('2026-11-20T02:00:00Z'));

  const flagged = async () => {
    const list: ActivityListResponse = (await focal.get('/api/v1/activities?overdue=true&pageSize=100')).json();
    return list.data.some((a) => a.id === q1.id);
  };

  it('is not overdue on the last day of the quarter at 23:59:59 in Vietnam, and is at 00:00 the next day', async () => {
    t.clock.set('2026-03-31T16:59:59Z');
    expect(await flagged()).toBe(false);
    expect((await unit.get(`/api/v1/activities/${q1.id}`)).json().overdue).toBe(false);
    expect(await notifyOverdueActivities(t.database.db, t.clock.now())).toBe(0);
    t.clock.set('2026-03-31T17:00:00Z');
    expect(await flagged()).toBe(true);
    expect((await unit.get(`/api/v1/activities/${q1.id}`)).json().overdue).toBe(true);
  });

  it('tells the unit once, however often the task runs', async () => {
    t.clock.set('2026-04-02T01:00:00Z');
    await notifyOverdueActivities(t.database.db, t.clock.now());
    await notifyOverdueActivities(t.database.db, t.clock.now());
    t.clock.advance(3_600_000);
    await notifyOverdueActivities(t.database.db, t.clock.now());
    const notices = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, unitUserId), eq(notifications.kind, 'activity_overdue')));
    expect(notices).toHaveLength(1);
    expect(notices[0].link).toBe(`/hoat-dong/${q1.id}`);
    const lines = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, q1.id), eq(auditLog.action, 'activity.overdue')));
    expect(lines).toHaveLength(1);
  });

  it('is no longer overdue once done', async () => {
    const a = (await unit.get(`/api/v1/activities/${q1.id}`)).json();
    await unit.patch(`/api/v1/activities/${q1.id}`, { version: a.version, status: 'done' });
    expect(await flagged()).toBe(false);
  });
});

describe('Excel export', () => {
  it('opens with exceljs and has one row per activity of the filter', async () => {
    const list: ActivityListResponse = (
      await focal.get(`/api/v1/activities?orgUnitId=${healthId}&pageSize=100`)
    ).json();
    const res = await focal.get(`/api/v1/activities/export.xlsx?orgUnitId=${healthId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Hoạt động')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Tên hoạt động');
    expect(ws.rowCount - 1).toBe(list.page.total);
    const titles = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    expect(titles).toContain('Hoạt động riêng của Sở Y tế');
    const unitCol = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(3).value);
    expect(new Set(unitCol).size).toBe(1);
  });
});

describe('detailed plan and KH-00', () => {
  it('requires the document fields, saves, audits, takes a signed PDF and refuses an image', async () => {
    const empty = await finance.put('/api/v1/detailed-plans/mine', { kind: 'document' });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['documentDate', 'documentNumber', 'title']);
    const saved = await finance.put('/api/v1/detailed-plans/mine', {
      kind: 'document',
      documentNumber: '45/KH-STC',
      documentDate: '2026-03-15',
      title: 'Kế hoạch thực hiện Kế hoạch 1953/KH-UBND năm 2026',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().detailedPlan).toMatchObject({ documentNumber: '45/KH-STC', version: 1 });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const image = await finance.inject({
      method: 'POST',
      url: '/api/v1/detailed-plans/mine/file',
      ...multipartForm({}, [{ name: 'anh.png', body: png, type: 'image/png' }]),
    });
    expect([415, 400]).toContain(image.statusCode);
    const up = await finance.inject({
      method: 'POST',
      url: '/api/v1/detailed-plans/mine/file',
      ...multipartForm({}, [{ name: 'ke-hoach-da-ky.pdf', body: pdfBytes(), type: 'application/pdf' }]),
    });
    expect(up.statusCode).toBe(200);
    const dp = up.json().detailedPlan;
    expect(dp.file.fileName).toBe('ke-hoach-da-ky.pdf');
    expect((await focal.get(`/api/v1/detailed-plans/${dp.id}/file`)).statusCode).toBe(200);
    expect((await health.get(`/api/v1/detailed-plans/${dp.id}/file`)).statusCode).toBe(404);
    const all = (await leader.get('/api/v1/detailed-plans')).json();
    expect(all.data.map((d: { unit: { id: string } }) => d.unit.id)).toContain(financeId);
    const lines = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, dp.id));
    expect(lines.map((l) => l.action).sort()).toEqual(['detailed_plan.create', 'detailed_plan.file']);
  });

  it('derives KH-00 at the window edge, per unit and for the province', async () => {
    await health.put('/api/v1/detailed-plans/mine', {
      kind: 'programmes',
      programmes: [
        { name: 'Chương trình công tác năm 2026', documentNumber: '12/CTr-SYT', documentDate: '2026-04-01' },
      ],
    });
    const kh00 = derivationFor('KH-00', null)!;
    const db = t.database.db;
    const other = await t.unitId('VL-SXD');
    const before = await kh00.byUnit(db, { from: '2026-01-01', to: '2026-03-14' }, [financeId, healthId, other]);
    expect(Object.fromEntries(before)).toEqual({ [financeId]: 0, [healthId]: 0 });
    const edge = await kh00.byUnit(db, { from: '2026-01-01', to: '2026-03-15' }, [financeId, healthId, other]);
    expect(Object.fromEntries(edge)).toEqual({ [financeId]: 1, [healthId]: 0 });
    const later = await kh00.byUnit(db, { from: '2026-01-01', to: '2026-04-01' }, [financeId, healthId]);
    expect(Object.fromEntries(later)).toEqual({ [financeId]: 1, [healthId]: 1 });
    expect(await kh00.province(db, { from: '2026-01-01', to: '2026-03-31' })).toBe(1);
    expect(await kh00.province(db, { from: '2026-01-01', to: '2026-12-31' })).toBe(2);
    expect(kh00.recordsLink({ from: '2026-01-01', to: '2026-12-31' }, financeId)).toContain('/ke-hoach-chi-tiet');
  });
});
