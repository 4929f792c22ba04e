import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ReportStatus } from '../../../shared/contracts/reporting.js';
import type { ContentSection, ContentValue } from '../../../shared/reporting-rules.js';
import type { DbOrTx } from '../../db/client.js';
import {
  attachments,
  auditLog,
  cycleExpectedUnits,
  idempotencyKeys,
  notifications,
  reportCycles,
  reportEvents,
  reports,
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

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** A cycle row without its frozen form (the form is read once per cycle: see form-cache.ts). */
export type CycleHead = Omit<typeof reportCycles.$inferSelect, 'form'>;
const { form: _form, ...cycleHead } = getTableColumns(reportCycles);

/** The latest history line of a report (for merging consecutive saves). */
export interface LastEventRef {
  id: number;
  action: string;
  actorId: string | null;
  at: string;
}

/** A report with what every read and write of it needs, fetched in one statement. */
export interface LoadedReport {
  report: ReportRow;
  cycle: CycleHead;
  /** The unit's frozen row in the cycle (null when the unit is no longer in its list). */
  expected: typeof cycleExpectedUnits.$inferSelect | null;
  /** Values (ordered by indicator and stream) and sections, when asked for. */
  content?: { values: ContentValue[]; sections: ContentSection[] };
  lastEvent?: LastEventRef | null;
  /** Last year's accepted values, when asked for. */
  previous?: PreviousValues | null;
}

const valuesJson = (reportId: SQL | string) => sql`(select coalesce(json_agg(json_build_object('c', v.indicator_code, 's', v.stream, 'v', v.value) order by v.indicator_code collate "C", v.stream collate "C"), '[]'::json)
  from report_value v where v.report_id = ${reportId})`;

type ValueJson = { c: string; s: string; v: ContentValue['value'] };
const toValues = (rows: ValueJson[]): ContentValue[] =>
  rows.map((r) => ({ indicatorCode: r.c, wasteStream: (r.s || null) as ContentValue['wasteStream'], value: r.v ?? null }));

/** Last year's accepted values of a report's unit (or its predecessors), as stored. */
export interface PreviousValues {
  reportId: string;
  year: number;
  values: ContentValue[];
}
type PreviousJson = { reportId: string; year: number; values: ValueJson[] } | null;

/**
 * The accepted report of the plan's cycle of \`year\` for \`unitId\` or any of its predecessors
 * (transitively, through the successions), as one json value or null.
 */
const previousJson = (planId: SQL, year: SQL, unitId: SQL) => sql`(
  with recursive pred(id) as (
    select ${unitId}
    union
    select s.predecessor_id from org_unit_succession s join pred on s.successor_id = pred.id)
  select json_build_object('reportId', pr.id, 'year', pc.year, 'values', ${valuesJson(sql`pr.id`)})
  from report pr join report_cycle pc on pc.id = pr.cycle_id
  where pc.plan_id = ${planId} and pc.year = ${year} and pr.status = 'accepted' and pr.org_unit_id in (select id from pred)
  order by pr.accepted_at desc
  limit 1)`;

function toPrevious(p: PreviousJson): PreviousValues | null {
  return p ? { reportId: p.reportId, year: Number(p.year), values: toValues(p.values) } : null;
}

/**
 * One round trip for a report, its cycle (without the form), the unit's frozen row and, when
 * asked, its content and latest history line; `forUpdate` locks the report row only.
 */
export async function loadReportBundle(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean; content?: boolean; lastEvent?: boolean; previous?: boolean } = {},
): Promise<LoadedReport | undefined> {
  const q = db
    .select({
      report: reports,
      cycle: cycleHead,
      expected: cycleExpectedUnits,
      values: opts.content ? sql<ValueJson[]>`${valuesJson(sql`${reports.id}`)}` : sql<null>`null`,
      sections: opts.content
        ? sql<ContentSection[]>`(select coalesce(json_agg(json_build_object('planItemId', s.plan_item_id, 'results', s.results, 'difficulties', s.difficulties, 'proposals', s.proposals)), '[]'::json)
            from report_section s where s.report_id = ${reports.id})`
        : sql<null>`null`,
      lastEvent: opts.lastEvent
        ? sql<LastEventRef | null>`(select json_build_object('id', ev.id, 'action', ev.action, 'actorId', ev.actor_id, 'at', ev.at)
            from report_event ev where ev.report_id = ${reports.id} order by ev.id desc limit 1)`
        : sql<null>`null`,
      previous: opts.previous
        ? sql<PreviousJson>`${previousJson(sql`${reportCycles.planId}`, sql`${reportCycles.year} - 1`, sql`${reports.orgUnitId}`)}`
        : sql<null>`null`,
    })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .leftJoin(cycleExpectedUnits, and(eq(cycleExpectedUnits.cycleId, reports.cycleId), eq(cycleExpectedUnits.orgUnitId, reports.orgUnitId)))
    .where(eq(reports.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: reports }) : await q;
  if (!row) return undefined;
  // Both drivers decode json columns; a driver that hands back text still gets parsed here.
  const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
  return {
    report: row.report,
    cycle: row.cycle,
    expected: row.expected,
    ...(opts.content ? { content: { values: toValues(json<ValueJson[]>(row.values)), sections: json<ContentSection[]>(row.sections) } } : {}),
    ...(opts.lastEvent ? { lastEvent: json<LastEventRef | null>(row.lastEvent) } : {}),
    ...(opts.previous ? { previous: toPrevious(json<PreviousJson>(row.previous)) } : {}),
  };
}

/**
 * Runs several writes as one statement (each a data-modifying CTE: one round trip, executed
 * exactly once). They must not touch the same rows: none sees another's effects.
 */
export async function writeTogether(db: DbOrTx, writes: SQL[]): Promise<void> {
  if (writes.length === 0) return;
  await db.execute(sql`with ${sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`), sql`, `)} select 1`);
}

/**
 * The writes that make a report's values and sections the given ones: upsert what is given
 * (rows whose content did not change are left alone) and delete what is no longer there —
 * disjoint rows, so they can run together (writeTogether). Empty values (null or '') are not stored.
 */
export function contentWrites(reportId: string, values: ContentValue[], sections: ContentSection[]): SQL[] {
  const vin = JSON.stringify(
    values
      .filter((v) => v.value !== null && v.value !== '')
      .map((v) => ({ c: v.indicatorCode, s: v.wasteStream ?? '', v: v.value, n: typeof v.value === 'number' ? v.value : null })),
  );
  const sin = JSON.stringify(sections.map((x) => ({ p: x.planItemId, r: x.results, d: x.difficulties, o: x.proposals })));
  return [
    sql`delete from report_value t where t.report_id = ${reportId}
      and not exists (select 1 from jsonb_to_recordset(${vin}::jsonb) as x(c text, s text) where x.c = t.indicator_code and x.s = t.stream)`,
    sql`insert into report_value (report_id, indicator_code, stream, value, num)
      select ${reportId}, c, s, v, n from jsonb_to_recordset(${vin}::jsonb) as x(c text, s text, v jsonb, n double precision)
      on conflict (report_id, indicator_code, stream) do update set value = excluded.value, num = excluded.num
        where report_value.value is distinct from excluded.value`,
    sql`delete from report_section t where t.report_id = ${reportId}
      and not exists (select 1 from jsonb_to_recordset(${sin}::jsonb) as x(p uuid) where x.p = t.plan_item_id)`,
    sql`insert into report_section (report_id, plan_item_id, results, difficulties, proposals)
      select ${reportId}, p, r, d, o from jsonb_to_recordset(${sin}::jsonb) as x(p uuid, r text, d text, o text)
      on conflict (report_id, plan_item_id) do update
        set results = excluded.results, difficulties = excluded.difficulties, proposals = excluded.proposals
        where (report_section.results, report_section.difficulties, report_section.proposals)
          is distinct from (excluded.results, excluded.difficulties, excluded.proposals)`,
  ];
}

/**
 * A change to a report row, as a write for writeTogether, with the row as it will read after it:
 * the caller holds the row locked (FOR UPDATE), so nothing else can have changed it.
 */
export function reportUpdate(db: DbOrTx, locked: ReportRow, set: Partial<typeof reports.$inferInsert>): { write: SQL; row: ReportRow } {
  return { write: db.update(reports).set(set).where(eq(reports.id, locked.id)).getSQL(), row: { ...locked, ...set } as ReportRow };
}

/** A history line, as a write for writeTogether. */
export function eventInsert(db: DbOrTx, values: typeof reportEvents.$inferInsert): SQL {
  return db.insert(reportEvents).values(values).getSQL();
}

/** A change to a history line (a save merged into the previous one), as a write for writeTogether. */
export function eventUpdate(db: DbOrTx, id: number, set: Partial<typeof reportEvents.$inferInsert>): SQL {
  return db.update(reportEvents).set(set).where(eq(reportEvents.id, id)).getSQL();
}

/** The audit line of a change, as a write for writeTogether: the same row lib/audit.ts writeAudit writes. */
export function auditInsert(
  db: DbOrTx,
  entry: { actor: { id: string; email: string } | null; action: string; entityType: string; entityId: string; data: unknown; requestId: string; at: Date },
): SQL {
  return db
    .insert(auditLog)
    .values({
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data as never,
      requestId: entry.requestId,
      at: entry.at,
    })
    .getSQL();
}

/** Last year's accepted values for a unit of a plan (see previousJson), one statement. */
export async function previousAcceptedValues(db: DbOrTx, planId: string, year: number, orgUnitId: string): Promise<PreviousValues | null> {
  const [row] = rowsOf<{ p: PreviousJson | string }>(await db.execute(sql`select ${previousJson(sql`${planId}::uuid`, sql`${year}::int`, sql`${orgUnitId}::uuid`)} as p`));
  return toPrevious(typeof row?.p === 'string' ? JSON.parse(row.p) : (row?.p ?? null));
}

/** In-app notices of a submission to every active focal officer, as a write for writeTogether. */
export function notifyFocal(n: { kind: string; title: string; body: string; link: string; createdAt: Date }): SQL {
  return sql`insert into notification (user_id, kind, title, body, link, created_at)
    select id, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.createdAt.toISOString()}::timestamptz
    from app_user where role = 'focal' and is_active`;
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

export async function updateReport(db: DbOrTx, id: string, set: Partial<typeof reports.$inferInsert>): Promise<ReportRow> {
  const [row] = await db.update(reports).set(set).where(eq(reports.id, id)).returning();
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

export async function insertNotifications(db: DbOrTx, rows: Array<typeof notifications.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(notifications).values(rows.slice(i, i + 500));
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
