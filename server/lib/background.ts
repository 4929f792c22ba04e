import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

/**
 * Starts the background workers (job queue, reminder schedule) and returns a function that
 * stops them. Each feature that has background work adds it here.
 */
export async function startBackgroundWork(_deps: { database: Database; config: Config; log: FastifyBaseLogger }): Promise<() => Promise<void>> {
  return async () => {};
}
