// The plan's targets as the dashboards draw them: a point at the target year (when its value can
// be known) and the baseline. A plan may have none; every figure works without.
import type { DbOrTx } from '../../db/client.js';
import { targetsInForce } from '../plan/index.js';
import type { TargetPoint } from './figures.js';

/** The shape of a target of the plan module (`targetsInForce`), as far as the dashboards read it. */
export interface PlanTarget {
  indicatorCode: string;
  baseline: { year: number | null; value: number | null } | null;
  target: { year: number };
  /** The target value when it can be known (a change against a missing baseline cannot). */
  targetValue: number | null;
  source?: string | null;
}

/** Target points by indicator code; a target whose value cannot be known yet draws nothing. */
export function targetPoints(targets: readonly PlanTarget[]): Map<string, TargetPoint & { source: string | null }> {
  const out = new Map<string, TargetPoint & { source: string | null }>();
  for (const t of targets) {
    if (t.targetValue === null || t.targetValue === undefined) continue;
    const b = t.baseline;
    out.set(t.indicatorCode, {
      year: t.target.year,
      value: t.targetValue,
      baseline: b && b.year !== null && b.value !== null ? { year: b.year, value: b.value } : null,
      source: t.source ?? null,
    });
  }
  return out;
}

/** The targets of the plan's version in force at `at` (none when the plan has none). */
export async function loadTargets(db: DbOrTx, planId: string, at: Date): Promise<PlanTarget[]> {
  return targetsInForce(db, planId, at);
}
