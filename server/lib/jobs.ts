import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db, DbOrTx } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import { AppError, type Message } from './errors.js';
import { storeMessage } from './messages.js';
import { telemetry } from './telemetry.js';

// A small job queue kept in the database (table `job`), so work survives a restart and several
// app instances share it: a worker claims one due job at a time with FOR UPDATE SKIP LOCKED and
// holds a lease (`locked_until`) that progress updates extend; a job whose worker died is taken
// again when its lease runs out. Failures retry with exponential backoff up to `maxAttempts`.
//
// Usage (e.g. Word rendering):
//   registerJobHandler('document.render', async ({ job, progress }) => { …; await progress(50, msg('Đang dựng bảng', 'Building the tables')); …; return { fileId } });
//   const id = await enqueueJob(ctx.db, { kind: 'document.render', payload: { … }, createdBy: actor.id });
//   GET /api/v1/jobs/:id  →  { status, progress, progressNote, result, error }

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type JobRow = typeof jobs.$inferSelect;

/** What a handler receives. */
export interface JobContext<P = unknown> {
  job: { id: string; kind: string; payload: P; attempts: number; maxAttempts: number; createdBy: string | null };
  db: Db;
  config: Config;
  log?: FastifyBaseLogger;
  /**
   * Records progress (0–100) and an optional note, and extends the lease. A note given as
   * msg(vi, en) is stored in both languages (lib/messages.ts); read it back with `localize`.
   */
  progress: (percent: number, note?: string | Message) => Promise<void>;
}

/** A handler returns the job's result (JSON), or throws to fail the attempt. */
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

const handlers = new Map<string, JobHandler<never>>();

/** Registers the handler of a job kind (once, at module load). */
export function registerJobHandler<P>(kind: string, handler: JobHandler<P>): void {
  handlers.set(kind, handler);
}

/** Kinds with a registered handler. */
export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}

/**
 * Adds a job. Call it inside the transaction that decides the work, so the job exists exactly
 * when the change does; the worker picks it up after commit.
 */
export async function enqueueJob(
  db: DbOrTx,
  input: { kind: string; payload: unknown; runAt?: Date; maxAttempts?: number; createdBy?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload,
      runAt: input.runAt,
      maxAttempts: input.maxAttempts ?? 5,
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: jobs.id });
  return row.id;
}

/** A job's current state, or undefined. */
export async function getJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/**
 * Claims one due job of the given kinds: queued and due, or running with an expired lease.
 * SKIP LOCKED lets several workers claim different jobs at once without waiting on each other.
 */
export async function claimJob(
  db: Db,
  kinds: string[],
  workerId: string,
  leaseMs: number,
  ids?: string[],
): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const idFilter = ids?.length
    ? sql`and id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    update job set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + (${leaseMs} * interval '1 millisecond')
    where id = (
      select id from job
      where kind in (${kindList}) ${idFilter}
        and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
      order by run_at, created_at
      limit 1
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts as "maxAttempts", created_by as "createdBy"`);
  const [row] = rowsOf<{
    id: string;
    kind: string;
    payload: unknown;
    attempts: number;
    maxAttempts: number;
    createdBy: string | null;
  }>(result);
  if (!row) return null;
  return (await getJob(db, row.id)) ?? null;
}

/** Runs one claimed job to its end: success, a retry later, or failure after the last attempt. */
async function runClaimed(
  db: Db,
  config: Config,
  job: JobRow,
  workerId: string,
  leaseMs: number,
  log?: FastifyBaseLogger,
): Promise<void> {
  const handler = handlers.get(job.kind);
  const mine = sql`${jobs.id} = ${job.id} and ${jobs.lockedBy} = ${workerId}`;
  // While the handler runs, the lease is renewed every third of its length, so a long job held
  // by a living worker is never taken by another instance; only a dead worker's lease runs out.
  const heartbeat = setInterval(
    () => {
      db.update(jobs)
        .set({ lockedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')` })
        .where(sql`${mine} and ${jobs.status} = 'running'`)
        .then(
          () => undefined,
          (err: unknown) => log?.warn({ jobId: job.id, err }, 'job lease renewal failed'),
        );
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler({
      job: {
        id: job.id,
        kind: job.kind,
        payload: job.payload as never,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        createdBy: job.createdBy,
      },
      db,
      config,
      log,
      progress: async (percent, note) => {
        await db
          .update(jobs)
          .set({
            progress: Math.max(0, Math.min(100, Math.round(percent))),
            progressNote: note === undefined ? null : typeof note === 'string' ? note : storeMessage(note),
            lockedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')`,
          })
          .where(mine);
      },
    });
    await db
      .update(jobs)
      .set({
        status: 'succeeded',
        progress: 100,
        result: result ?? null,
        error: null,
        lockedUntil: null,
        finishedAt: sql`now()`,
      })
      .where(mine);
    telemetry.emit('job', { kind: job.kind, outcome: 'succeeded', seconds: seconds() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // An AppError carries both languages: stored as such, read back with `localize`.
    const stored = err instanceof AppError ? storeMessage(err.messages) : message;
    const last = job.attempts >= job.maxAttempts;
    telemetry.emit('job', { kind: job.kind, outcome: last ? 'failed' : 'retried', seconds: seconds() });
    log?.warn(
      { jobId: job.id, kind: job.kind, attempt: job.attempts, err: message },
      last ? 'job failed' : 'job attempt failed; retrying',
    );
    // Backoff: 10 s, 20 s, 40 s… capped at one hour.
    const delayMs = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, job.attempts - 1));
    await db
      .update(jobs)
      .set(
        last
          ? { status: 'failed', error: stored.slice(0, 2000), lockedUntil: null, finishedAt: sql`now()` }
          : {
              status: 'queued',
              error: stored.slice(0, 2000),
              lockedUntil: null,
              runAt: sql`now() + (${delayMs} * interval '1 millisecond')`,
            },
      )
      .where(mine);
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Runs due jobs until none is left (or `max` ran) and returns how many ran. Tests and the
 * "send now" paths call it; the worker calls it on every tick.
 */
export async function runDueJobs(
  db: Db,
  config: Config,
  opts: {
    kinds?: string[];
    ids?: string[];
    max?: number;
    workerId?: string;
    leaseMs?: number;
    log?: FastifyBaseLogger;
    /** Checked before each claim: a stopping worker takes no further job. */
    isStopped?: () => boolean;
  } = {},
): Promise<number> {
  const workerId = opts.workerId ?? `inline-${randomUUID()}`;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const kinds = opts.kinds ?? registeredJobKinds();
  let n = 0;
  while (n < (opts.max ?? Number.POSITIVE_INFINITY) && !opts.isStopped?.()) {
    const job = await claimJob(db, kinds, workerId, leaseMs, opts.ids);
    if (!job) break;
    await runClaimed(db, config, job, workerId, leaseMs, opts.log);
    n += 1;
  }
  return n;
}

/**
 * Gives back the jobs a worker holds (shutdown at its timeout): queued again, the attempt not
 * counted, so another worker takes them at once. A late write of the stopped handler matches
 * nothing, since it is guarded by `locked_by`.
 */
export async function releaseJobs(db: Db, workerId: string): Promise<number> {
  const released = await db
    .update(jobs)
    .set({
      status: 'queued',
      lockedBy: null,
      lockedUntil: null,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      runAt: sql`now()`,
    })
    .where(sql`${jobs.lockedBy} = ${workerId} and ${jobs.status} = 'running'`)
    .returning({ id: jobs.id });
  return released.length;
}

/**
 * Starts a worker loop polling the queue every `pollMs`. Returns a function that stops it and
 * waits for the job in hand to finish — or, after `timeoutMs`, releases it for another worker.
 */
export function startJobWorker(opts: {
  db: Db;
  config: Config;
  log?: FastifyBaseLogger;
  pollMs?: number;
  leaseMs?: number;
}): (opts?: { timeoutMs?: number }) => Promise<void> {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(opts.db, opts.config, {
      workerId,
      leaseMs: opts.leaseMs,
      log: opts.log,
      isStopped: () => stopped,
    })
      .catch((err) => opts.log?.error({ err }, 'job worker tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.pollMs ?? 1000);
      });
  };
  timer = setTimeout(tick, 0);
  return async ({ timeoutMs }: { timeoutMs?: number } = {}) => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (timeoutMs === undefined) {
      await running;
      return;
    }
    let late: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      running.then(() => true),
      new Promise<boolean>((resolve) => (late = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(late);
    if (!finished) {
      const released = await releaseJobs(opts.db, workerId);
      opts.log?.warn({ released }, 'shutdown: running jobs released for another worker');
    }
  };
}
