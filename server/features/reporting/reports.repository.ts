import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, sql, SQL } from 'drizzle-orm';
import type { ReportStatus } from '../../../shared/contracts/reporting.js';
import type { ContentSection, ContentValue } from '../../../shared/reporting-rules.js';
import type { DbOrTx } from '../../db/client.js';
import {
  cycleExpectedUnits,
  idempotencyKeys,
  reportCycles,
  reportEvents,
  reports,
  type ReportSnapshot,
} from '../../db/schema/index.js';
import {
  toPrevious,
  toValues,
  unitLastYearJson,
  valuesJson,
  type PreviousJson,
  type PreviousValues,
  type ValueJson,
} from './last-year.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportEventRow = typeof reportEvents.$inferSelect;

export async function getReport(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ReportRow | undefined> {
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
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
  /** Whether the Idempotency-Key asked about is already used. */
  keyUsed?: boolean;
}

export type { PreviousValues };

/** What loadReportBundle reads besides the report, its cycle and the unit's frozen row. */
export interface BundleOptions {
  content?: boolean;
  lastEvent?: boolean;
  previous?: boolean;
  /** Whether this account has already used this Idempotency-Key for this scope. */
  idempotency?: { userId: string; scope: string; key: string };
}

function prepareBundle(db: DbOrTx, opts: BundleOptions) {
  const id = sql.placeholder('id');
  return db
    .select({
      report: reports,
      cycle: cycleHead,
      expected: cycleExpectedUnits,
      values: opts.content ? sql<ValueJson[]>`${valuesJson(sql`${reports.id}`)}` : sql<null>`null`,
      sections: opts.content
        ? sql<
            ContentSection[]
          >`(select coalesce(json_agg(json_build_object('planItemId', s.plan_item_id, 'results', s.results, 'difficulties', s.difficulties, 'proposals', s.proposals)), '[]'::json)
            from report_section s where s.report_id = ${reports.id})`
        : sql<null>`null`,
      lastEvent: opts.lastEvent
        ? sql<LastEventRef | null>`(select json_build_object('id', ev.id, 'action', ev.action, 'actorId', ev.actor_id, 'at', ev.at)
            from report_event ev where ev.report_id = ${reports.id} order by ev.id desc limit 1)`
        : sql<null>`null`,
      previous: opts.previous
        ? sql<PreviousJson>`${unitLastYearJson(sql`${reportCycles.planId}`, sql`${reportCycles.year}`, sql`${reports.orgUnitId}`)}`
        : sql<null>`null`,
      keyUsed: opts.idempotency
        ? sql<boolean>`exists (select 1 from idempotency_key k
            where k.user_id = ${sql.placeholder('userId')} and k.scope = ${sql.placeholder('scope')} and k.key = ${sql.placeholder('key')})`
        : sql<null>`null`,
    })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .leftJoin(
      cycleExpectedUnits,
      and(eq(cycleExpectedUnits.cycleId, reports.cycleId), eq(cycleExpectedUnits.orgUnitId, reports.orgUnitId)),
    )
    .where(eq(reports.id, id))
    .prepare(bundleName(opts));
}

/** One name per shape (the statement's text differs with the options). */
const bundleName = (opts: BundleOptions) =>
  `report_bundle_${[opts.content, opts.lastEvent, opts.previous, opts.idempotency].map((asked) => (asked ? 1 : 0)).join('')}`;

/**
 * The bundle statements, built once per database handle and shape with placeholders for the
 * values, and named: neither Drizzle nor PostgreSQL builds or plans them again on each read.
 */
const bundles = new WeakMap<DbOrTx, Map<string, ReturnType<typeof prepareBundle>>>();

/**
 * One round trip for a report, its cycle (without the form), the unit's frozen row and, when
 * asked, its content, latest history line, last year's values and whether an Idempotency-Key is
 * already used. Nothing is locked: writes check the version they read (writeIfCurrent).
 */
export async function loadReportBundle(
  db: DbOrTx,
  id: string,
  opts: BundleOptions = {},
): Promise<LoadedReport | undefined> {
  let perShape = bundles.get(db);
  if (!perShape) bundles.set(db, (perShape = new Map()));
  const name = bundleName(opts);
  let q = perShape.get(name);
  if (!q) perShape.set(name, (q = prepareBundle(db, opts)));
  const [row] = await q.execute({ id, ...opts.idempotency });
  if (!row) return undefined;
  // Both drivers decode json columns; a driver that hands back text still gets parsed here.
  const json = (x: unknown): unknown => (typeof x === 'string' ? JSON.parse(x) : x);
  return {
    report: row.report,
    cycle: row.cycle,
    expected: row.expected,
    ...(opts.content
      ? {
          content: {
            values: toValues(json(row.values) as ValueJson[]),
            sections: json(row.sections) as ContentSection[],
          },
        }
      : {}),
    ...(opts.lastEvent ? { lastEvent: json(row.lastEvent) as LastEventRef | null } : {}),
    ...(opts.previous ? { previous: toPrevious(json(row.previous) as PreviousJson) } : {}),
    ...(opts.idempotency ? { keyUsed: row.keyUsed === true } : {}),
  };
}

/**
 * A change to the report row as read, with the row as it will read after it. Applied by
 * writeIfCurrent only while the row still has the version that was read.
 */
export function reportUpdate(
  db: DbOrTx,
  read: ReportRow,
  set: Partial<typeof reports.$inferInsert>,
): { write: SQL; row: ReportRow } {
  const write = db
    .update(reports)
    .set(set)
    .where(and(eq(reports.id, read.id), eq(reports.version, read.version)))
    .returning({ id: reports.id })
    .getSQL();
  return { write, row: { ...read, ...set } };
}

/** The write did not land: the report changed between the read and the write (another save, a submission, a review), or the Idempotency-Key was used meanwhile. */
export class ChangedSinceRead extends Error {
  constructor(readonly cause: unknown) {
    super('the report changed since it was read');
  }
}

/**
 * Writes a change of a report as ONE statement, without a transaction around a locked read:
 * `update` (from reportUpdate) changes the report row only if it still has the version that was
 * read, and the other writes (data-modifying CTEs, executed exactly once; they must touch
 * disjoint rows) land only together with it. When someone else changed the report first, the
 * statement's guard (bioplan_expect_current, migration 0005) or a key the other write already
 * inserted aborts the whole statement, nothing lands, and ChangedSinceRead is thrown.
 * PostgreSQL runs the guarded query first, so the report row is always locked before its content.
 */
export async function writeIfCurrent(db: DbOrTx, update: SQL, writes: Array<SQL | Input>): Promise<void> {
  const parts = [
    sql`cur as (${update})`,
    ...writes.map((w, i) =>
      isInput(w) ? sql`${sql.identifier(w.name)} as (${w.query})` : sql`${sql.raw(`w${i}`)} as (${w})`,
    ),
  ];
  try {
    await db.execute(sql`with ${sql.join(parts, sql`, `)} select bioplan_expect_current(exists (select 1 from cur))`);
  } catch (err) {
    const code = ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string })).code;
    if (code === 'BP409' || code === '23505') throw new ChangedSinceRead(err);
    throw err;
  }
}

/** A named, read-only part of a writeIfCurrent statement that the writes after it read (sent and parsed once). */
export interface Input {
  name: string;
  query: SQL;
}
const isInput = (w: SQL | Input): w is Input => !(w instanceof SQL);

/**
 * The writes that make a report's values and sections the given ones: insert the new keys, update
 * the rows whose content changed (unchanged rows are left alone) and delete what is no longer
 * there. The three touch disjoint rows, so they run together in one statement (writeIfCurrent),
 * all reading the rows as they were before it. In that statement the guarded update of the report
 * row runs first and takes the row's lock until the statement ends, and every writer of a report's
 * content changes the report row first, so no other write of the content can slip in between;
 * inserting what is new by an anti-join costs the database about half of INSERT … ON CONFLICT.
 * Empty values (null or '') are not stored.
 */
export function contentWrites(
  reportId: string,
  values: ContentValue[],
  sections: ContentSection[],
): Array<SQL | Input> {
  const vin = JSON.stringify(
    values
      .filter((v) => v.value !== null && v.value !== '')
      .map((v) => ({
        c: v.indicatorCode,
        s: v.wasteStream ?? '',
        v: v.value,
        n: typeof v.value === 'number' ? v.value : null,
      })),
  );
  const sin = JSON.stringify(
    sections.map((x) => ({ p: x.planItemId, r: x.results, d: x.difficulties, o: x.proposals })),
  );
  return [
    {
      name: 'new_value',
      query: sql`select * from jsonb_to_recordset(${vin}::jsonb) as x(c text, s text, v jsonb, n double precision)`,
    },
    {
      name: 'new_section',
      query: sql`select * from jsonb_to_recordset(${sin}::jsonb) as x(p uuid, r text, d text, o text)`,
    },
    sql`delete from report_value t where t.report_id = ${reportId}
      and not exists (select 1 from new_value x where x.c = t.indicator_code and x.s = t.stream)`,
    sql`update report_value t set value = x.v, num = x.n from new_value x
      where t.report_id = ${reportId} and t.indicator_code = x.c and t.stream = x.s and t.value is distinct from x.v`,
    sql`insert into report_value (report_id, indicator_code, stream, value, num)
      select ${reportId}, x.c, x.s, x.v, x.n from new_value x
      where not exists (select 1 from report_value t where t.report_id = ${reportId} and t.indicator_code = x.c and t.stream = x.s)`,
    sql`delete from report_section t where t.report_id = ${reportId}
      and not exists (select 1 from new_section x where x.p = t.plan_item_id)`,
    sql`update report_section t set results = x.r, difficulties = x.d, proposals = x.o from new_section x
      where t.report_id = ${reportId} and t.plan_item_id = x.p
        and (t.results, t.difficulties, t.proposals) is distinct from (x.r, x.d, x.o)`,
    sql`insert into report_section (report_id, plan_item_id, results, difficulties, proposals)
      select ${reportId}, x.p, x.r, x.d, x.o from new_section x
      where not exists (select 1 from report_section t where t.report_id = ${reportId} and t.plan_item_id = x.p)`,
  ];
}

/** A history line, as a write for writeIfCurrent. */
export function eventInsert(db: DbOrTx, values: typeof reportEvents.$inferInsert): SQL {
  return db.insert(reportEvents).values(values).getSQL();
}

/** A change to a history line (a save merged into the previous one), as a write for writeIfCurrent. */
export function eventUpdate(db: DbOrTx, id: number, set: Partial<typeof reportEvents.$inferInsert>): SQL {
  return db.update(reportEvents).set(set).where(eq(reportEvents.id, id)).getSQL();
}

export async function getReportByUnit(db: DbOrTx, cycleId: string, orgUnitId: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.cycleId, cycleId), eq(reports.orgUnitId, orgUnitId)));
  return row;
}

/**
 * Creates the reports of some units of a cycle (those that have none yet) and answers the rows
 * created: a cycle's reports exist from its opening, so reading one never writes.
 */
export async function createReports(db: DbOrTx, cycleId: string, orgUnitIds: string[], at: Date): Promise<ReportRow[]> {
  const created: ReportRow[] = [];
  for (let i = 0; i < orgUnitIds.length; i += 500) {
    const batch = orgUnitIds
      .slice(i, i + 500)
      .map((orgUnitId) => ({ cycleId, orgUnitId, createdAt: at, updatedAt: at }));
    created.push(...(await db.insert(reports).values(batch).onConflictDoNothing().returning()));
  }
  return created;
}

/** History lines, in batches. */
export async function insertEvents(db: DbOrTx, rows: Array<typeof reportEvents.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(reportEvents).values(rows.slice(i, i + 500));
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
    .innerJoin(
      cycleExpectedUnits,
      and(eq(cycleExpectedUnits.cycleId, reports.cycleId), eq(cycleExpectedUnits.orgUnitId, reports.orgUnitId)),
    )
    .where(cond)
    .orderBy(desc(reportCycles.year), asc(cycleExpectedUnits.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(cond);
  return { rows, total: n };
}

export async function updateReport(
  db: DbOrTx,
  id: string,
  set: Partial<typeof reports.$inferInsert>,
): Promise<ReportRow> {
  const [row] = await db.update(reports).set(set).where(eq(reports.id, id)).returning();
  return row;
}

export async function insertEvent(db: DbOrTx, values: typeof reportEvents.$inferInsert): Promise<void> {
  await db.insert(reportEvents).values(values);
}

export async function listEvents(db: DbOrTx, reportId: string): Promise<ReportEventRow[]> {
  return db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(asc(reportEvents.id));
}

export async function snapshotsAt(db: DbOrTx, reportId: string, versions: number[]): Promise<ReportEventRow[]> {
  return db
    .select()
    .from(reportEvents)
    .where(
      and(
        eq(reportEvents.reportId, reportId),
        inArray(reportEvents.version, versions),
        isNotNull(reportEvents.snapshot),
      ),
    );
}

/** The use of an Idempotency-Key, as a write for writeIfCurrent (a second use of the same key fails the statement). */
export function idempotencyInsert(db: DbOrTx, values: typeof idempotencyKeys.$inferInsert): SQL {
  return db.insert(idempotencyKeys).values(values).getSQL();
}

export type { ReportSnapshot };
