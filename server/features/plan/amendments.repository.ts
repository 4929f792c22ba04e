import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  amendmentFeedback,
  amendmentGuidance,
  amendmentProposals,
  feedback,
  guidanceDocuments,
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

export async function listAmendments(db: DbOrTx, planId: string, f: { status?: string; hideDrafts: boolean }) {
  const where = [eq(amendmentProposals.planId, planId)];
  if (f.status) where.push(eq(amendmentProposals.status, f.status as never));
  if (f.hideDrafts) where.push(ne(amendmentProposals.status, 'draft'));
  return db
    .select()
    .from(amendmentProposals)
    .where(and(...where))
    .orderBy(desc(amendmentProposals.createdAt), asc(amendmentProposals.id));
}

export async function insertAmendment(db: DbOrTx, values: typeof amendmentProposals.$inferInsert): Promise<AmendmentRow> {
  const [row] = await db.insert(amendmentProposals).values(values).returning();
  return row;
}

export async function updateAmendment(db: DbOrTx, id: string, values: Partial<typeof amendmentProposals.$inferInsert>): Promise<void> {
  await db.update(amendmentProposals).set(values).where(eq(amendmentProposals.id, id));
}

/** Replaces the feedback items and guidance documents an amendment cites. */
export async function replaceLinks(db: DbOrTx, amendmentId: string, feedbackIds: string[], guidanceIds: string[]): Promise<void> {
  await db.delete(amendmentFeedback).where(eq(amendmentFeedback.amendmentId, amendmentId));
  await db.delete(amendmentGuidance).where(eq(amendmentGuidance.amendmentId, amendmentId));
  const f = [...new Set(feedbackIds)];
  const g = [...new Set(guidanceIds)];
  if (f.length) await db.insert(amendmentFeedback).values(f.map((feedbackId) => ({ amendmentId, feedbackId })));
  if (g.length) await db.insert(amendmentGuidance).values(g.map((guidanceDocumentId) => ({ amendmentId, guidanceDocumentId })));
}

export async function linkedFeedback(db: DbOrTx, amendmentIds: string[]) {
  if (amendmentIds.length === 0) return [];
  return db
    .select({ amendmentId: amendmentFeedback.amendmentId, f: feedback })
    .from(amendmentFeedback)
    .innerJoin(feedback, eq(feedback.id, amendmentFeedback.feedbackId))
    .where(inArray(amendmentFeedback.amendmentId, amendmentIds))
    .orderBy(asc(feedback.createdAt));
}

export async function linkedGuidance(db: DbOrTx, amendmentIds: string[]) {
  if (amendmentIds.length === 0) return [];
  return db
    .select({ amendmentId: amendmentGuidance.amendmentId, g: guidanceDocuments })
    .from(amendmentGuidance)
    .innerJoin(guidanceDocuments, eq(guidanceDocuments.id, amendmentGuidance.guidanceDocumentId))
    .where(inArray(amendmentGuidance.amendmentId, amendmentIds))
    .orderBy(asc(guidanceDocuments.date));
}

export async function versionNumbers(db: DbOrTx, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db.select({ id: planVersions.id, number: planVersions.number }).from(planVersions).where(inArray(planVersions.id, versionIds));
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

/** Marks feedback items as answered by an approved amendment. */
export async function markAnswered(db: DbOrTx, feedbackIds: string[], amendmentId: string, at: Date): Promise<void> {
  if (feedbackIds.length === 0) return;
  await db.update(feedback).set({ answeredByAmendmentId: amendmentId, updatedAt: at }).where(inArray(feedback.id, feedbackIds));
}
