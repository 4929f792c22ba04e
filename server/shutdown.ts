import type { FastifyInstance } from 'fastify';
import type { Database } from './db/client.js';

/**
 * The SIGTERM sequence, in order, within `timeoutMs` in all:
 * 1. stop accepting connections and let the requests in flight finish (a request still running
 *    at the timeout has its connection closed: it is not acknowledged, and a write statement
 *    either committed or did not — each write is one statement or one transaction);
 * 2. stop the background work: the job in hand finishes, or is released for another worker
 *    when the time is up;
 * 3. close the database, then exit 0.
 * A second signal while shutting down is ignored.
 */
export function gracefulShutdown(deps: {
  app: FastifyInstance;
  database: Database;
  stopBackground: (opts: { timeoutMs: number }) => Promise<void>;
  timeoutMs: number;
  exit?: (code: number) => void;
}): (signal: string) => Promise<void> {
  let started = false;
  return async (signal) => {
    if (started) return;
    started = true;
    const { app, database } = deps;
    const exit = deps.exit ?? ((code: number) => process.exit(code));
    const deadline = Date.now() + deps.timeoutMs;
    app.log.info({ signal, timeoutMs: deps.timeoutMs }, 'shutting down: finishing requests in flight');
    let code = 0;
    try {
      const closed = app.close().then(() => true);
      // A keep-alive connection whose last request ended is idle: close it at once rather than
      // wait for its keep-alive timeout (requests arriving meanwhile are answered with
      // Connection: close, app.ts).
      const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
      void closed.finally(() => clearInterval(reaper));
      if (!(await Promise.race([closed, sleep(deps.timeoutMs).then(() => false)]))) {
        app.log.warn('shutdown: requests still running at the timeout; closing their connections');
        app.server.closeAllConnections();
        await closed;
      }
      await deps.stopBackground({ timeoutMs: Math.max(0, deadline - Date.now()) });
      await database.close();
      app.log.info('shutdown complete');
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      code = 1;
    }
    exit(code);
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
