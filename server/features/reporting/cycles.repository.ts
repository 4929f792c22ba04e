import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { CompletenessQuery } from '../../../shared/contracts/reporting.js';
import type { Period } from '../../../shared/periods.js';
import { escapeLike, foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  cycleExpectedUnits,
  cycleExtensions,
  indicators,
  reminderLog,
  reportCycles,
  reports,
} from '../../db/schema/index.js';

export type CycleRow = typeof reportCycles.$inferSelect;
export type ExpectedUnitRow = typeof cycleExpectedUnits.$inferSelect;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

export async function getCycle(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CycleRow | undefined> {
  const q = db.select().from(reportCycles).where(eq(reportCycles.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The plan's cycle of a period (a year, or a quarter or month of it), if any. */
export async function getCycleByPlanPeriod(db: DbOrTx, planId: string, period: Period): Promise<CycleRow | undefined> {
  const [row] = await db
    .select()
    .from(reportCycles)
    .where(
      and(
        eq(reportCycles.planId, planId),
        eq(reportCycles.year, period.year),
        eq(reportCycles.periodKind, period.kind),
        period.number === null ? isNull(reportCycles.periodNumber) : eq(reportCycles.periodNumber, period.number),
      ),
    );
  return row;
}

export async function listCycles(db: DbOrTx, q: { planId?: string; year?: number; status?: CycleRow['status'] }) {
  const where: SQL[] = [];
  if (q.planId) where.push(eq(reportCycles.planId, q.planId));
  if (q.year) where.push(eq(reportCycles.year, q.year));
  if (q.status) where.push(eq(reportCycles.status, q.status));
  return db
    .select()
    .from(reportCycles)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(reportCycles.year), desc(sql`coalesce(${reportCycles.periodNumber}, 0)`));
}

/** Number of expected (not removed) units per cycle. */
export async function expectedCounts(db: DbOrTx, cycleIds: string[]): Promise<Map<string, number>> {
  if (cycleIds.length === 0) return new Map();
  const rows = await db
    .select({ cycleId: cycleExpectedUnits.cycleId, n: sql<number>`count(*)::int` })
    .from(cycleExpectedUnits)
    .where(and(inArray(cycleExpectedUnits.cycleId, cycleIds), isNull(cycleExpectedUnits.removedAt)))
    .groupBy(cycleExpectedUnits.cycleId);
  return new Map(rows.map((r) => [r.cycleId, r.n]));
}

export async function insertCycle(db: DbOrTx, values: typeof reportCycles.$inferInsert): Promise<CycleRow> {
  const [row] = await db.insert(reportCycles).values(values).returning();
  return row;
}

export async function updateCycle(
  db: DbOrTx,
  id: string,
  set: Partial<typeof reportCycles.$inferInsert>,
): Promise<CycleRow> {
  const [row] = await db.update(reportCycles).set(set).where(eq(reportCycles.id, id)).returning();
  return row;
}

export async function activeIndicators(db: DbOrTx) {
  return db.select().from(indicators).where(eq(indicators.isActive, true)).orderBy(asc(indicators.position));
}

export async function allIndicators(db: DbOrTx) {
  return db.select().from(indicators).orderBy(asc(indicators.position));
}

/** Every expected-unit row of a cycle (removed ones too, unless `activeOnly`). */
export async function listExpected(
  db: DbOrTx,
  cycleId: string,
  opts: { activeOnly?: boolean } = {},
): Promise<ExpectedUnitRow[]> {
  const where = opts.activeOnly
    ? and(eq(cycleExpectedUnits.cycleId, cycleId), isNull(cycleExpectedUnits.removedAt))
    : eq(cycleExpectedUnits.cycleId, cycleId);
  return db
    .select()
    .from(cycleExpectedUnits)
    .where(where)
    .orderBy(asc(cycleExpectedUnits.kind), asc(cycleExpectedUnits.name));
}

export async function getExpected(
  db: DbOrTx,
  cycleId: string,
  orgUnitId: string,
): Promise<ExpectedUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(cycleExpectedUnits)
    .where(and(eq(cycleExpectedUnits.cycleId, cycleId), eq(cycleExpectedUnits.orgUnitId, orgUnitId)));
  return row;
}

export async function insertExpected(db: DbOrTx, rows: Array<typeof cycleExpectedUnits.$inferInsert>): Promise<void> {
  // Batches keep each statement under PostgreSQL's parameter limit for big provinces.
  for (let i = 0; i < rows.length; i += 500) await db.insert(cycleExpectedUnits).values(rows.slice(i, i + 500));
}

export async function updateExpected(
  db: DbOrTx,
  cycleId: string,
  orgUnitId: string,
  set: Partial<typeof cycleExpectedUnits.$inferInsert>,
): Promise<void> {
  await db
    .update(cycleExpectedUnits)
    .set(set)
    .where(and(eq(cycleExpectedUnits.cycleId, cycleId), eq(cycleExpectedUnits.orgUnitId, orgUnitId)));
}

export async function setAllExpectedDeadlines(db: DbOrTx, cycleId: string, deadline: string): Promise<void> {
  await db
    .update(cycleExpectedUnits)
    .set({ deadline })
    .where(and(eq(cycleExpectedUnits.cycleId, cycleId), eq(cycleExpectedUnits.hasExtension, false)));
}

export async function insertExtension(db: DbOrTx, values: typeof cycleExtensions.$inferInsert) {
  const [row] = await db.insert(cycleExtensions).values(values).returning();
  return row;
}

export async function listExtensions(db: DbOrTx, cycleId: string, orgUnitId?: string) {
  const where = orgUnitId
    ? and(eq(cycleExtensions.cycleId, cycleId), eq(cycleExtensions.orgUnitId, orgUnitId))
    : eq(cycleExtensions.cycleId, cycleId);
  return db
    .select()
    .from(cycleExtensions)
    .where(where)
    .orderBy(desc(cycleExtensions.createdAt), desc(cycleExtensions.id));
}

/** The counts per unit kind group, in one statement over the frozen list and the reports. */
/** Leaves out the units not expected to report (the compiling agency) unless they sent a report. */
function expectedOnly(skip: readonly string[]): SQL {
  return skip.length
    ? sql` and not (e.org_unit_id in (${sql.join(
        skip.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and r.first_submitted_at is null)`
    : sql``;
}

export function countsSql(cycleId: string, skip: readonly string[] = []): SQL {
  return sql`
    select case e.kind when 'department' then 'department'
                       when 'commune' then 'locality' when 'ward' then 'locality' when 'district' then 'locality'
                       when 'enterprise' then 'enterprise' when 'institute' then 'enterprise' when 'school' then 'enterprise'
                       else 'other' end as "kindGroup",
      count(*)::int as expected,
      count(r.first_submitted_at)::int as submitted,
      (count(*) filter (where r.first_submitted_at is not null and not r.is_late))::int as "onTime",
      (count(*) filter (where r.first_submitted_at is not null and r.is_late))::int as late,
      (count(*) filter (where r.status = 'returned'))::int as returned,
      (count(*) filter (where r.status = 'accepted'))::int as accepted
    from cycle_expected_unit e
    left join report r on r.cycle_id = e.cycle_id and r.org_unit_id = e.org_unit_id
    where e.cycle_id = ${cycleId} and e.removed_at is null${expectedOnly(skip)}
    group by 1`;
}

export interface KindCounts {
  kindGroup: 'department' | 'locality' | 'enterprise' | 'other';
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  returned: number;
  accepted: number;
}

export interface BoardRow {
  orgUnitId: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  deadline: string;
  hasExtension: boolean;
  lastRemindedAt: string | Date | null;
  reportId: string | null;
  status: 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted';
  firstSubmittedAt: string | Date | null;
  submittedAt: string | Date | null;
  isLate: boolean | null;
  daysLate: number;
}

/**
 * Whether the unit has started its report (`r`, joined to the expected unit): saved it at least
 * once. Reports exist from the cycle's opening, so a report row alone says nothing.
 */
export const reportStarted = sql`coalesce(r.version > 1, false)`;

const KIND_GROUP_KINDS: Record<string, string[]> = {
  department: ['department'],
  locality: ['commune', 'ward', 'district'],
  enterprise: ['enterprise', 'institute', 'school'],
};

/** The board of a cycle: its status, the counts per kind group, one page of units and the filtered total. */
export interface Board {
  /** null when there is no such cycle. */
  cycleStatus: CycleRow['status'] | null;
  kinds: KindCounts[];
  rows: BoardRow[];
  total: number;
}

/**
 * The whole board in one statement: the cycle's status, the counts per kind group (countsSql's
 * query), one page filtered and sorted in SQL, and the filtered total. Sorted by name (the
 * default) the page is read in index order (cycle_expected_unit_name_idx) and stops after the
 * page, so the statement costs little more than its counts; without filters the total is the
 * number expected and is not counted twice.
 */
export async function completenessBoard(
  db: DbOrTx,
  cycleId: string,
  q: CompletenessQuery,
  today: string,
  skip: readonly string[] = [],
): Promise<Board> {
  // Every expected unit has its report from the opening; one never saved is still 'missing'.
  const status = sql`case when r.first_submitted_at is not null then r.status when ${reportStarted} then 'draft' else 'missing' end`;
  const daysLate = sql`case when r.first_submitted_at is null then greatest(0, ${today}::date - e.deadline) else r.days_late end`;
  const where: SQL[] = [sql`e.cycle_id = ${cycleId}`, sql`e.removed_at is null`];
  if (q.status === 'missing') where.push(sql`r.first_submitted_at is null`);
  else if (q.status === 'draft') where.push(sql`${reportStarted} and r.first_submitted_at is null`);
  else if (q.status === 'late') where.push(sql`r.first_submitted_at is not null and r.is_late`);
  else if (q.status === 'onTime') where.push(sql`r.first_submitted_at is not null and not r.is_late`);
  else if (q.status) where.push(sql`r.status = ${q.status} and r.first_submitted_at is not null`);
  if (q.kindGroup) {
    const kinds = KIND_GROUP_KINDS[q.kindGroup];
    where.push(
      kinds
        ? sql`e.kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql`e.kind not in ('department','commune','ward','district','enterprise','institute','school')`,
    );
  }
  if (q.q) where.push(sql`e.search_text like ${`%${escapeLike(foldText(q.q))}%`}`);
  const filtered = where.length > 2;
  const from = sql`from cycle_expected_unit e left join report r on r.cycle_id = e.cycle_id and r.org_unit_id = e.org_unit_id
    where ${sql.join(where, sql` and `)}${expectedOnly(skip)}`;
  const dir = q.dir === 'desc' ? sql`desc` : sql`asc`;
  const sortExpr: Record<CompletenessQuery['sort'], SQL> = {
    name: sql`e.name ${dir}`,
    status: sql`${status} ${dir}, e.name asc`,
    submittedAt: sql`r.first_submitted_at ${dir} nulls last, e.name asc`,
    daysLate: sql`${daysLate} ${dir}, e.name asc`,
    kind: sql`e.kind ${dir}, e.name asc`,
  };
  const result = await db.execute(sql`
    select
      (select c.status from report_cycle c where c.id = ${cycleId}) as "cycleStatus",
      (select coalesce(json_agg(k), '[]'::json) from (${countsSql(cycleId, skip)}) k) as kinds,
      ${filtered ? sql`(select count(*)::int ${from})` : sql`null::int`} as total,
      (select coalesce(json_agg(p), '[]'::json) from (
        select e.org_unit_id as "orgUnitId", e.code, e.name, e.full_name as "fullName", e.kind, e.deadline::text as deadline,
          e.has_extension as "hasExtension", e.last_reminded_at as "lastRemindedAt",
          r.id as "reportId", ${status} as status, r.first_submitted_at as "firstSubmittedAt", r.submitted_at as "submittedAt",
          r.is_late as "isLate", ${daysLate}::int as "daysLate"
        ${from}
        order by ${sortExpr[q.sort]}, e.org_unit_id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) p) as rows`);
  const [row] = rowsOf<{
    cycleStatus: CycleRow['status'] | null;
    kinds: KindCounts[] | string;
    total: number | null;
    rows: BoardRow[] | string;
  }>(result);
  const json = <T>(x: T | string): T => (typeof x === 'string' ? (JSON.parse(x) as T) : x);
  const kinds = json(row.kinds);
  const total = row.total ?? kinds.reduce((n, k) => n + k.expected, 0);
  return { cycleStatus: row.cycleStatus ?? null, kinds, rows: json(row.rows), total };
}

/** Expected units that have not submitted yet (reminder targets). */
export async function unitsNotSubmitted(
  db: DbOrTx,
  cycleId: string,
  skip: readonly string[] = [],
): Promise<ExpectedUnitRow[]> {
  const left = new Set(skip);
  return db
    .select({ e: cycleExpectedUnits })
    .from(cycleExpectedUnits)
    .leftJoin(
      reports,
      and(eq(reports.cycleId, cycleExpectedUnits.cycleId), eq(reports.orgUnitId, cycleExpectedUnits.orgUnitId)),
    )
    .where(
      and(
        eq(cycleExpectedUnits.cycleId, cycleId),
        isNull(cycleExpectedUnits.removedAt),
        isNull(reports.firstSubmittedAt),
      ),
    )
    .then((rows) => rows.map((r) => r.e).filter((e) => !left.has(e.orgUnitId)));
}

export async function listReminders(db: DbOrTx, cycleId: string) {
  return db
    .select({ r: reminderLog, e: cycleExpectedUnits })
    .from(reminderLog)
    .innerJoin(
      cycleExpectedUnits,
      and(eq(cycleExpectedUnits.cycleId, reminderLog.cycleId), eq(cycleExpectedUnits.orgUnitId, reminderLog.orgUnitId)),
    )
    .where(eq(reminderLog.cycleId, cycleId))
    .orderBy(desc(reminderLog.at), asc(cycleExpectedUnits.name))
    .limit(5000);
}
