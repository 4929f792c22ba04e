import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { publishedProgress } from '../../db/schema/index.js';

export type PublicationRow = typeof publishedProgress.$inferSelect;

export async function getPublication(
  db: DbOrTx,
  cycleId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PublicationRow | undefined> {
  const q = db.select().from(publishedProgress).where(eq(publishedProgress.cycleId, cycleId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function savePublication(
  db: DbOrTx,
  existing: PublicationRow | undefined,
  values: Omit<typeof publishedProgress.$inferInsert, 'id'>,
): Promise<PublicationRow> {
  if (existing) {
    const [row] = await db
      .update(publishedProgress)
      .set(values)
      .where(eq(publishedProgress.id, existing.id))
      .returning();
    return row;
  }
  const [row] = await db.insert(publishedProgress).values(values).returning();
  return row;
}

/** What the portal may show: the published years of a plan, oldest first. Withdrawn rows never. */
export async function listPublished(db: DbOrTx, planId: string): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publishedProgress)
    .where(and(eq(publishedProgress.planId, planId), eq(publishedProgress.isPublished, true)))
    .orderBy(asc(publishedProgress.year));
}
