import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachments } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertAttachment(db: DbOrTx, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachments).values(values).returning();
  return row;
}

export async function listAttachments(db: DbOrTx, reportId: string): Promise<AttachmentRow[]> {
  return db.select().from(attachments).where(eq(attachments.reportId, reportId)).orderBy(asc(attachments.uploadedAt));
}

export async function getAttachment(db: DbOrTx, reportId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.reportId, reportId), eq(attachments.id, id)));
  return row;
}

export async function deleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}
