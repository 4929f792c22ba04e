import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ReportStatus } from '../../../shared/contracts/reporting.js';
import type { ContentSection, ContentValue } from '../../../shared/reporting-rules.js';
import type { DbOrTx } from '../../db/client.js';
import {
  attachments,
  cycleExpectedUnits,
  idempotencyKeys,
  notifications,
  reportCycles,
  reportEvents,
  reports,
  reportSections,
  reportValues,
  users,
  type ReportSnapshot,
} from '../../db/schema/index.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportEventRow = typeof reportEvents.$inferSelect;

export async function getReport(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReportRow | undefined> {
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getReportByUnit(db: DbOrTx, cycleId: string, orgUnitId: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(and(eq(reports.cycleId, cycleId), eq(reports.orgUnitId, orgUnitId)));
  return row;
}

/** Creates the unit's report if it has none; answers the row and whether it was created now. */
export async function ensureReport(db: DbOrTx, cycleId: string, orgUnitId: string, at: Date): Promise<{ row: ReportRow; created: boolean }> {
  const [created] = await db
    .insert(reports)
    .values({ cycleId, orgUnitId, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  if (created) return { row: created, created: true };
  return { row: (await getReportByUnit(db, cycleId, orgUnitId))!, created: false };
}

export async function listReports(
  db: DbOrTx,
  q: { cycleId?: string; orgUnitId?: string; status?: ReportStatus; page: number; pageSize: number },
) {
  const where: SQL[] = [];
  if (q.cycleId) where.push(eq(reports.cycleId, q.cycleId));
  if (q.orgUnitId) where.push(eq(reports.orgUnitId, q.orgUnitId));
  if (q.status) where.push(eq(reports.status, q.status));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select({ r: reports, e: cycleExpectedUnits, c: reportCycles })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .innerJoin(cycleExpectedUnits, and(eq(cycleExpectedUnits.cycleId, reports.cycleId), eq(cycleExpectedUnits.orgUnitId, reports.orgUnitId)))
    .where(cond)
    .orderBy(desc(reportCycles.year), asc(cycleExpectedUnits.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(cond);
  return { rows, total: n };
}

export async function loadValues(db: DbOrTx, reportId: string): Promise<ContentValue[]> {
  const rows = await db
    .select()
    .from(reportValues)
    .where(eq(reportValues.reportId, reportId))
    .orderBy(asc(reportValues.indicatorCode), asc(reportValues.stream));
  return rows.map((r) => ({ indicatorCode: r.indicatorCode, wasteStream: (r.stream || null) as ContentValue['wasteStream'], value: r.value ?? null }));
}

export async function loadSections(db: DbOrTx, reportId: string): Promise<ContentSection[]> {
  const rows = await db.select().from(reportSections).where(eq(reportSections.reportId, reportId));
  return rows.map((r) => ({ planItemId: r.planItemId, results: r.results, difficulties: r.difficulties, proposals: r.proposals }));
}

/** Replaces a report's values and sections with the given ones (one statement each). */
export async function replaceContent(db: DbOrTx, reportId: string, values: ContentValue[], sections: ContentSection[]): Promise<void> {
  await db.delete(reportValues).where(eq(reportValues.reportId, reportId));
  const valueRows = values
    .filter((v) => v.value !== null && v.value !== '')
    .map((v) => ({
      reportId,
      indicatorCode: v.indicatorCode,
      stream: v.wasteStream ?? '',
      value: v.value as never,
      num: typeof v.value === 'number' ? v.value : null,
    }));
  for (let i = 0; i < valueRows.length; i += 1000) await db.insert(reportValues).values(valueRows.slice(i, i + 1000));
  await db.delete(reportSections).where(eq(reportSections.reportId, reportId));
  if (sections.length) await db.insert(reportSections).values(sections.map((s) => ({ reportId, ...s })));
}

export async function updateReport(db: DbOrTx, id: string, set: Partial<typeof reports.$inferInsert>): Promise<ReportRow> {
  const [row] = await db.update(reports).set(set).where(eq(reports.id, id)).returning();
  return row;
}

export async function lastEvent(db: DbOrTx, reportId: string): Promise<ReportEventRow | undefined> {
  const [row] = await db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(desc(reportEvents.id)).limit(1);
  return row;
}

export async function insertEvent(db: DbOrTx, values: typeof reportEvents.$inferInsert): Promise<void> {
  await db.insert(reportEvents).values(values);
}

export async function updateEvent(db: DbOrTx, id: number, set: Partial<typeof reportEvents.$inferInsert>): Promise<void> {
  await db.update(reportEvents).set(set).where(eq(reportEvents.id, id));
}

export async function listEvents(db: DbOrTx, reportId: string): Promise<ReportEventRow[]> {
  return db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(asc(reportEvents.id));
}

export async function snapshotsAt(db: DbOrTx, reportId: string, versions: number[]): Promise<ReportEventRow[]> {
  return db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), inArray(reportEvents.version, versions), isNotNull(reportEvents.snapshot)));
}

/** Records an idempotency key; false when the same account already used it for the same scope. */
export async function claimIdempotencyKey(db: DbOrTx, userId: string, scope: string, key: string, at: Date): Promise<boolean> {
  const rows = await db.insert(idempotencyKeys).values({ userId, scope, key, createdAt: at }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** Active accounts of some units (unit officers), for notices. */
export async function unitAccounts(db: DbOrTx, orgUnitIds: string[]) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name, orgUnitId: users.orgUnitId })
    .from(users)
    .where(and(inArray(users.orgUnitId, orgUnitIds), eq(users.isActive, true), eq(users.role, 'unit')));
}

/** Active focal officers, for notices of submissions. */
export async function focalAccounts(db: DbOrTx) {
  return db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.role, 'focal'), eq(users.isActive, true)));
}

export async function insertNotifications(db: DbOrTx, rows: Array<typeof notifications.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(notifications).values(rows.slice(i, i + 500));
}

/** The accepted report of the previous cycle of a plan, for a unit or any of its predecessors. */
export async function previousAccepted(db: DbOrTx, planId: string, year: number, unitIds: string[]) {
  const [row] = await db
    .select({ r: reports, year: reportCycles.year })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .where(and(eq(reportCycles.planId, planId), eq(reportCycles.year, year), inArray(reports.orgUnitId, unitIds), eq(reports.status, 'accepted')))
    .orderBy(desc(reports.acceptedAt))
    .limit(1);
  return row;
}

export async function insertAttachment(db: DbOrTx, values: typeof attachments.$inferInsert) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row;
}

export async function listAttachments(db: DbOrTx, reportId: string) {
  return db.select().from(attachments).where(eq(attachments.reportId, reportId)).orderBy(asc(attachments.uploadedAt));
}

export async function getAttachment(db: DbOrTx, reportId: string, id: string) {
  const [row] = await db.select().from(attachments).where(and(eq(attachments.reportId, reportId), eq(attachments.id, id)));
  return row;
}

export async function deleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}

export type { ReportSnapshot };
