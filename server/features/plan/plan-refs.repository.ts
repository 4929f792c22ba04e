import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanItemRefDto } from '../../../shared/contracts/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { planItems, plans, planVersions } from '../../db/schema/index.js';

/** The current version row of a plan, or undefined. */
export async function currentVersion(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ version: planVersions, plan: plans })
    .from(plans)
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.number, plans.currentVersion)))
    .where(eq(plans.id, planId));
  return row;
}

/**
 * Items by id, kept only when they belong to their plan's current version: references made by
 * users (feedback, amendments, guidance) always point at the plan as it stands.
 */
export async function currentItemsById(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { item: typeof planItems.$inferSelect; planId: string }>();
  const rows = await db
    .select({ item: planItems, planId: plans.id })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.currentVersion, planVersions.number)))
    .where(inArray(planItems.id, ids));
  return new Map(rows.map((r) => [r.item.id, r]));
}

function itemTitle(item: { title: string | null; text: string | null }): string | null {
  if (item.title) return item.title;
  if (!item.text) return null;
  return item.text.length > 160 ? `${item.text.slice(0, 157)}…` : item.text;
}

/** Item references by key in each plan's current version; a key no longer present keeps null label and title. */
export async function itemRefs(db: DbOrTx, pairs: Array<{ planId: string | null; key: string | null }>) {
  const wanted = pairs.filter((pair): pair is { planId: string; key: string } => Boolean(pair.planId && pair.key));
  const out = new Map<string, PlanItemRefDto>();
  const planIds = [...new Set(wanted.map((pair) => pair.planId))];
  for (const planId of planIds) {
    const keys = [...new Set(wanted.filter((pair) => pair.planId === planId).map((pair) => pair.key))];
    const rows = await db
      .select({ key: planItems.key, label: planItems.label, title: planItems.title, text: planItems.text })
      .from(planItems)
      .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
      .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.currentVersion, planVersions.number)))
      .where(and(eq(plans.id, planId), inArray(planItems.key, keys)));
    const found = new Map(rows.map((r) => [r.key, r]));
    for (const key of keys) {
      const row = found.get(key);
      out.set(`${planId}:${key}`, { key, label: row?.label ?? null, title: row ? itemTitle(row) : null });
    }
  }
  return (planId: string | null, key: string | null): PlanItemRefDto | null =>
    planId && key ? (out.get(`${planId}:${key}`) ?? { key, label: null, title: null }) : null;
}

/** The plan whose current version holds an item key (the first by date when several do). */
export async function planHoldingKey(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await db
    .select({ planId: plans.id })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.currentVersion, planVersions.number)))
    .where(eq(planItems.key, key))
    .orderBy(asc(plans.date))
    .limit(1);
  return row?.planId;
}
