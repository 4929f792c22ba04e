import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.loginAs('admin');
});
afterAll(async () => t?.close());

/** Signs in from a given address and browser; returns the session cookie's client. */
async function signInFrom(email: string, ip: string, userAgent: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'user-agent': userAgent },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = `bioplan_session=${res.cookies.find((c) => c.name === 'bioplan_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    delete: (url: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie, 'x-csrf-token': csrf } }),
  };
}

describe('active sessions', () => {
  it('a user sees their sessions (address, browser, times) and ends another one: its next request is 401', async () => {
    const office = await t.loginAs('focal');
    const phone = await signInFrom(office.user.email, '10.7.7.7', 'Mozilla/5.0 (iPhone) Safari');
    const list = await office.get('/api/v1/auth/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().data as Array<{
      id: string;
      ip: string;
      userAgent: string | null;
      isCurrent: boolean;
      createdAt: string;
      lastSeenAt: string;
    }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    const other = sessions.find((s) => !s.isCurrent)!;
    expect(other).toMatchObject({ ip: '10.7.7.7', userAgent: 'Mozilla/5.0 (iPhone) Safari' });
    expect(other.createdAt).toBe(t.clock.now().toISOString());
    expect(other.lastSeenAt).toBe(t.clock.now().toISOString());

    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await office.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await office.get('/api/v1/auth/me')).statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, office.user.id), eq(auditLog.action, 'session.revoke.own')));
    expect(audit).toHaveLength(1);
  });

  it('a user cannot end someone else’s session (404)', async () => {
    const a = await t.loginAs('leader');
    const b = await t.loginAs('leader');
    const theirs = (await b.get('/api/v1/auth/sessions')).json().data[0].id;
    expect((await a.delete(`/api/v1/auth/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('the admin lists an account’s sessions and revokes one, audited; others may not', async () => {
    const officer = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const focal = await t.loginAs('focal');
    expect((await focal.get(`/api/v1/users/${officer.user.id}/sessions`)).statusCode).toBe(403);
    const list = await admin.get(`/api/v1/users/${officer.user.id}/sessions`);
    expect(list.statusCode).toBe(200);
    const [session] = list.json().data;
    expect(session.isCurrent).toBe(false);
    expect((await focal.delete(`/api/v1/users/${officer.user.id}/sessions/${session.id}`)).statusCode).toBe(403);
    const res = await admin.delete(`/api/v1/users/${officer.user.id}/sessions/${session.id}`);
    expect(res.statusCode).toBe(204);
    const next = await officer.get('/api/v1/auth/me');
    expect(next.statusCode).toBe(401);
    expect((await admin.delete(`/api/v1/users/${officer.user.id}/sessions/${session.id}`)).statusCode).toBe(404);
    const [line] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, officer.user.id), eq(auditLog.action, 'session.revoke')));
    expect(line.actorId).toBe(admin.user.id);
  });
});
