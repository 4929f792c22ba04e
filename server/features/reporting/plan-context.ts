// A cycle with what its documents say about it: its plan, the province and the plan's issuer as
// a sentence writes them. Read by the unit files here and by the consolidation.
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, plans, reportCycles } from '../../db/schema/index.js';
import { titleCase } from './document-text.js';

/** The cycle with its plan, or undefined. */
export async function cycleWithPlan(db: DbOrTx, cycleId: string) {
  const [row] = await db
    .select({ cycle: reportCycles, plan: plans })
    .from(reportCycles)
    .innerJoin(plans, eq(plans.id, reportCycles.planId))
    .where(eq(reportCycles.id, cycleId));
  return row;
}

export type CycleWithPlan = NonNullable<Awaited<ReturnType<typeof cycleWithPlan>>>;

/** The provincial People's Committee valid on a date ("Ủy ban nhân dân tỉnh Vĩnh Long"). */
async function committeeOn(db: DbOrTx, date: string) {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'committee'),
        or(isNull(orgUnits.validFrom), lte(orgUnits.validFrom, date)),
        or(isNull(orgUnits.validTo), gte(orgUnits.validTo, date)),
      ),
    )
    .limit(1);
  return row;
}

/** The province's name on a date ("Vĩnh Long"), from its People's Committee. */
export async function provinceOn(db: DbOrTx, date: string): Promise<string> {
  const committee = await committeeOn(db, date);
  return committee?.fullName.replace(/^Ủy ban nhân dân tỉnh\s+/u, '') ?? 'Vĩnh Long';
}

/** "Ủy ban nhân dân tỉnh Vĩnh Long": the plan's issuer as a sentence names it. */
export function planIssuerName(plan: { issuer: string }): string {
  return `Ủy ban nhân dân ${titleCase(plan.issuer).replace(/^Tỉnh\b/u, 'tỉnh')}`;
}

/** A cycle, its plan, the province on `date` and the plan's issuer; undefined when there is no such cycle. */
export async function planContext(db: DbOrTx, cycleId: string, date: string) {
  const found = await cycleWithPlan(db, cycleId);
  if (!found) return undefined;
  return { ...found, province: await provinceOn(db, date), planIssuer: planIssuerName(found.plan) };
}
