import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanItemRefDto } from '../../../shared/contracts/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, planItems, plans, planVersions, reports } from '../../db/schema/index.js';
import { toOrgUnitDto } from '../org-units/org-units.repository.js';

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

function itemTitle(i: { title: string | null; text: string | null }): string | null {
  if (i.title) return i.title;
  if (!i.text) return null;
  return i.text.length > 160 ? `${i.text.slice(0, 157)}…` : i.text;
}

/** Item references by key in each plan's current version; a key no longer present keeps null label and title. */
export async function itemRefs(db: DbOrTx, pairs: Array<{ planId: string | null; key: string | null }>) {
  const wanted = pairs.filter((p): p is { planId: string; key: string } => Boolean(p.planId && p.key));
  const out = new Map<string, PlanItemRefDto>();
  const planIds = [...new Set(wanted.map((p) => p.planId))];
  for (const planId of planIds) {
    const keys = [...new Set(wanted.filter((p) => p.planId === planId).map((p) => p.key))];
    const rows = await db
      .select({ key: planItems.key, label: planItems.label, title: planItems.title, text: planItems.text })
      .from(planItems)
      .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
      .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.currentVersion, planVersions.number)))
      .where(and(eq(plans.id, planId), inArray(planItems.key, keys)));
    const found = new Map(rows.map((r) => [r.key, r]));
    for (const key of keys) {
      const r = found.get(key);
      out.set(`${planId}:${key}`, { key, label: r?.label ?? null, title: r ? itemTitle(r) : null });
    }
  }
  return (planId: string | null, key: string | null): PlanItemRefDto | null =>
    planId && key ? (out.get(`${planId}:${key}`) ?? { key, label: null, title: null }) : null;
}

/** Org unit DTOs by id. */
export async function unitDtos(db: DbOrTx, ids: Array<string | null | undefined>) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const rows = unique.length ? await db.select().from(orgUnits).where(inArray(orgUnits.id, unique)) : [];
  const map = new Map(rows.map((r) => [r.id, toOrgUnitDto(r)]));
  return (id: string | null | undefined) => (id ? (map.get(id) ?? null) : null);
}

/** Which of these unit ids exist. */
export async function existingUnitIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
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

/** The unit a yearly report belongs to, or undefined when there is no such report. */
export async function reportUnitId(db: DbOrTx, reportId: string): Promise<string | undefined> {
  const [row] = await db.select({ orgUnitId: reports.orgUnitId }).from(reports).where(eq(reports.id, reportId));
  return row?.orgUnitId;
}
