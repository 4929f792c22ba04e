// Which units are a plan's focal department: the standing agency its text names and, after a
// merger or a rename, the units holding that function today.
import type { DbOrTx } from '../../db/client.js';
import { currentHolders } from '../org-units/index.js';
import * as repo from './plans.repository.js';

/**
 * The ids of the units whose focal officers act for the plan on `today` (the unit it names and
 * its current holders), or null when the plan names none: then the agency's focal department
 * acts, as for the seed plan. Reporting applies this to every cycle of the plan.
 */
export async function planFocalUnitIds(db: DbOrTx, planId: string, today: string): Promise<string[] | null> {
  const plan = await repo.getPlan(db, planId);
  if (!plan?.focalUnitId) return null;
  const holders = await currentHolders(db, [plan.focalUnitId], today);
  return [plan.focalUnitId, ...(holders.get(plan.focalUnitId) ?? []).map((u) => u.id)];
}
