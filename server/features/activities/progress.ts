// What the progress dashboards read of activities: how many activities serve each plan item, by
// status. One statement; the dashboards (server/features/progress/) shape the rows.
import { sql } from 'drizzle-orm';
import type { ActivityStatus } from '../../../shared/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';

export interface ItemActivityCount {
  /** The plan item's key (stable across versions). */
  key: string;
  status: ActivityStatus;
  count: number;
}

/**
 * Per plan item key of a plan and per status, the number of activities serving it. An activity
 * serving two items counts once for each (it is listed under both in the activity list's item filter).
 */
export async function activityStatusByItem(db: DbOrTx, planId: string): Promise<ItemActivityCount[]> {
  const result = await db.execute(sql`
    select k as key, a.status, count(*)::int as count
    from activity a cross join lateral unnest(a.plan_item_keys) k
    where a.plan_id = ${planId}
    group by k, a.status`);
  const rows = (result as unknown as { rows?: ItemActivityCount[] }).rows ?? (result as unknown as ItemActivityCount[]);
  return rows.map((r) => ({
    key: r.key,
    status: r.status,
    count: r.count,
  }));
}
