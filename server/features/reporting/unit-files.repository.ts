import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { generatedDocuments } from '../../db/schema/index.js';

export type DocumentRow = typeof generatedDocuments.$inferSelect;

/** The latest stored Word file of a report at a version, to answer again without rendering. */
export async function reportDocumentAt(
  db: DbOrTx,
  reportId: string,
  version: number,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.reportId, reportId),
        eq(generatedDocuments.sourceVersion, version),
        eq(generatedDocuments.kind, 'report_docx'),
      ),
    )
    .orderBy(desc(generatedDocuments.createdAt))
    .limit(1);
  return row;
}

export async function insertReportDocument(
  db: DbOrTx,
  values: Omit<typeof generatedDocuments.$inferInsert, 'kind'>,
): Promise<DocumentRow> {
  const [row] = await db
    .insert(generatedDocuments)
    .values({ ...values, kind: 'report_docx' })
    .returning();
  return row;
}
