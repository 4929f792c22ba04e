import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { ensureAccounts } from '../../db/seed/accounts.js';
import { runDueJobs } from '../../lib/jobs.js';
import { buildTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../test/harness.js';
import { startMailPeer } from './mail-peer.test-support.js';

let t: TestApp;
let mail: Awaited<ReturnType<typeof startMailPeer>>;
let admin: TestClient;
beforeAll(async () => {
  mail = await startMailPeer();
  t = await buildTestApp({ config: { smtpUrl: mail.url } });
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

const STRONG = 'Cay-lua-xanh-ven-song-2026';
let n = 0;
async function createUser(password = STRONG, extra: Record<string, unknown> = {}) {
  n += 1;
  const body = { email: `nguoidung${n}@tinh.gov.vn`, name: `Trần Văn Bình ${n}`, role: 'leader', password, ...extra };
  return admin.post('/api/v1/users', body);
}

function fieldIssue(
  res: { statusCode: number; json(): { error: { issues?: Array<{ path: string; message: string }> } } },
  path: string,
) {
  expect(res.statusCode).toBe(400);
  const issue = res.json().error.issues?.find((i) => i.path === path);
  expect(issue, `an issue on ${path}`).toBeDefined();
  return issue!.message;
}

describe('the first admin', () => {
  it('refuses a weak BIOPLAN_ADMIN_PASSWORD with a clear message', async () => {
    const config = { ...t.config, adminEmail: 'quantri@tinh.gov.vn', adminPassword: 'password12' };
    await expect(ensureAccounts(t.database.db, config, () => {})).rejects.toThrow(
      /^BIOPLAN_ADMIN_PASSWORD quá yếu: Mật khẩu quá phổ biến/,
    );
    admin = await t.loginAs('admin');
  });
});

describe('password strength', () => {
  it.each([
    ['1234567890', /^Mật khẩu (quá phổ biến|là dãy ký tự dễ đoán)/],
    ['password12', /^Mật khẩu quá phổ biến/],
    ['matkhau2026', /^Mật khẩu/],
    ['anhyeuem123', /^Mật khẩu quá phổ biến/],
  ])('refuses %s with a Vietnamese reason on the field', async (password, reason) => {
    expect(fieldIssue(await createUser(password), 'password')).toMatch(reason);
  });

  it('refuses the e-mail itself and the user’s name', async () => {
    const email = fieldIssue(await createUser('ho.ten@tinh.gov.vn', { email: 'ho.ten@tinh.gov.vn' }), 'password');
    expect(email).toBe('Mật khẩu không được chứa tên hoặc email của bạn');
    const name = fieldIssue(await createUser('tranvanbinh2026', { name: 'Trần Văn Bình' }), 'password');
    expect(name).toBe('Mật khẩu không được chứa tên hoặc email của bạn');
  });

  it('applies to a password the admin sets', async () => {
    const user = (await createUser()).json();
    expect(fieldIssue(await admin.patch(`/api/v1/users/${user.id}`, { password: '1234567890' }), 'password')).toMatch(
      /^Mật khẩu/,
    );
  });
});

describe('a password the admin set', () => {
  it('must be changed at the first sign-in; until then only the change is allowed', async () => {
    const created = await createUser();
    expect(created.json().mustChangePassword).toBe(true);
    const u = await t.login(created.json().email, STRONG);
    expect((await u.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await u.get('/api/v1/plans');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await u.post('/api/v1/auth/password', {
      currentPassword: STRONG,
      newPassword: 'Song-Co-Chien-mua-nuoc-noi',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await u.get('/api/v1/plans')).statusCode).toBe(200);
  });
});

describe('changing one’s own password', () => {
  it('needs the current one, refuses a weak one, and ends the other sessions', async () => {
    const a = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const b = await t.login(a.user.email);
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'khong-phai', newPassword: STRONG });
    expect(fieldIssue(wrong, 'currentPassword')).toBe('Mật khẩu hiện tại không đúng');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password12' });
    expect(fieldIssue(weak, 'newPassword')).toMatch(/^Mật khẩu quá phổ biến/);
    const ok = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: STRONG });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    await t.login(a.user.email, STRONG);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.user.id), eq(auditLog.action, 'auth.password.change')));
    expect(audit).toHaveLength(1);
  });
});

describe('forgotten password', () => {
  const forgot = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email } });
  const reset = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password/reset', payload: { token, password } });

  it('e-mails a link that sets a new password once', async () => {
    const u = await t.loginAs('focal');
    const res = await forgot(u.user.email);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ mailConfigured: true });
    await runDueJobs(t.database.db, t.config);
    const token = new URL(mail.linkFor(u.user.email, '/dat-lai-mat-khau')).searchParams.get('token')!;
    expect(fieldIssue(await reset(token, u.user.email), 'password')).toMatch(/^Mật khẩu/);
    expect((await reset(token, STRONG)).statusCode).toBe(204);
    expect((await u.get('/api/v1/auth/me')).statusCode).toBe(401);
    await t.login(u.user.email, STRONG);
    const again = await reset(token, 'Mot-mat-khau-khac-hoan-toan');
    expect(fieldIssue(again, 'token')).toMatch(/^Liên kết đặt lại mật khẩu không hợp lệ/);
  });

  it('expires after an hour (app clock)', async () => {
    const u = await t.loginAs('focal');
    await forgot(u.user.email);
    await runDueJobs(t.database.db, t.config);
    const token = new URL(mail.linkFor(u.user.email, '/dat-lai-mat-khau')).searchParams.get('token')!;
    t.clock.advance(61 * 60 * 1000);
    expect(fieldIssue(await reset(token, STRONG), 'token')).toMatch(/hết hạn/);
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const before = mail.inbox.length;
    const res = await forgot('khong-ton-tai@tinh.gov.vn');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ mailConfigured: true });
    await runDueJobs(t.database.db, t.config);
    expect(mail.inbox.length).toBe(before);
  });
});

describe('role and unit', () => {
  it('the admin changes them, audited; a missing unit is named on its field', async () => {
    const user = (await createUser()).json();
    const missing = await admin.patch(`/api/v1/users/${user.id}`, { role: 'unit' });
    expect(fieldIssue(missing, 'orgUnitId')).toBe('Cán bộ đơn vị phải thuộc một đơn vị');
    const unitId = await t.unitId('VL-STC');
    const res = await admin.patch(`/api/v1/users/${user.id}`, { role: 'unit', orgUnitId: unitId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'unit', orgUnit: { id: unitId } });
    const [line] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'user.update')));
    expect(line.data).toMatchObject({
      before: { role: 'leader', orgUnitId: null },
      after: { role: 'unit', orgUnitId: unitId },
    });
  });
});
