import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/client.js';
import { DEMO_PASSWORD, ensureAccounts } from '../server/db/seed/accounts.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import { fixedClock, systemClock, type Clock } from '../server/lib/clock.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'quantri@demo.bioplan.vn',
  focal: 'daumoi@demo.bioplan.vn',
  unitStc: 'sotaichinh@demo.bioplan.vn',
  unitXa: 'xagiaolong@demo.bioplan.vn',
  leader: 'lanhdao@demo.bioplan.vn',
};

/**
 * Starts the real server (built client, PGlite in memory, plan and demo accounts loaded) on a
 * free port, and Debian's Chromium. Call `stop()` in afterAll.
 */
export async function startStack(opts: { now?: string } = {}) {
  const database = await createDb({ dataDir: null });
  await seedReferenceData(database.db, importSeedPlan);
  const config = loadConfig({
    BIOPLAN_DATA_DIR: `/tmp/bioplan-e2e-${process.pid}`,
    BIOPLAN_DEMO: '1',
    LOG_LEVEL: 'silent',
    BIOPLAN_ADMIN_PASSWORD: 'Admin-password-123',
  });
  await ensureAccounts(database.db, config, () => {});
  const clock: Clock = opts.now ? fixedClock(opts.now) : systemClock;
  const clientDir = process.env.BIOPLAN_CLIENT_DIR ?? path.join(root, 'dist', 'client');
  const app = await buildApp({ database, config, clock, clientDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.BIOPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    app,
    database,
    config,
    browser,
    async newPage(lang: 'vi' | 'en' = 'vi'): Promise<Page> {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      return context.newPage();
    },
    async stop() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
export type { Browser, Page };

/** Signs in through the login page and waits for the signed-in frame. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** Runs axe-core on the page and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Saves a screenshot under /tmp/bioplan-shots for a person to look at. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/bioplan-shots/${name}.png`, fullPage: true });
}

/** Signs in through the API as `email` and answers a `post(path, body)` bound to that session. */
export async function apiSession(stack: Stack, email: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${stack.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const me = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = async (route: string) => (await fetch(`${stack.baseURL}/api/v1${route}`, { headers: { cookie } })).json();
  const post = async (route: string, body: unknown) => {
    const r = await fetch(`${stack.baseURL}/api/v1${route}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${route}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  return { get, post };
}

/** The focal officer creates and opens the yearly cycle of the seeded plan through the API. */
export async function openCycle(stack: Stack, year: number): Promise<string> {
  const focal = await apiSession(stack, DEMO.focal);
  const plans = await focal.get('/plans');
  const cycle = await focal.post('/cycles', { planId: plans.data[0].id, year });
  await focal.post(`/cycles/${cycle.id}/open`, {});
  return cycle.id as string;
}

/** A new page of `stack` at `size`, with the browser clock fixed at `now`, signed in as `email`. */
export async function signedInPage(
  stack: Stack,
  email: string,
  opts: { now: string; size?: { width: number; height: number } },
): Promise<Page> {
  const page = await stack.newPage();
  await page.setViewportSize(opts.size ?? { width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date(opts.now));
  await signIn(page, email);
  return page;
}

/** Calls the API from a signed-in page (its cookie and CSRF token); expects success and answers the JSON. */
export async function pageApi<T = Record<string, unknown>>(page: Page, method: string, route: string, body?: unknown) {
  const res = await page.evaluate(
    async (call) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const answer = await fetch(`/api/v1${call.route}`, {
        method: call.method,
        headers: {
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return { status: answer.status, body: await answer.json().catch(() => null) };
    },
    { method, route, body },
  );
  expect(res.status, `${method} ${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}
