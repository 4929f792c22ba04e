// Finding 8 of issue 11: TRUST_PROXY. Off by default (forwarded headers ignored); with a list of
// proxies, only their X-Forwarded-For / X-Forwarded-Proto count: HTTPS behind the proxy gives
// Secure cookies and HSTS, and rate limits count the client's address, which an untrusted peer
// cannot spoof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

const PROXY = '10.0.0.5';

/** Adds a rate-limited probe route (2 a minute per address) that answers the address it saw. */
function addProbe(t: TestApp) {
  t.app.get('/probe-ip', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async (req) => ({
    ip: req.ip,
    ctxIp: req.ctx.ip,
    protocol: req.protocol,
  }));
}

async function buildWith(trustProxy: string[]): Promise<TestApp> {
  // The harness readies the app; a second one is built here to add the probe before ready.
  const { buildApp } = await import('../../app.js');
  const t = await buildTestApp({ config: { trustProxy } });
  const app = await buildApp({ database: t.database, config: t.config, clock: t.clock });
  addProbe({ ...t, app });
  await app.ready();
  return { ...t, app, close: async () => (await app.close(), await t.close()) };
}

let untrusting: TestApp;
let trusting: TestApp;

beforeAll(async () => {
  untrusting = await buildWith([]);
  trusting = await buildWith([PROXY, '192.168.0.0/16']);
});

afterAll(async () => {
  await untrusting?.close();
  await trusting?.close();
});

async function login(t: TestApp, remoteAddress: string, headers: Record<string, string>) {
  const user = await t.loginAs('admin');
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers,
    payload: { email: user.user.email, password: TEST_PASSWORD },
  });
}

describe('TRUST_PROXY', () => {
  it('is off by default and reads as a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5,proxy.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('without it, forwarded headers are ignored: no HSTS, no Secure cookie, the peer is the client', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };
    const probe = await untrusting.app.inject({ url: '/probe-ip', remoteAddress: PROXY, headers });
    expect(probe.json()).toEqual({ ip: PROXY, ctxIp: PROXY, protocol: 'http' });
    expect(probe.headers['strict-transport-security']).toBeUndefined();
    const res = await login(untrusting, PROXY, headers);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'bioplan_session')?.secure).toBeFalsy();
  });

  it('behind a trusted proxy over TLS: Secure cookie, HSTS, the forwarded client address', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };
    const probe = await trusting.app.inject({ url: '/probe-ip', remoteAddress: PROXY, headers });
    expect(probe.json()).toEqual({ ip: '198.51.100.7', ctxIp: '198.51.100.7', protocol: 'https' });
    expect(probe.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const api = await trusting.app.inject({ url: '/api/v1/health/live', remoteAddress: '192.168.4.4', headers });
    expect(api.headers['strict-transport-security']).toMatch(/max-age=/);
    const res = await login(trusting, PROXY, headers);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'bioplan_session')?.secure).toBe(true);
    // Plain HTTP through the same proxy: no HSTS.
    const plain = await trusting.app.inject({
      url: '/api/v1/health/live',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('an untrusted peer cannot spoof X-Forwarded-For or -Proto to dodge a rate limit', async () => {
    const peer = '203.0.113.9';
    const codes: number[] = [];
    const seen: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await trusting.app.inject({
        url: '/probe-ip',
        remoteAddress: peer,
        headers: { 'x-forwarded-for': `198.51.100.${20 + i}`, 'x-forwarded-proto': 'https' },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 200) seen.push(res.json());
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(codes).toEqual([200, 200, 429, 429]);
    expect(seen).toEqual([
      { ip: peer, ctxIp: peer, protocol: 'http' },
      { ip: peer, ctxIp: peer, protocol: 'http' },
    ]);
  });

  it('clients behind a trusted proxy are limited one by one, not as one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await trusting.app.inject({
        url: '/probe-ip',
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': `198.51.100.${40 + i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200]);
    const spoofedTwice = await trusting.app.inject({
      url: '/probe-ip',
      remoteAddress: PROXY,
      // The client put its own X-Forwarded-For; the proxy appended the address it saw.
      headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.40' },
    });
    expect(spoofedTwice.json().ip).toBe('198.51.100.40');
  });
});
