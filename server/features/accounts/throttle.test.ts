import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { foldText } from '../../../shared/text.js';
import { auditLog, loginFailures, users } from '../../db/schema/index.js';
import { runDueJobs } from '../../lib/jobs.js';
import { hasher, hashPassword } from '../../lib/passwords.js';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { startMailPeer } from './mail-peer.test-support.js';
import { THROTTLE } from './throttle.js';

let t: TestApp;
let mail: Awaited<ReturnType<typeof startMailPeer>>;
let hash: string;
beforeAll(async () => {
  mail = await startMailPeer();
  t = await buildTestApp({ config: { smtpUrl: mail.url } });
  hash = await hashPassword(TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});
afterEach(() => vi.restoreAllMocks());

let n = 0;
async function account(prefix = 'canbo') {
  n += 1;
  const email = `${prefix}${n}@tinh.gov.vn`;
  const [row] = await t.database.db
    .insert(users)
    .values({ email, name: `Cán bộ ${n}`, role: 'leader', passwordHash: hash, searchText: foldText(email) })
    .returning();
  return row;
}

const signIn = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password } });

/** Failures written as if they had happened (from addresses of their own unless given). */
async function pastFailures(email: string, count: number, ip?: string) {
  const at = t.clock.now();
  await t.database.db
    .insert(loginFailures)
    .values(Array.from({ length: count }, (_, i) => ({ email, ip: ip ?? `172.16.${i >> 8}.${i & 255}`, at })));
}

describe('sign-in throttling', () => {
  it('lets 55 officers behind one gateway sign in within a minute: 0 × 429', async () => {
    const officers = await Promise.all(Array.from({ length: 55 }, () => account('so')));
    const statuses: number[] = [];
    for (const o of officers) {
      statuses.push((await signIn(o.email, TEST_PASSWORD, '203.113.1.1')).statusCode);
      t.clock.advance(1000);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(55);
  });

  it('makes one account and address wait longer after each failure past five: 1 s, 2 s, 4 s', async () => {
    const u = await account();
    const ip = '10.2.2.2';
    for (let i = 0; i < 5; i++) expect((await signIn(u.email, `sai-${i}`, ip)).statusCode).toBe(401);
    const waits: string[] = [];
    for (const delay of [1000, 2000, 4000]) {
      const refused = await signIn(u.email, TEST_PASSWORD, ip);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toContain(`Vui lòng thử lại sau ${delay / 1000} giây`);
      waits.push(String(refused.headers['retry-after']));
      // The owner, elsewhere, is not shut out by someone guessing from this address.
      expect((await signIn(u.email, TEST_PASSWORD, '10.2.2.99')).statusCode).toBe(200);
      t.clock.advance(delay);
      expect((await signIn(u.email, 'van-sai', ip)).statusCode).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4']);
    t.clock.advance(8000);
    expect((await signIn(u.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('hashes the password whether or not the account exists, and answers alike', async () => {
    const u = await account();
    const verify = vi.spyOn(hasher, 'verify');
    const unknown = await signIn('khong-co-ai@tinh.gov.vn', 'mat-khau-bat-ky', '10.4.4.4');
    expect(verify).toHaveBeenCalledTimes(1);
    const known = await signIn(u.email, 'mat-khau-bat-ky', '10.4.4.4');
    expect(verify).toHaveBeenCalledTimes(2);
    expect([unknown.statusCode, known.statusCode]).toEqual([401, 401]);
    expect(unknown.json().error).toEqual(known.json().error);
  });

  it('refuses an address that spent its budget of failures, and only failures count', async () => {
    const u = await account();
    await pastFailures('ai-do@tinh.gov.vn', THROTTLE.addressFailureBudget - 1, '10.3.3.3');
    expect((await signIn(u.email, TEST_PASSWORD, '10.3.3.3')).statusCode).toBe(200);
    expect((await signIn('ai-khac@tinh.gov.vn', 'sai', '10.3.3.3')).statusCode).toBe(401);
    const refused = await signIn(u.email, TEST_PASSWORD, '10.3.3.3');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/địa chỉ mạng/);
    expect((await signIn(u.email, TEST_PASSWORD, '10.3.3.4')).statusCode).toBe(200);
    t.clock.advance(THROTTLE.addressWindowMs + 1000);
    expect((await signIn(u.email, TEST_PASSWORD, '10.3.3.3')).statusCode).toBe(200);
  });
});

describe('hard lock after many failures', () => {
  async function lock(u: { email: string }) {
    await pastFailures(u.email, THROTTLE.lockThreshold - 1);
    const res = await signIn(u.email, 'doan-mo', '10.5.5.5');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
    return res;
  }

  it('tells the account when the lock ends, in Vietnamese, even with the right password', async () => {
    const u = await account();
    t.clock.set('2026-11-21T03:00:00Z');
    await lock(u);
    const res = await signIn(u.email, TEST_PASSWORD, '10.5.5.6');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toBe(
      'Tài khoản tạm khóa do đăng nhập sai quá nhiều lần, đến 21/11/2026 11:00. Để mở khóa ngay, hãy dùng liên kết đã gửi tới email của tài khoản hoặc nhờ quản trị viên.',
    );
    t.clock.advance(THROTTLE.lockMs + 1000);
    expect((await signIn(u.email, TEST_PASSWORD, '10.5.5.6')).statusCode).toBe(200);
    // Failures before the lock ended never count towards the next one.
    expect((await signIn(u.email, 'sai-nua', '10.5.5.7')).statusCode).toBe(401);
  });

  it('is lifted by the link e-mailed to the owner, once', async () => {
    const u = await account();
    await lock(u);
    await runDueJobs(t.database.db, t.config);
    const link = new URL(mail.linkFor(u.email, '/mo-khoa'));
    expect(link.origin + link.pathname).toBe(`${t.config.publicUrl.replace(/\/$/, '')}/mo-khoa`);
    const token = link.searchParams.get('token')!;
    const lifted = await t.app.inject({ method: 'POST', url: '/api/v1/auth/unlock', payload: { token } });
    expect(lifted.statusCode).toBe(204);
    expect((await signIn(u.email, TEST_PASSWORD, '10.5.5.8')).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/unlock', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0]).toMatchObject({
      path: 'token',
      message: expect.stringMatching(/^Liên kết mở khóa/),
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'auth.unlock')));
    expect(audit).toHaveLength(1);
  });

  it('is lifted by the admin, audited; others may not', async () => {
    const u = await account();
    await lock(u);
    const admin = await t.loginAs('admin');
    const focal = await t.loginAs('focal');
    expect((await focal.post(`/api/v1/users/${u.id}/unlock`)).statusCode).toBe(403);
    const listed = await admin.get(`/api/v1/users?q=${encodeURIComponent(u.email)}`);
    expect(new Date(listed.json().data[0].lockedUntil).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const res = await admin.post(`/api/v1/users/${u.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await signIn(u.email, TEST_PASSWORD, '10.5.5.9')).statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.unlock')));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(admin.user.id);
  });
});
