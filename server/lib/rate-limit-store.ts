import { sql } from 'drizzle-orm';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/client.js';

interface Hit {
  current: number;
  ttl: number;
}

/** Expired counters are swept about once every this many hits. */
const SWEEP_EVERY = 200;

/**
 * Counts one hit of `key` in a window of `windowMs` and answers the count and the time left,
 * in one statement: a new or expired counter starts again at 1, otherwise it goes up by 1.
 * Several instances on one database count together, and the row lock of the upsert keeps
 * simultaneous hits from losing counts.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Hit> {
  const result = await db.execute(sql`
    insert into rate_limit as r (key, hits, reset_at)
    values (${key}, 1, now() + (${windowMs} * interval '1 millisecond'))
    on conflict (key) do update set
      hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
      reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
    returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::float8 as ttl`);
  const rows = (result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
  const [row] = rows as Array<{ hits: number; ttl: number }>;
  if (Math.random() * SWEEP_EVERY < 1) {
    await db.execute(sql`delete from rate_limit where reset_at < now() - interval '1 hour'`);
  }
  return { current: row.hits, ttl: row.ttl };
}

/**
 * A @fastify/rate-limit store kept in the database (table `rate_limit`), so the limits hold
 * across every instance of the application: a client cannot multiply its budget by the number
 * of instances behind the load balancer. Each route counts under its own key prefix.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    /** `options`: the plugin's parameters; a route's carry `routeInfo` (its method and URL). */
    constructor(options: object = {}) {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      this.scope = route?.url ? `${[route.method].flat().join(',')} ${route.url}` : 'global';
    }

    incr(key: string, callback: (error: Error | null, result?: Hit) => void, timeWindow: number): void {
      countHit(db, `${this.scope}|${key}`, timeWindow).then(
        (hit) => callback(null, hit),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  }
  return DatabaseRateLimitStore;
}
