// Two instances of the built server (ports 3108 and 3109) on one PostgreSQL database, each with
// its own data directory: a session, a file, the rate limits and the jobs are shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/db/seed/accounts.js';
import { pdfBytes } from '../server/test/multipart.js';
import {
  buildServer,
  freshPostgresDatabase,
  signInHttp,
  startServer,
  type HttpSession,
  type ServerProcess,
} from './processes.js';

let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let a: ServerProcess;
let b: ServerProcess;
const dirs: string[] = [];

beforeAll(async () => {
  buildServer();
  database = await freshPostgresDatabase();
  const env = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `bioplan-${name}-`));
    dirs.push(dir);
    return { DATABASE_URL: database.url, BIOPLAN_DATA_DIR: dir, BIOPLAN_DEMO: '1' };
  };
  // The first start seeds the database (demo cycle open, one report submitted); then the second joins.
  a = await startServer(3108, env('a'));
  b = await startServer(3109, env('b'));
}, 240_000);

afterAll(async () => {
  for (const server of [a, b]) {
    server?.child.kill('SIGTERM');
    await server?.exited;
  }
  await database?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function demoCycle(session: HttpSession): Promise<string> {
  const cycles = await session.call(a.url, 'GET', '/api/v1/cycles');
  return cycles.json.data[0].id;
}

describe('two instances on one PostgreSQL', () => {
  it('knows on one instance the session signed in on the other', async () => {
    const focal = await signInHttp(a.url, 'daumoi@demo.bioplan.vn', DEMO_PASSWORD);
    const me = await focal.call(b.url, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe('daumoi@demo.bioplan.vn');
  });

  it('downloads on one instance the attachment uploaded on the other', async () => {
    const unit = await signInHttp(a.url, 'xagiaolong@demo.bioplan.vn', DEMO_PASSWORD);
    const cycleId = await demoCycle(unit);
    const report = await unit.call(a.url, 'GET', `/api/v1/cycles/${cycleId}/my-report`);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfBytes())], { type: 'application/pdf' }), 'minh-chung.pdf');
    const up = await unit.raw(a.url, 'POST', `/api/v1/reports/${report.json.id}/attachments`, { body: form });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as { id: string };
    const down = await unit.raw(b.url, 'GET', `/api/v1/reports/${report.json.id}/attachments/${id}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(pdfBytes())).toBe(true);
  });

  it('counts one rate limit across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const server = i % 2 === 0 ? a : b;
      statuses.push((await fetch(`${server.url}/api/v1/feedback/track/GY-AAAA-BBBB`)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('runs a queued job once and the reminder schedule once per unit', async () => {
    const focal = await signInHttp(b.url, 'daumoi@demo.bioplan.vn', DEMO_PASSWORD);
    const cycleId = await demoCycle(focal);
    const started = await focal.call(b.url, 'POST', `/api/v1/cycles/${cycleId}/consolidation`, {
      includeSubmitted: true,
    });
    expect(started.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await database.query(`select status from job where kind like 'consolidation%' order by created_at`)).rows,
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([{ status: 'succeeded' }]);
    const job = (await database.query(`select attempts from job where kind like 'consolidation%'`)).rows[0];
    expect(job.attempts).toBe(1);
    const generated = await database.query(
      `select count(*)::int as n from audit_log where action = 'consolidation.generated'`,
    );
    expect(generated.rows[0].n).toBe(1);
    // Both instances ran the reminder schedule at start: each unit was reminded at most once per slot.
    const twice = await database.query(
      `select org_unit_id, trigger, count(*) from reminder_log group by 1, 2 having count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
  });
});
