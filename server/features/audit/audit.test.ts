import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '../../../shared/contracts/audit.js';
import { writeAudit } from '../../lib/audit.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let admin: TestClient;
let focal: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.loginAs('admin', { email: 'quantri.nhatky@test.vn' });
  focal = await t.loginAs('focal');
  const named = await admin.post('/api/v1/users', {
    email: 'daumoi.nhatky@test.vn',
    name: 'Trần Thị Đầu Mối',
    role: 'focal',
    password: 'Mat-khau-rat-dai-2026!',
  });
  expect(named.statusCode).toBe(201);
  const actor = { id: named.json().id as string, email: 'daumoi.nhatky@test.vn' };
  // Two lines either side of midnight in Vietnam: 29/11 23:30 and 30/11 00:30 (UTC+7).
  await writeAudit(t.database.db, {
    actor,
    action: 'cycle.open',
    entityType: 'report_cycle',
    entityId: 'c-2026',
    at: new Date('2026-11-29T16:30:00Z'),
  });
  await writeAudit(t.database.db, {
    actor,
    action: 'cycle.close',
    entityType: 'report_cycle',
    entityId: 'c-2026',
    at: new Date('2026-11-29T17:30:00Z'),
  });
  for (let i = 0; i < 3; i += 1) {
    const res = await admin.post('/api/v1/users', {
      email: `moi${i}.nhatky@test.vn`,
      name: `Người mới ${i}`,
      role: 'leader',
      password: 'Mat-khau-rat-dai-2026!',
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

const list = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/v1/audit-log?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: AuditEntryDto[]; page: { total: number } }>();
};

describe('audit log screen', () => {
  it('filters by action and object, newest first, with the acting account named', async () => {
    const created = await list(admin, 'action=user.create&entityType=user');
    expect(created.page.total).toBe(4);
    expect(new Set(created.data.map((e) => e.action))).toEqual(new Set(['user.create']));
    expect(created.data[0].actor?.email).toBe('quantri.nhatky@test.vn');
    const times = created.data.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by user (name without diacritics, or e-mail) and by Vietnamese calendar days', async () => {
    const byName = await list(admin, `user=${encodeURIComponent('tran thi dau moi')}&entityType=report_cycle`);
    expect(byName.data.map((e) => e.action).sort()).toEqual(['cycle.close', 'cycle.open']);
    const day = await list(admin, 'from=2026-11-30&to=2026-11-30&entityType=report_cycle');
    expect(day.data.map((e) => e.action)).toEqual(['cycle.close']);
    const before = await list(admin, 'to=2026-11-29&entityId=c-2026');
    expect(before.data.map((e) => e.action)).toEqual(['cycle.open']);
  });

  it('pages and sorts by date both ways', async () => {
    const all = await list(admin, 'order=asc&pageSize=200');
    const second = await list(admin, 'order=asc&pageSize=2&page=2');
    expect(second.page.total).toBe(all.page.total);
    expect(second.data.map((e) => e.id)).toEqual(all.data.slice(2, 4).map((e) => e.id));
    expect(all.data[0].at <= all.data[all.data.length - 1].at).toBe(true);
  });

  it('lists the actions and objects present for the filters', async () => {
    const res = await focal.get('/api/v1/audit-log/facets');
    expect(res.statusCode).toBe(200);
    expect(res.json().actions).toEqual(expect.arrayContaining(['cycle.open', 'user.create']));
    expect(res.json().entityTypes).toEqual(expect.arrayContaining(['report_cycle', 'user']));
  });

  it('exports the filtered lines to Excel with Vietnamese names of actions and objects', async () => {
    const res = await admin.get('/api/v1/audit-log/export.xlsx?action=user.create');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('nhat-ky-he-thong-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.getWorksheet('Nhật ký')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Thời điểm');
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(4).value).toBe('Tạo tài khoản');
    expect(sheet.getRow(2).getCell(6).value).toBe('Tài khoản');
    expect(sheet.getRow(2).getCell(1).text).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });

  it('is open to leaders, closed to units and anonymous visitors; a bad date names the field', async () => {
    const unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    const leader = await t.loginAs('leader');
    expect((await unit.get('/api/v1/audit-log')).statusCode).toBe(403);
    expect((await leader.get('/api/v1/audit-log/export.xlsx')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(401);
    const bad = await admin.get('/api/v1/audit-log?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('from');
  });
});
