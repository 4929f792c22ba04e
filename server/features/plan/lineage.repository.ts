// Plans replacing plans: the replacement rows, a plan's status on a day, and its lineage.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PlanLinkDto, PlanStatus } from '../../../shared/contracts/plans.js';
import type { DbOrTx } from '../../db/client.js';
import { planReplacements, plans } from '../../db/schema/index.js';

export type ReplacementRow = typeof planReplacements.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

/** Every replacement, oldest first (plans are few: tens, not thousands). */
export async function listReplacements(db: DbOrTx): Promise<ReplacementRow[]> {
  return db.select().from(planReplacements).orderBy(asc(planReplacements.createdAt));
}

export async function insertReplacements(
  db: DbOrTx,
  rows: Array<typeof planReplacements.$inferInsert>,
): Promise<ReplacementRow[]> {
  return db.insert(planReplacements).values(rows).returning();
}

/** The plans with these ids (the ones a replacement names). */
export async function plansByIds(db: DbOrTx, ids: string[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(plans).where(inArray(plans.id, ids));
}

/** Sets the plan's end day unless it already has one; false when another request ended it first. */
export async function setEndedOn(db: DbOrTx, planId: string, endedOn: string): Promise<boolean> {
  const rows = await db
    .update(plans)
    .set({ endedOn })
    .where(and(eq(plans.id, planId), isNull(plans.endedOn)))
    .returning({ id: plans.id });
  return rows.length === 1;
}

export async function setFocalUnit(db: DbOrTx, planId: string, focalUnitId: string | null): Promise<void> {
  await db.update(plans).set({ focalUnitId }).where(eq(plans.id, planId));
}

/**
 * A plan's status on `today`: replaced once the day its replacement takes effect has come,
 * ended once its end day has come, else in force. A replacement still to come leaves it in force.
 */
export function planStatus(
  plan: { id: string; endedOn: string | null },
  replacements: ReplacementRow[],
  today: string,
): PlanStatus {
  const replaced = replacements.find((r) => r.oldPlanId === plan.id);
  if (replaced && replaced.fromDate <= today) return 'replaced';
  if (plan.endedOn && plan.endedOn <= today) return 'ended';
  return 'in_force';
}

const link = (plan: PlanRow, fromDate: string): PlanLinkDto => ({
  planId: plan.id,
  number: plan.number,
  title: plan.title,
  date: plan.date,
  fromDate,
});

/** The plan replacing `planId` and the plans it replaces, as links. */
export function directLinks(
  planId: string,
  replacements: ReplacementRow[],
  byId: Map<string, PlanRow>,
): { replacedBy: PlanLinkDto | null; replaces: PlanLinkDto[] } {
  const up = replacements.find((r) => r.oldPlanId === planId);
  const successor = up ? byId.get(up.newPlanId) : undefined;
  return {
    replacedBy: up && successor ? link(successor, up.fromDate) : null,
    replaces: replacements
      .filter((r) => r.newPlanId === planId)
      .flatMap((r) => {
        const old = byId.get(r.oldPlanId);
        return old ? [link(old, r.fromDate)] : [];
      })
      .sort((a, b) => a.number.localeCompare(b.number, 'vi')),
  };
}

/**
 * Walks the replacements both ways from `planId`: the ancestors (plans it replaced, and the
 * plans those replaced…) and the successors, nearest first, each with its depth. A plan is
 * replaced by one plan only, and a replacement closing a loop is refused, so the walk ends.
 */
export function walkLineage(planId: string, replacements: ReplacementRow[], byId: Map<string, PlanRow>) {
  type Step = PlanLinkDto & { depth: number };
  const ancestors: Step[] = [];
  const successors: Step[] = [];
  const seen = new Set([planId]);
  let frontier = [planId];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const id of frontier)
      for (const r of replacements.filter((x) => x.newPlanId === id && !seen.has(x.oldPlanId))) {
        const old = byId.get(r.oldPlanId);
        if (!old) continue;
        seen.add(old.id);
        ancestors.push({ ...link(old, r.fromDate), depth });
        next.push(old.id);
      }
    frontier = next;
  }
  let current = planId;
  for (let depth = 1; ; depth += 1) {
    const up = replacements.find((r) => r.oldPlanId === current);
    const successor = up ? byId.get(up.newPlanId) : undefined;
    if (!up || !successor || seen.has(successor.id)) break;
    seen.add(successor.id);
    successors.push({ ...link(successor, up.fromDate), depth });
    current = successor.id;
  }
  return { ancestors, successors };
}

/** The plan the portal shows when none is named: the oldest in force on `today`, else the oldest; undefined with no plan. */
export async function defaultPublicPlanId(db: DbOrTx, today: string): Promise<string | undefined> {
  const [all, replacements] = await Promise.all([
    db.select().from(plans).orderBy(asc(plans.date)),
    listReplacements(db),
  ]);
  return (all.find((p) => planStatus(p, replacements, today) === 'in_force') ?? all[0])?.id;
}
