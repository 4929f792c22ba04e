import { and, asc, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import { escapeLike, foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { guidanceDocumentItems, guidanceDocuments } from '../../db/schema/index.js';

export type GuidanceRow = typeof guidanceDocuments.$inferSelect;

export async function getGuidance(db: DbOrTx, id: string): Promise<GuidanceRow | undefined> {
  const [row] = await db.select().from(guidanceDocuments).where(eq(guidanceDocuments.id, id));
  return row;
}

export async function guidanceByIds(db: DbOrTx, ids: string[]): Promise<GuidanceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(guidanceDocuments)
    .where(inArray(guidanceDocuments.id, [...new Set(ids)]));
}

export async function listGuidance(
  db: DbOrTx,
  f: { status?: string; planItemKey?: string; planId?: string; q?: string },
): Promise<GuidanceRow[]> {
  const where: SQL[] = [];
  if (f.planId) where.push(eq(guidanceDocuments.planId, f.planId));
  if (f.status) where.push(eq(guidanceDocuments.status, f.status as never));
  if (f.q) where.push(like(guidanceDocuments.searchText, `%${escapeLike(foldText(f.q))}%`));
  if (f.planItemKey) {
    const linked = db
      .select({ id: guidanceDocumentItems.guidanceDocumentId })
      .from(guidanceDocumentItems)
      .where(eq(guidanceDocumentItems.planItemKey, f.planItemKey));
    where.push(inArray(guidanceDocuments.id, linked));
  }
  return db
    .select()
    .from(guidanceDocuments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(guidanceDocuments.date), asc(guidanceDocuments.number));
}

export async function insertGuidance(db: DbOrTx, values: typeof guidanceDocuments.$inferInsert): Promise<GuidanceRow> {
  const [row] = await db.insert(guidanceDocuments).values(values).returning();
  return row;
}

export async function updateGuidance(
  db: DbOrTx,
  id: string,
  values: Partial<typeof guidanceDocuments.$inferInsert>,
): Promise<void> {
  await db.update(guidanceDocuments).set(values).where(eq(guidanceDocuments.id, id));
}

export async function itemKeysOf(db: DbOrTx, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(guidanceDocumentItems)
    .where(inArray(guidanceDocumentItems.guidanceDocumentId, ids))
    .orderBy(asc(guidanceDocumentItems.planItemKey));
  for (const r of rows) out.set(r.guidanceDocumentId, [...(out.get(r.guidanceDocumentId) ?? []), r.planItemKey]);
  return out;
}

export async function replaceItemKeys(db: DbOrTx, id: string, keys: string[]): Promise<void> {
  await db.delete(guidanceDocumentItems).where(eq(guidanceDocumentItems.guidanceDocumentId, id));
  if (keys.length)
    await db
      .insert(guidanceDocumentItems)
      .values([...new Set(keys)].map((planItemKey) => ({ guidanceDocumentId: id, planItemKey })));
}
