import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  amendmentFeedback,
  amendmentProposals,
  feedback,
  feedbackAttachments,
  feedbackEvents,
  planVersions,
  users,
} from '../../db/schema/index.js';

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

export async function insertFeedback(db: DbOrTx, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await db.insert(feedback).values(values).returning();
  return row;
}

export async function updateFeedback(db: DbOrTx, id: string, values: Partial<typeof feedback.$inferInsert>): Promise<void> {
  await db.update(feedback).set(values).where(eq(feedback.id, id));
}

export async function insertEvent(db: DbOrTx, values: typeof feedbackEvents.$inferInsert): Promise<void> {
  await db.insert(feedbackEvents).values(values);
}

export async function insertAttachments(db: DbOrTx, values: Array<typeof feedbackAttachments.$inferInsert>): Promise<void> {
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
  return db.select().from(feedbackEvents).where(eq(feedbackEvents.feedbackId, feedbackId)).orderBy(asc(feedbackEvents.seq));
}

/** Amendments citing these feedback items, with the version their approval created. */
export async function amendmentsFor(db: DbOrTx, feedbackIds: string[]) {
  if (feedbackIds.length === 0) return [];
  return db
    .select({ feedbackId: amendmentFeedback.feedbackId, a: amendmentProposals, versionNumber: planVersions.number })
    .from(amendmentFeedback)
    .innerJoin(amendmentProposals, eq(amendmentProposals.id, amendmentFeedback.amendmentId))
    .leftJoin(planVersions, eq(planVersions.id, amendmentProposals.resultingVersionId))
    .where(inArray(amendmentFeedback.feedbackId, feedbackIds))
    .orderBy(asc(amendmentProposals.createdAt));
}

export async function attachmentCounts(db: DbOrTx, feedbackIds: string[]) {
  if (feedbackIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: feedbackAttachments.feedbackId, n: sql<number>`count(*)::int` })
    .from(feedbackAttachments)
    .where(inArray(feedbackAttachments.feedbackId, feedbackIds))
    .groupBy(feedbackAttachments.feedbackId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export interface FeedbackFilter {
  status?: string;
  category?: string;
  source?: string;
  orgUnitId?: string;
  reportId?: string;
  planItemKey?: string;
  q?: string;
  /** Limit to what this unit sent or was forwarded, or this account sent. */
  visibleTo?: { orgUnitId: string | null; userId: string };
  isPublished?: boolean;
}

function conditions(f: FeedbackFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.status) where.push(eq(feedback.status, f.status as never));
  if (f.category) where.push(eq(feedback.category, f.category as never));
  if (f.source) where.push(eq(feedback.source, f.source as never));
  if (f.orgUnitId) where.push(eq(feedback.orgUnitId, f.orgUnitId));
  if (f.reportId) where.push(eq(feedback.reportId, f.reportId));
  if (f.planItemKey) where.push(eq(feedback.planItemKey, f.planItemKey));
  if (f.isPublished !== undefined) where.push(eq(feedback.isPublished, f.isPublished));
  if (f.q) where.push(like(feedback.searchText, `%${escapeLike(foldText(f.q))}%`));
  if (f.visibleTo) {
    const mine: SQL[] = [eq(feedback.createdById, f.visibleTo.userId)];
    if (f.visibleTo.orgUnitId) {
      mine.push(eq(feedback.orgUnitId, f.visibleTo.orgUnitId), eq(feedback.forwardedToUnitId, f.visibleTo.orgUnitId));
    }
    where.push(or(...mine)!);
  }
  return where.length ? and(...where) : undefined;
}

export async function listFeedback(db: DbOrTx, f: FeedbackFilter, page: { page: number; pageSize: number }) {
  const cond = conditions(f);
  const rows = await db
    .select()
    .from(feedback)
    .where(cond)
    .orderBy(desc(feedback.createdAt), asc(feedback.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(feedback).where(cond);
  return { rows, total: Number(n) };
}

export async function userNames(db: DbOrTx, ids: Array<string | null>) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const rows = unique.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these feedback ids exist. */
export async function existingFeedbackIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: feedback.id }).from(feedback).where(inArray(feedback.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}
