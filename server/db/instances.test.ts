// Several application instances on one database: what one instance does, the other knows.
// On PostgreSQL the second instance has its own connection pool and its own files directory,
// as a second server would; on PGlite (one process by nature) it shares the handle.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { enqueueJob, registerJobHandler, runDueJobs } from '../lib/jobs.js';
import { buildCycle } from '../test/cycles.js';
import { buildTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { multipartForm, pdfBytes } from '../test/multipart.js';
import { createDb, type Database } from './client.js';

let t: TestApp;
let second: { app: FastifyInstance; database: Database; ownsDatabase: boolean };

beforeAll(async () => {
  t = await buildTestApp();
  const url = (t.database as Database & { url?: string }).url;
  const database = url ? await createDb({ databaseUrl: url, poolSize: 4 }) : t.database;
  const config = {
    ...t.config,
    // A second server keeps its own directory: only what the database holds is shared.
    ...(url ? { filesDir: `/tmp/bioplan-test-b-${process.pid}-${randomBytes(4).toString('hex')}/files` } : {}),
  };
  const app = await buildApp({ database, config, clock: t.clock });
  await app.ready();
  second = { app, database, ownsDatabase: Boolean(url) };
});

afterAll(async () => {
  await second?.app.close();
  if (second?.ownsDatabase) await second.database.close();
  await t?.close();
});

/** The same signed-in browser, talking to the second instance. */
function onSecond(c: TestClient) {
  return (o: InjectOptions) =>
    second.app.inject({ ...o, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...o.headers } });
}

describe('two instances on one database', () => {
  it('knows on the second instance a user signed in on the first', async () => {
    const focal = await t.loginAs('focal');
    const me = await onSecond(focal)({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(focal.user.email);
  });

  it('serves on the second instance an attachment uploaded on the first', async () => {
    const focal = await t.loginAs('focal');
    const unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    const cycle = await buildCycle(t, focal, { year: 2031 });
    const report = (await unit.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
    const body = pdfBytes();
    const form = multipartForm({}, [{ name: 'minh-chung.pdf', body, type: 'application/pdf' }]);
    const up = await unit.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/attachments`,
      payload: form.payload,
      headers: form.headers,
    });
    expect(up.statusCode).toBe(201);
    const down = await onSecond(focal)({
      method: 'GET',
      url: `/api/v1/reports/${report.id}/attachments/${up.json().id}`,
    });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(body)).toBe(true);
  });

  it('counts one rate limit across both instances', async () => {
    // Tracking look-ups: 30 a minute per address. 15 on each instance, then one more is refused.
    const url = '/api/v1/feedback/track/GY-AAAA-BBBB';
    for (let i = 0; i < 15; i += 1) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
      expect((await second.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    const refused = await second.app.inject({ method: 'GET', url });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('runs each queued job exactly once with a worker on each instance', async () => {
    const runs = new Map<string, number>();
    registerJobHandler<{ n: number }>('test.instances.count', async ({ job }) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return null;
    });
    const ids: string[] = [];
    for (let n = 0; n < 30; n += 1) {
      ids.push(await enqueueJob(t.database.db, { kind: 'test.instances.count', payload: { n } }));
    }
    const kinds = ['test.instances.count'];
    const [a, b] = await Promise.all([
      runDueJobs(t.database.db, t.config, { kinds, workerId: 'instance-a' }),
      runDueJobs(second.database.db, t.config, { kinds, workerId: 'instance-b' }),
    ]);
    expect(a + b).toBe(30);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
  });

  it('keeps a long job with its living worker past the lease length', async () => {
    let started = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    registerJobHandler('test.instances.long', async () => {
      started += 1;
      await finished;
      return null;
    });
    await enqueueJob(t.database.db, { kind: 'test.instances.long', payload: {} });
    const kinds = ['test.instances.long'];
    const first = runDueJobs(t.database.db, t.config, { kinds, workerId: 'instance-a', leaseMs: 300 });
    // The other instance keeps polling for well over the lease length: it must find nothing.
    let taken = 0;
    for (let i = 0; i < 12; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      taken += await runDueJobs(second.database.db, t.config, { kinds, workerId: 'instance-b', leaseMs: 300, max: 1 });
    }
    finish();
    expect(await first).toBe(1);
    expect(taken).toBe(0);
    expect(started).toBe(1);
  });
});
