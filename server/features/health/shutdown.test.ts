// The pieces of the SIGTERM sequence (server/shutdown.ts) that the child-process test cannot
// force: a request still running at the timeout, and a job still running at the timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { enqueueJob, getJob, registerJobHandler, startJobWorker } from '../../lib/jobs.js';
import { gracefulShutdown } from '../../shutdown.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let releaseHang: () => void = () => {};
const hanging = new Promise<void>((resolve) => (releaseHang = resolve));

registerJobHandler('test.hangs', async () => {
  await hanging;
  return { late: true };
});

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  releaseHang();
  await t?.close();
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then closes the database and exits 0', async () => {
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock });
    let finish: () => void = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    app.get('/slow', async () => {
      await gate;
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const slow = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const steps: string[] = [];
    let exitCode: number | undefined;
    const stop = gracefulShutdown({
      app,
      database: { ...t.database, close: async () => void steps.push('database closed') },
      stopBackground: async () => void steps.push('background stopped'),
      timeoutMs: 60_000,
      exit: (code) => (exitCode = code),
    });
    const stopping = stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${url}/api/v1/health/live`)).rejects.toThrow('fetch failed');
    expect(steps).toEqual([]);
    finish();
    expect((await (await slow).json()) as unknown).toEqual({ done: true });
    await stopping;
    expect(steps).toEqual(['background stopped', 'database closed']);
    expect(exitCode).toBe(0);
  });

  it('closes a request still running at the timeout and still exits 0', async () => {
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock });
    app.get('/never', () => new Promise(() => {}));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const never = fetch(`${url}/never`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    let exitCode: number | undefined;
    await gracefulShutdown({
      app,
      database: { ...t.database, close: async () => {} },
      stopBackground: async () => {},
      timeoutMs: 300,
      exit: (code) => (exitCode = code),
    })('SIGTERM');
    expect(await never).toBe('cut');
    expect(exitCode).toBe(0);
  });

  it('releases a job still running at the timeout, the attempt not counted, for another worker', async () => {
    const id = await enqueueJob(t.database.db, { kind: 'test.hangs', payload: {} });
    const stopWorker = startJobWorker({ db: t.database.db, config: t.config, pollMs: 20 });
    for (let i = 0; i < 200 && (await getJob(t.database.db, id))?.status !== 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await getJob(t.database.db, id))?.status).toBe('running');
    await stopWorker({ timeoutMs: 200 });
    const released = await getJob(t.database.db, id);
    expect(released).toMatchObject({ status: 'queued', lockedBy: null, attempts: 0 });
    // The stopped handler's late end writes nothing: the job is no longer its own.
    releaseHang();
    await new Promise((r) => setTimeout(r, 200));
    expect((await getJob(t.database.db, id))?.status).toBe('queued');
  });
});
