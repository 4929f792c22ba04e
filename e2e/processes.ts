// The built server as a child process (node dist/server/main.js), for tests that kill it, restart
// it or run two of it, and an HTTP client that signs in to it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN = { email: 'quantri.tientrinh@test.vn', password: 'Admin-password-123' };

/** Bundles the server (scripts/build-server.mjs, as `npm run build` does). */
export function buildServer(): void {
  const out = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`build-server: ${out.stderr}`);
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** Starts `node dist/server/main.js` and waits until it answers /api/v1/health. */
export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BIOPLAN_ADMIN_EMAIL: ADMIN.email,
      BIOPLAN_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, output: () => log, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${log}`);
}

/** A new, empty database on the test PostgreSQL server; `drop()` removes it. */
export async function freshPostgresDatabase(): Promise<{
  url: string;
  query: (text: string, params?: unknown[]) => Promise<pg.QueryResult>;
  drop(): Promise<void>;
}> {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `bioplan_p_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    query: (text: string, params?: unknown[]) => pool.query(text, params),
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  // oxlint-disable-next-line typescript/no-explicit-any -- JSON answers of many shapes, read field by field in the tests
  call(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }>;
  raw(base: string, method: string, url: string, init?: RequestInit): Promise<Response>;
}

/** Signs in over HTTP; the session (cookie and CSRF token) can then be used on any instance. */
export async function signInHttp(base: string, email: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const raw = (b: string, method: string, url: string, init: RequestInit = {}) =>
    fetch(`${b}${url}`, {
      ...init,
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string>) },
    });
  return {
    cookie,
    csrf: csrfToken,
    raw,
    async call(b, method, url, body) {
      const r = await raw(b, method, url, {
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      });
      const text = await r.text();
      return { status: r.status, json: text ? JSON.parse(text) : null };
    },
  };
}
