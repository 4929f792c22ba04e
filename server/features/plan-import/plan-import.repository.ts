import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { planImports, planImportUnitAliases } from '../../db/schema/index.js';
import type { UnitGroup } from '../../../shared/domain.js';

export type PlanImportRow = typeof planImports.$inferSelect;

export async function insertImport(db: DbOrTx, values: typeof planImports.$inferInsert): Promise<PlanImportRow> {
  const [row] = await db.insert(planImports).values(values).returning();
  return row;
}

export async function getImport(db: DbOrTx, id: string): Promise<PlanImportRow | undefined> {
  const [row] = await db.select().from(planImports).where(eq(planImports.id, id));
  return row;
}

export async function listImports(db: DbOrTx, limit: number): Promise<PlanImportRow[]> {
  return db.select().from(planImports).orderBy(desc(planImports.createdAt)).limit(limit);
}

/** Writes a draft if it is still at `version`; false when someone changed it in between. */
export async function saveDraft(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<Pick<PlanImportRow, 'draft' | 'status' | 'publishedPlanId'>>,
): Promise<PlanImportRow | undefined> {
  const [row] = await db
    .update(planImports)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(sql`${planImports.id} = ${id} and ${planImports.version} = ${version}`)
    .returning();
  return row;
}

export async function listAliases(db: DbOrTx) {
  return db.select().from(planImportUnitAliases);
}

/** Remembers (or replaces) what a written name means. */
export async function upsertAlias(
  db: DbOrTx,
  a: {
    writtenFolded: string;
    written: string;
    orgUnitId: string | null;
    unitGroup: UnitGroup | null;
    createdBy: string;
  },
): Promise<void> {
  await db
    .insert(planImportUnitAliases)
    .values(a)
    .onConflictDoUpdate({
      target: planImportUnitAliases.writtenFolded,
      set: { written: a.written, orgUnitId: a.orgUnitId, unitGroup: a.unitGroup, createdBy: a.createdBy },
    });
}
