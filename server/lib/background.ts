import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db, Database } from '../db/client.js';
import { systemClock, type Clock } from './clock.js';
import { startJobWorker } from './jobs.js';
// Registers the e-mail job handler.
import './mail.js';

/**
 * Work that runs on a timer, handed in by the composition root (server/main.ts), so this file
 * knows no feature. A task that must run on one instance at a time takes its own lock (the
 * reminder schedule takes a PostgreSQL advisory lock).
 */
export interface PeriodicTask {
  /** Named in the log, e.g. "reminder schedule". */
  name: string;
  everyMs: number;
  run(db: Db, config: Config, now: Date, log: FastifyBaseLogger): Promise<void>;
}

/**
 * Starts the background workers and returns a function that stops them:
 * - the job queue worker (e-mail now; document rendering later), safe with several instances
 *   since jobs are claimed with FOR UPDATE SKIP LOCKED and held by a lease;
 * - each periodic task, 5 seconds after start and then every `everyMs`; a run that fails is
 *   logged and the next one happens on time.
 */
export async function startBackgroundWork(deps: {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  schedules: PeriodicTask[];
  clock?: Clock;
  pollMs?: number;
}): Promise<(opts?: { timeoutMs?: number }) => Promise<void>> {
  const { database, config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const stopWorker = startJobWorker({ db: database.db, config, log, pollMs: deps.pollMs ?? 2000 });
  let stopped = false;
  const running = new Set<Promise<void>>();
  const timers = deps.schedules.flatMap((task) => {
    const tick = () => {
      if (stopped) return;
      const run: Promise<void> = task
        .run(database.db, config, clock.now(), log)
        .catch((err) => log.error({ err }, `${task.name} failed`))
        .finally(() => running.delete(run));
      running.add(run);
    };
    return [setTimeout(tick, 5_000), setInterval(tick, task.everyMs)];
  });
  // On shutdown: no new runs; the runs in hand finish, and the job in hand finishes or, at the
  // timeout, is released for another worker (server/shutdown.ts).
  return async (opts = {}) => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    const deadline = Date.now() + (opts.timeoutMs ?? Number.POSITIVE_INFINITY);
    await Promise.race([Promise.all(running), waitUntil(deadline)]);
    await stopWorker({ timeoutMs: Math.max(0, deadline - Date.now()) });
  };
}

function waitUntil(deadline: number): Promise<void> {
  if (!Number.isFinite(deadline)) return new Promise(() => {});
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref());
}
