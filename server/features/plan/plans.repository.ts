import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, planAssignments, planItems, plans, planVersions } from '../../db/schema/index.js';

export async function listPlans(db: DbOrTx) {
  return db.select().from(plans).orderBy(asc(plans.date));
}

export async function getPlan(db: DbOrTx, id: string) {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function getVersion(db: DbOrTx, planId: string, number: number) {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.number, number)));
  return row;
}

/** Every version's number and effective date, oldest first. */
export async function versionDates(db: DbOrTx, planId: string) {
  return db
    .select({ number: planVersions.number, effectiveDate: planVersions.effectiveDate })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.number));
}

/**
 * The version in force on `today` (the latest whose effective date has come; 1 when none has)
 * and the latest approved version when it is still to come.
 */
export function versionState(
  versions: Array<{ number: number; effectiveDate: string }>,
  today: string,
): { inForce: number; scheduled: { number: number; effectiveDate: string } | null } {
  let inForce = 1;
  for (const version of versions)
    if (version.effectiveDate <= today && version.number > inForce) inForce = version.number;
  const latest = versions.at(-1);
  return { inForce, scheduled: latest && latest.number > inForce ? latest : null };
}

/** Every item of a version in document order, with its assignments and the units they name. */
export async function loadItems(db: DbOrTx, versionId: string) {
  const items = await db
    .select()
    .from(planItems)
    .where(eq(planItems.versionId, versionId))
    .orderBy(asc(planItems.position));
  const ids = items.map((i) => i.id);
  const assignments = ids.length
    ? await db
        .select({ a: planAssignments, unit: orgUnits })
        .from(planAssignments)
        .leftJoin(orgUnits, eq(orgUnits.id, planAssignments.orgUnitId))
        .where(inArray(planAssignments.itemId, ids))
        .orderBy(asc(planAssignments.role), asc(orgUnits.name))
    : [];
  return { items, assignments };
}
