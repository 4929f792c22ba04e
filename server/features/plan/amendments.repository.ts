import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { FeedbackAmendmentRefDto } from '../../../shared/contracts/feedback.js';
import {
  amendmentFeedback,
  amendmentGuidance,
  amendmentProposals,
  planAssignments,
  planItems,
  plans,
  planVersions,
} from '../../db/schema/index.js';

export type AmendmentRow = typeof amendmentProposals.$inferSelect;

export async function getAmendment(db: DbOrTx, planId: string, id: string): Promise<AmendmentRow | undefined> {
  const [row] = await db
    .select()
    .from(amendmentProposals)
    .where(and(eq(amendmentProposals.id, id), eq(amendmentProposals.planId, planId)));
  return row;
}

export async function listAmendments(db: DbOrTx, planId: string, filter: { status?: string; hideDrafts: boolean }) {
  const where = [eq(amendmentProposals.planId, planId)];
  if (filter.status) where.push(eq(amendmentProposals.status, filter.status as never));
  if (filter.hideDrafts) where.push(ne(amendmentProposals.status, 'draft'));
  return db
    .select()
    .from(amendmentProposals)
    .where(and(...where))
    .orderBy(desc(amendmentProposals.createdAt), asc(amendmentProposals.id));
}

export async function insertAmendment(
  db: DbOrTx,
  values: typeof amendmentProposals.$inferInsert,
): Promise<AmendmentRow> {
  const [row] = await db.insert(amendmentProposals).values(values).returning();
  return row;
}

export async function updateAmendment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof amendmentProposals.$inferInsert>,
): Promise<void> {
  await db.update(amendmentProposals).set(values).where(eq(amendmentProposals.id, id));
}

/** Replaces the feedback items and guidance documents an amendment cites. */
export async function replaceLinks(
  db: DbOrTx,
  amendmentId: string,
  feedbackIds: string[],
  guidanceIds: string[],
): Promise<void> {
  await db.delete(amendmentFeedback).where(eq(amendmentFeedback.amendmentId, amendmentId));
  await db.delete(amendmentGuidance).where(eq(amendmentGuidance.amendmentId, amendmentId));
  const uniqueFeedback = [...new Set(feedbackIds)];
  const uniqueGuidance = [...new Set(guidanceIds)];
  if (uniqueFeedback.length)
    await db.insert(amendmentFeedback).values(uniqueFeedback.map((feedbackId) => ({ amendmentId, feedbackId })));
  if (uniqueGuidance.length)
    await db
      .insert(amendmentGuidance)
      .values(uniqueGuidance.map((guidanceDocumentId) => ({ amendmentId, guidanceDocumentId })));
}

/** The feedback items each amendment cites (ids only; the feedback module resolves them). */
export async function feedbackLinks(
  db: DbOrTx,
  amendmentIds: string[],
): Promise<Array<{ amendmentId: string; targetId: string }>> {
  if (amendmentIds.length === 0) return [];
  return db
    .select({ amendmentId: amendmentFeedback.amendmentId, targetId: amendmentFeedback.feedbackId })
    .from(amendmentFeedback)
    .where(inArray(amendmentFeedback.amendmentId, amendmentIds));
}

/** The guidance documents each amendment cites (ids only; the guidance module resolves them). */
export async function guidanceLinks(
  db: DbOrTx,
  amendmentIds: string[],
): Promise<Array<{ amendmentId: string; targetId: string }>> {
  if (amendmentIds.length === 0) return [];
  return db
    .select({ amendmentId: amendmentGuidance.amendmentId, targetId: amendmentGuidance.guidanceDocumentId })
    .from(amendmentGuidance)
    .where(inArray(amendmentGuidance.amendmentId, amendmentIds));
}

/** Amendments citing these feedback items, oldest first, with the version their approval created. */
export async function amendmentsCitingFeedback(
  db: DbOrTx,
  feedbackIds: string[],
): Promise<Array<{ feedbackId: string; amendment: FeedbackAmendmentRefDto }>> {
  if (feedbackIds.length === 0) return [];
  const rows = await db
    .select({
      feedbackId: amendmentFeedback.feedbackId,
      proposal: amendmentProposals,
      versionNumber: planVersions.number,
    })
    .from(amendmentFeedback)
    .innerJoin(amendmentProposals, eq(amendmentProposals.id, amendmentFeedback.amendmentId))
    .leftJoin(planVersions, eq(planVersions.id, amendmentProposals.resultingVersionId))
    .where(inArray(amendmentFeedback.feedbackId, feedbackIds))
    .orderBy(asc(amendmentProposals.createdAt));
  return rows.map(({ feedbackId, proposal, versionNumber }) => ({
    feedbackId,
    amendment: {
      id: proposal.id,
      summary: proposal.summary,
      status: proposal.status,
      versionNumber,
      documentNumber: proposal.documentNumber,
      documentDate: proposal.documentDate,
    },
  }));
}

export async function versionNumbers(db: DbOrTx, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: planVersions.id, number: planVersions.number })
    .from(planVersions)
    .where(inArray(planVersions.id, versionIds));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Locks the plan row so two approvals cannot both make version N+1. */
export async function lockPlan(db: DbOrTx, planId: string) {
  const rows = await db.execute(sql`select current_version from plan where id = ${planId} for update`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ current_version: number }>;
  return list[0]?.current_version;
}

export async function insertVersion(db: DbOrTx, values: typeof planVersions.$inferInsert) {
  const [row] = await db.insert(planVersions).values(values).returning();
  return row;
}

export async function insertItems(db: DbOrTx, items: Array<typeof planItems.$inferInsert>): Promise<void> {
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < items.length; i += 500) await db.insert(planItems).values(items.slice(i, i + 500));
}

export async function insertAssignments(db: DbOrTx, rows: Array<typeof planAssignments.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(planAssignments).values(rows.slice(i, i + 500));
}

export async function setCurrentVersion(db: DbOrTx, planId: string, number: number): Promise<void> {
  await db.update(plans).set({ currentVersion: number }).where(eq(plans.id, planId));
}
