import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PlanItemRefDto } from '../../../shared/contracts/feedback.js';
import { vietnamDate } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import { planItems, plans, planVersions } from '../../db/schema/index.js';

/**
 * The number of the plan's version in force at `at` (a Vietnamese calendar day): the latest
 * version whose effective date has come. An approved version with a later effective date is
 * scheduled and does not count before that day. `plan.current_version` is the latest approved
 * version, the one amendments build on.
 */
export function inForceNumber(at: Date): SQL<number> {
  const today = vietnamDate(at);
  return sql<number>`coalesce((select max(in_force.number) from plan_version in_force where in_force.plan_id = ${plans.id} and in_force.effective_date <= ${today}), 1)`;
}

/** The version of a plan in force at `at` (see `inForceNumber`), or undefined. */
export async function currentVersion(db: DbOrTx, planId: string, at: Date) {
  const [row] = await db
    .select({ version: planVersions, plan: plans })
    .from(plans)
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.number, inForceNumber(at))))
    .where(eq(plans.id, planId));
  return row;
}

/** The latest approved version of a plan (in force or scheduled), on which amendments build; or undefined. */
export async function latestVersion(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ version: planVersions, plan: plans })
    .from(plans)
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.number, plans.currentVersion)))
    .where(eq(plans.id, planId));
  return row;
}

/**
 * Items by id, kept only when they belong to their plan's version in force at `at`: references made by
 * users (feedback, amendments, guidance) always point at the plan as it stands.
 */
export async function currentItemsById(db: DbOrTx, ids: string[], at: Date) {
  if (ids.length === 0) return new Map<string, { item: typeof planItems.$inferSelect; planId: string }>();
  const rows = await db
    .select({ item: planItems, planId: plans.id })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(planVersions.number, inForceNumber(at))))
    .where(inArray(planItems.id, ids));
  return new Map(rows.map((r) => [r.item.id, r]));
}

function itemTitle(item: { title: string | null; text: string | null }): string | null {
  if (item.title) return item.title;
  if (!item.text) return null;
  return item.text.length > 160 ? `${item.text.slice(0, 157)}…` : item.text;
}

/** Item references by key in each plan's version in force at `at`; a key no longer present keeps null label and title. */
export async function itemRefs(db: DbOrTx, pairs: Array<{ planId: string | null; key: string | null }>, at: Date) {
  const wanted = pairs.filter((pair): pair is { planId: string; key: string } => Boolean(pair.planId && pair.key));
  const out = new Map<string, PlanItemRefDto>();
  const planIds = [...new Set(wanted.map((pair) => pair.planId))];
  for (const planId of planIds) {
    const keys = [...new Set(wanted.filter((pair) => pair.planId === planId).map((pair) => pair.key))];
    const rows = await db
      .select({ key: planItems.key, label: planItems.label, title: planItems.title, text: planItems.text })
      .from(planItems)
      .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
      .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(planVersions.number, inForceNumber(at))))
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

/** The plan whose version in force at `at` holds an item key (the first by date when several do). */
export async function planHoldingKey(db: DbOrTx, key: string, at: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ planId: plans.id })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(planVersions.number, inForceNumber(at))))
    .where(eq(planItems.key, key))
    .orderBy(asc(plans.date))
    .limit(1);
  return row?.planId;
}

/**
 * Items by key in the versions in force at `at` (the first plan by date holding a key): what a
 * record naming plan items by key (the registries) shows and checks.
 */
export async function currentItemsByKey(db: DbOrTx, keys: string[], at: Date) {
  const out = new Map<string, { key: string; label: string | null; title: string | null }>();
  if (keys.length === 0) return out;
  const rows = await db
    .select({ key: planItems.key, label: planItems.label, title: planItems.title, text: planItems.text })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(planVersions.number, inForceNumber(at))))
    .where(inArray(planItems.key, [...new Set(keys)]))
    .orderBy(asc(plans.date));
  for (const r of rows) if (!out.has(r.key)) out.set(r.key, { key: r.key, label: r.label, title: itemTitle(r) });
  return out;
}
