// Issue 11, operations: /health/live, /health/ready (database and migrations) and /metrics
// (Prometheus, behind METRICS_TOKEN).
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, registerJobHandler, runDueJobs } from '../../lib/jobs.js';
import { enqueueMail } from '../../lib/mail.js';
import { buildTestApp, testDatabaseKind, type TestApp } from '../../test/harness.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let t: TestApp;

registerJobHandler('test.always-fails', async () => {
  throw new Error('boom');
});

beforeAll(async () => {
  t = await buildTestApp({ config: { metricsToken: TOKEN } });
});

afterAll(async () => {
  await t?.close();
});

const scrape = async (app = t.app, token = TOKEN) =>
  app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });

/** The value of one series in the exposition text, or undefined. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health', () => {
  it('live answers while the process is up', async () => {
    const res = await t.app.inject({ url: '/api/v1/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  it('ready answers 200 with every migration applied', async () => {
    const res = await t.app.inject({ url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ready');
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(5);
  });

  it('ready answers 503 in the envelope when a migration is missing', async () => {
    const [last] = (
      await t.database.db.execute(
        sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning *`,
      )
    ).rows;
    try {
      const res = await t.app.inject({ url: '/api/v1/health/ready', headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        error: { code: 'NOT_READY', issues: [{ path: 'migrations' }] },
        requestId: expect.any(String),
      });
      expect(res.json().error.message).toMatch(/migrations applied/);
    } finally {
      await t.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at})`,
      );
    }
    expect((await t.app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
  });
});

describe('/metrics', () => {
  it('is off (404) without METRICS_TOKEN and refuses a wrong token (401), both in the envelope', async () => {
    const off = await buildTestApp();
    try {
      const res = await scrape(off.app);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' }, requestId: expect.any(String) });
    } finally {
      await off.close();
    }
    const wrong = await scrape(t.app, 'not-the-token-at-all-0000');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' }, requestId: expect.any(String) });
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
  });

  it('counts requests by route pattern and status, with latency histograms', async () => {
    await t.app.inject({ url: '/api/v1/health/live' });
    await t.app.inject({ url: '/api/v1/org-units/00000000-0000-4000-8000-000000000000' });
    await t.app.inject({ url: '/api/v1/org-units/00000000-0000-4000-8000-000000000001' });
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(
      valueOf(text, 'bioplan_http_requests_total{method="GET",route="/api/v1/health/live",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    // The route's pattern, not the ids: one series for both.
    expect(text).toMatch(
      /^bioplan_http_requests_total\{method="GET",route="\/api\/v1\/org-units\/:id",status="4\d\d"\} 2$/m,
    );
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(text).toMatch(
      /bioplan_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/v1\/health\/live"\}/,
    );
    expect(text).toContain('bioplan_process_resident_memory_bytes');
  });

  it('shows the job queue depth and failures', async () => {
    await enqueueJob(t.database.db, { kind: 'test.always-fails', payload: {}, maxAttempts: 1 });
    await enqueueJob(t.database.db, {
      kind: 'test.always-fails',
      payload: {},
      maxAttempts: 1,
      runAt: new Date(Date.now() + 3_600_000),
    });
    let text = (await scrape()).body;
    expect(valueOf(text, 'bioplan_jobs{status="queued"}')).toBe(2);
    expect(valueOf(text, 'bioplan_jobs{status="failed"}')).toBe(0);
    await runDueJobs(t.database.db, t.config, { kinds: ['test.always-fails'] });
    text = (await scrape()).body;
    expect(valueOf(text, 'bioplan_jobs{status="queued"}')).toBe(1);
    expect(valueOf(text, 'bioplan_jobs{status="failed"}')).toBe(1);
    expect(valueOf(text, 'bioplan_job_runs_total{kind="test.always-fails",outcome="failed"}')).toBe(1);
  });

  it('counts e-mails sent and failed', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    // A port nobody listens on: the send fails.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    try {
      const before = (await scrape()).body;
      const sent0 = valueOf(before, 'bioplan_emails_total{outcome="sent"}') ?? 0;
      const failed0 = valueOf(before, 'bioplan_emails_total{outcome="failed"}') ?? 0;
      const good = { ...t.config, smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true` };
      const bad = { ...t.config, smtpUrl: `smtp://127.0.0.1:${deadPort}` };
      const ok = await enqueueMail(t.database.db, good, { to: ['a@x.vn'], subject: 'Thử', text: 'Nội dung' });
      await runDueJobs(t.database.db, good, { ids: [ok!] });
      const ko = await enqueueMail(t.database.db, bad, { to: ['b@x.vn'], subject: 'Thử', text: 'Nội dung' });
      await runDueJobs(t.database.db, bad, { ids: [ko!] });
      expect(received).toEqual(['a@x.vn']);
      const after = (await scrape()).body;
      expect(valueOf(after, 'bioplan_emails_total{outcome="sent"}')).toBe(sent0 + 1);
      expect(valueOf(after, 'bioplan_emails_total{outcome="failed"}')).toBe(failed0 + 1);
      expect(valueOf(after, 'bioplan_job_runs_total{kind="mail.send",outcome="retried"}')).toBe(1);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('shows the database pool', async () => {
    const text = (await scrape()).body;
    const pglite = testDatabaseKind() === 'pglite';
    const total = valueOf(text, 'bioplan_db_pool_connections{state="total"}') ?? 0;
    expect(pglite ? total === 1 : total >= 1).toBe(true);
    expect(valueOf(text, 'bioplan_db_pool_max')).toBe(pglite ? 1 : t.config.databasePoolSize);
    expect(valueOf(text, 'bioplan_db_pool_connections{state="waiting"}')).toBe(0);
  });
});
