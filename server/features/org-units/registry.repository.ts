import { alias } from 'drizzle-orm/pg-core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, orgUnitSuccessions } from '../../db/schema/index.js';

/**
 * The whole register (a province's units: hundreds of rows) with its successions by code, for
 * reading unit names of a document as of its date (the plan import).
 */
export async function unitRegistry(db: DbOrTx) {
  const units = await db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      fullName: orgUnits.fullName,
      kind: orgUnits.kind,
      validFrom: orgUnits.validFrom,
      validTo: orgUnits.validTo,
    })
    .from(orgUnits);
  const from = alias(orgUnits, 'from_unit');
  const to = alias(orgUnits, 'to_unit');
  const successions = await db
    .select({ from: from.code, to: to.code, date: orgUnitSuccessions.date, kind: orgUnitSuccessions.kind })
    .from(orgUnitSuccessions)
    .innerJoin(from, eq(from.id, orgUnitSuccessions.predecessorId))
    .innerJoin(to, eq(to.id, orgUnitSuccessions.successorId));
  return { units, successions };
}
