import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { feedback, feedbackAttachments, feedbackEvents, reports } from '../../db/schema/index.js';
import { countWhere, pageOffset, searchWhere } from '../../lib/paging.js';

export type FeedbackRow = typeof feedback.$inferSelect;

export async function getFeedback(db: DbOrTx, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
  return row;
}

export async function getByTrackingCode(db: DbOrTx, code: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(feedback).where(eq(feedback.trackingCode, code));
  return row;
}

export async function getByReportSlot(db: DbOrTx, slot: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(feedback).where(eq(feedback.reportSlot, slot));
  return row;
}

/**
 * The oldest desk item of a report filed before items were kept one per report (its slot then
 * named the report and a plan item), or undefined.
 */
export async function oldestReportItem(db: DbOrTx, reportId: string): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.reportId, reportId), eq(feedback.source, 'report')))
    .orderBy(asc(feedback.createdAt))
    .limit(1);
  return row;
}

export async function insertFeedback(db: DbOrTx, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await db.insert(feedback).values(values).returning();
  return row;
}

export async function updateFeedback(
  db: DbOrTx,
  id: string,
  values: Partial<typeof feedback.$inferInsert>,
): Promise<void> {
  await db.update(feedback).set(values).where(eq(feedback.id, id));
}

export async function insertEvent(db: DbOrTx, values: typeof feedbackEvents.$inferInsert): Promise<void> {
  await db.insert(feedbackEvents).values(values);
}

export async function insertAttachments(
  db: DbOrTx,
  values: Array<typeof feedbackAttachments.$inferInsert>,
): Promise<void> {
  if (values.length) await db.insert(feedbackAttachments).values(values);
}

export async function listAttachments(db: DbOrTx, feedbackIds: string[]) {
  if (feedbackIds.length === 0) return [];
  return db
    .select()
    .from(feedbackAttachments)
    .where(inArray(feedbackAttachments.feedbackId, feedbackIds))
    .orderBy(asc(feedbackAttachments.createdAt), asc(feedbackAttachments.fileName));
}

export async function getAttachment(db: DbOrTx, feedbackId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(feedbackAttachments)
    .where(and(eq(feedbackAttachments.id, attachmentId), eq(feedbackAttachments.feedbackId, feedbackId)));
  return row;
}

export async function listEvents(db: DbOrTx, feedbackId: string) {
  return db
    .select()
    .from(feedbackEvents)
    .where(eq(feedbackEvents.feedbackId, feedbackId))
    .orderBy(asc(feedbackEvents.seq));
}

export async function attachmentCounts(db: DbOrTx, feedbackIds: string[]) {
  if (feedbackIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: feedbackAttachments.feedbackId, n: sql<number>`count(*)::int` })
    .from(feedbackAttachments)
    .where(inArray(feedbackAttachments.feedbackId, feedbackIds))
    .groupBy(feedbackAttachments.feedbackId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface FeedbackFilter {
  status?: string;
  category?: string;
  source?: string;
  orgUnitId?: string;
  reportId?: string;
  planItemKey?: string;
  planId?: string;
  q?: string;
  /** Limit to what this unit sent or was forwarded, or this account sent. */
  visibleTo?: { orgUnitId: string | null; userId: string };
  isPublished?: boolean;
}

function conditions(filter: FeedbackFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(feedback.status, filter.status as never));
  if (filter.category) where.push(eq(feedback.category, filter.category as never));
  if (filter.source) where.push(eq(feedback.source, filter.source as never));
  if (filter.orgUnitId) where.push(eq(feedback.orgUnitId, filter.orgUnitId));
  if (filter.reportId) where.push(eq(feedback.reportId, filter.reportId));
  if (filter.planItemKey) where.push(eq(feedback.planItemKey, filter.planItemKey));
  if (filter.planId) where.push(eq(feedback.planId, filter.planId));
  if (filter.isPublished !== undefined) where.push(eq(feedback.isPublished, filter.isPublished));
  const search = searchWhere(feedback.searchText, filter.q);
  if (search) where.push(search);
  if (filter.visibleTo) {
    const mine: SQL[] = [eq(feedback.createdById, filter.visibleTo.userId)];
    if (filter.visibleTo.orgUnitId) {
      mine.push(
        eq(feedback.orgUnitId, filter.visibleTo.orgUnitId),
        eq(feedback.forwardedToUnitId, filter.visibleTo.orgUnitId),
      );
    }
    where.push(or(...mine)!);
  }
  return where.length ? and(...where) : undefined;
}

export async function listFeedback(db: DbOrTx, filter: FeedbackFilter, page: { page: number; pageSize: number }) {
  const cond = conditions(filter);
  const rows = await db
    .select()
    .from(feedback)
    .where(cond)
    .orderBy(desc(feedback.createdAt), asc(feedback.id))
    .limit(page.pageSize)
    .offset(pageOffset(page));
  return { rows, total: await countWhere(db, feedback, cond) };
}

/** Which of these feedback ids exist. */
export async function existingFeedbackIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(inArray(feedback.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

/** Short references to feedback items, oldest first; unknown ids are left out. */
export async function feedbackRefs(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: feedback.id,
      trackingCode: feedback.trackingCode,
      subject: feedback.subject,
      status: feedback.status,
    })
    .from(feedback)
    .where(inArray(feedback.id, [...new Set(ids)]))
    .orderBy(asc(feedback.createdAt));
}

/** Marks feedback items as answered by an approved amendment. */
export async function markAnswered(db: DbOrTx, feedbackIds: string[], amendmentId: string, at: Date): Promise<void> {
  if (feedbackIds.length === 0) return;
  await db
    .update(feedback)
    .set({ answeredByAmendmentId: amendmentId, updatedAt: at })
    .where(inArray(feedback.id, feedbackIds));
}

/**
 * The unit of a report, or undefined when there is none: a unit may link feedback to its own
 * report only. (Read from the report table directly: the reporting module depends on this one
 * for the desk items of submitted reports, so importing it here would close a cycle.)
 */
export async function reportUnitId(db: DbOrTx, reportId: string): Promise<string | undefined> {
  const [row] = await db.select({ orgUnitId: reports.orgUnitId }).from(reports).where(eq(reports.id, reportId));
  return row?.orgUnitId;
}
