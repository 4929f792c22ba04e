// Test builders of a reporting cycle through the API. They live here, outside the modules, because
// tests of several modules need a cycle (feedback names a unit's report; consolidation compiles
// them) and a module's tests must not reach a module that depends on it.
import { sessions } from '../db/schema/index.js';
import type { TestApp, TestClient } from './harness.js';

/**
 * Moves the test clock and keeps the signed-in sessions alive (they expire 8 hours after their
 * last use, and signing in again is rate-limited per address).
 */
export async function moveClock(t: TestApp, at: string): Promise<void> {
  t.clock.set(at);
  await t.database.db.update(sessions).set({ expiresAt: new Date(Date.parse(at) + 30 * 86_400_000) });
}

/** The plan id of the seeded Kế hoạch 1953/KH-UBND. */
export async function planId(c: TestClient): Promise<string> {
  return (await c.get('/api/v1/plans')).json().data[0].id;
}

/** Creates (and by default opens) a cycle through the API as a focal officer. */
export async function buildCycle(
  t: TestApp,
  focal: TestClient,
  opts: {
    year?: number;
    deadline?: string;
    graceDays?: number;
    open?: boolean;
    windowStart?: string;
    windowEnd?: string;
  } = {},
): Promise<{ id: string; year: number }> {
  const year = opts.year ?? 2026;
  const res = await focal.post('/api/v1/cycles', {
    planId: await planId(focal),
    year,
    ...(opts.deadline ? { deadline: opts.deadline } : {}),
    ...(opts.windowStart ? { windowStart: opts.windowStart } : {}),
    ...(opts.windowEnd ? { windowEnd: opts.windowEnd } : {}),
    graceDays: opts.graceDays ?? 0,
  });
  if (res.statusCode !== 201) throw new Error(`cycle: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (opts.open !== false) {
    const o = await focal.post(`/api/v1/cycles/${id}/open`);
    if (o.statusCode !== 200) throw new Error(`open: ${o.statusCode} ${o.body}`);
  }
  return { id, year };
}
