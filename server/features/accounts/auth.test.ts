import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('auth', () => {
  it('health answers with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: expect.stringMatching(/^(pglite|postgres)$/),
      version: expect.any(String),
    });
  });

  it('serves an OpenAPI 3 document listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/org-units', '/api/v1/plans/{id}/items']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('signs in with an HttpOnly SameSite=Lax cookie, answers me, and signs out server-side', async () => {
    const c = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('focal');
    expect(me.json().abilities).toContain('report.review');

    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: c.user.email, password: TEST_PASSWORD },
    });
    const setCookie = String(raw.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const after = await c.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS in Vietnamese, English on request', async () => {
    const c = await t.loginAs('leader');
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: c.user.email, password: 'sai-mat-khau' },
    });
    expect(vi.statusCode).toBe(401);
    expect(vi.json()).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS', message: 'Email hoặc mật khẩu không đúng' },
      requestId: expect.any(String),
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email: c.user.email, password: 'wrong-password' },
    });
    expect(en.json().error.message).toBe('Wrong e-mail or password');
  });

  // Throttling (per account and address, per address, hard lock): throttle.test.ts.

  it('refuses a state change without the CSRF token', async () => {
    const admin = await t.loginAs('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { email: 'csrf@test.vn', name: 'X', role: 'leader', password: 'long-enough-pass' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const list = await admin.get('/api/v1/users?q=csrf');
    expect(list.json().page.total).toBe(0);
  });

  it('sets security headers and never returns a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
  });

  it('takes a JSON content type with no body as no body, and still refuses malformed JSON', async () => {
    const c = await t.loginAs('leader');
    const empty = await c.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(204);
    const proto = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.vn","password":"x","__proto__":{"isAdmin":true}}',
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.code).toBe('VALIDATION_ERROR');
  });

  it('writes sign-ins to the audit log', async () => {
    const c = await t.loginAs('leader');
    const rows = await t.database.db.select().from(auditLog);
    expect(rows.some((r) => r.action === 'auth.login' && r.actorEmail === c.user.email)).toBe(true);
  });
});
