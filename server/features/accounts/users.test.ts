import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('users', () => {
  it('lets the admin create, list, reset and deactivate accounts, with every change audited', async () => {
    const admin = await t.loginAs('admin');
    const unitId = await t.unitId('VL-STC');
    const created = await admin.post('/api/v1/users', {
      email: 'Can.Bo@SoTaiChinh.vn',
      name: 'Cán bộ Sở Tài chính',
      role: 'unit',
      orgUnitId: unitId,
      password: 'mat-khau-ban-dau',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      email: 'can.bo@sotaichinh.vn',
      role: 'unit',
      orgUnit: { id: unitId, code: 'VL-STC' },
    });
    expect(user).not.toHaveProperty('passwordHash');

    const list = await admin.get('/api/v1/users?q=can bo so tai chinh');
    expect(list.json().data.map((u: { id: string }) => u.id)).toContain(user.id);

    const officer = await t.login('can.bo@sotaichinh.vn', 'mat-khau-ban-dau');
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(200);

    const reset = await admin.patch(`/api/v1/users/${user.id}`, { password: 'mat-khau-moi-123' });
    expect(reset.statusCode).toBe(200);
    // A password change ends the account's sessions.
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.login('can.bo@sotaichinh.vn', 'mat-khau-moi-123');

    const off = await admin.patch(`/api/v1/users/${user.id}`, { isActive: false });
    expect(off.json().isActive).toBe(false);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('can.bo@sotaichinh.vn', 'mat-khau-moi-123')).rejects.toThrow(/401/);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.update.password', 'user.update']),
    );
    expect(JSON.stringify(audit)).not.toContain('mat-khau-moi-123');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = (await admin.get('/api/v1/users')).json().page.total;
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email', name: 'A', role: 'leader', password: 'long-enough-1' }, 'email'],
      [{ email: 'a@b.vn', name: 'A', role: 'king', password: 'long-enough-1' }, 'role'],
      [{ email: 'a@b.vn', name: 'A', role: 'leader', password: 'short' }, 'password'],
      [{ email: 'a@b.vn', name: 'x'.repeat(201), role: 'leader', password: 'long-enough-1' }, 'name'],
      [{ email: 'a@b.vn', name: 'A', role: 'leader', password: 'long-enough-1', extra: 1 }, 'extra'],
      [{ email: 'a@b.vn', name: 'A', role: 'unit', password: 'long-enough-1' }, 'orgUnitId'],
      [
        {
          email: 'a@b.vn',
          name: 'A',
          role: 'unit',
          orgUnitId: '00000000-0000-4000-8000-000000000000',
          password: 'long-enough-1',
        },
        'orgUnitId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('VALIDATION_ERROR');
      expect(err.issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
    }
    expect((await admin.get('/api/v1/users')).json().page.total).toBe(before);
    const missing = await admin.patch('/api/v1/users/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect(missing.statusCode).toBe(404);
    const badId = await admin.patch('/api/v1/users/not-a-uuid', { name: 'X' });
    expect(badId.statusCode).toBe(400);
  });

  it('is for the admin only', async () => {
    const focal = await t.loginAs('focal');
    expect((await focal.get('/api/v1/users')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });
});
