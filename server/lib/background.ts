import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { runReminderSchedule } from '../features/reporting/reminders.service.js';
import { systemClock, type Clock } from './clock.js';
import { startJobWorker } from './jobs.js';
// Registers the e-mail job handler.
import './mail.js';

/**
 * Starts the background workers and returns a function that stops them:
 * - the job queue worker (e-mail now; document rendering later), safe with several instances
 *   since jobs are claimed with FOR UPDATE SKIP LOCKED and held by a lease;
 * - the reminder schedule, every `reminderEveryMs` (default 15 minutes) and once at start, under a
 *   PostgreSQL advisory lock so one instance runs it at a time; what it has sent is logged in
 *   the database, so a restart neither repeats nor loses a reminder.
 */
export async function startBackgroundWork(deps: {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  clock?: Clock;
  reminderEveryMs?: number;
  pollMs?: number;
}): Promise<() => Promise<void>> {
  const { database, config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const stopWorker = startJobWorker({ db: database.db, config, log, pollMs: deps.pollMs ?? 2000 });
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runReminderSchedule(database.db, config, clock.now())
      .then((sent) => {
        if (sent?.length) log.info({ reminders: sent.length }, 'reminders sent');
      })
      .catch((err) => log.error({ err }, 'reminder schedule failed'));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, deps.reminderEveryMs ?? 15 * 60_000);
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
    await stopWorker();
  };
}
