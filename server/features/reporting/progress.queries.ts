// What the progress dashboards (server/features/progress/) read of reporting: aggregates over
// the cycles of one plan, computed live from the frozen lists, the reports and their values and
// sections. Each function is one statement; the dashboards only shape the rows. The raw SQL is
// exported too, so the benchmark (bench/progress.ts) times the same figures without the service.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** SQL of a unit kind's group (department, locality, enterprise, other), as the board groups them. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

const KIND_GROUP = sql.raw(`case e.kind when 'department' then 'department'
  when 'commune' then 'locality' when 'ward' then 'locality' when 'district' then 'locality'
  when 'enterprise' then 'enterprise' when 'institute' then 'enterprise' when 'school' then 'enterprise'
  else 'other' end`);

/** The yearly cycles of a plan past their draft, oldest first (progress is by year; quarters and months are not summed here). */
export function planCyclesSql(planId: string): SQL {
  return sql`select id, year, status, deadline::text as deadline, window_start::text as "windowStart",
    window_end::text as "windowEnd" from report_cycle
    where plan_id = ${planId} and status <> 'draft' and period_kind = 'year' order by year`;
}

export interface PlanCycleRow {
  id: string;
  year: number;
  status: 'open' | 'closed';
  deadline: string;
  /** The data window the reports cover (Vietnamese days, both ends included). */
  windowStart: string;
  windowEnd: string;
}

export async function planCycles(db: DbOrTx, planId: string): Promise<PlanCycleRow[]> {
  return rowsOf<PlanCycleRow>(await db.execute(planCyclesSql(planId)));
}

/**
 * Timeliness and completeness per cycle: expected units (not removed), first submissions on time
 * and late, units never submitted, accepted reports. `skip` (per cycle) leaves out the compiling
 * agency unless it sent a report, as the board does.
 */
export function timelinessSql(planId: string, skip: readonly string[] = []): SQL {
  const skipped = skip.length
    ? sql` and not (e.org_unit_id in (${sql.join(
        skip.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and r.first_submitted_at is null)`
    : sql``;
  return sql`
    select c.id as "cycleId", c.year,
      count(*)::int as expected,
      (count(*) filter (where r.first_submitted_at is not null and not r.is_late))::int as "onTime",
      (count(*) filter (where r.first_submitted_at is not null and r.is_late))::int as late,
      (count(*) filter (where r.first_submitted_at is null))::int as missing,
      (count(*) filter (where r.status = 'accepted'))::int as accepted
    from report_cycle c
    join cycle_expected_unit e on e.cycle_id = c.id and e.removed_at is null
    left join report r on r.cycle_id = e.cycle_id and r.org_unit_id = e.org_unit_id
    where c.plan_id = ${planId} and c.status <> 'draft'${skipped}
    group by c.id, c.year order by c.year`;
}

export interface TimelinessRow {
  cycleId: string;
  year: number;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  accepted: number;
}

export async function timelinessByCycle(db: DbOrTx, planId: string, skip: readonly string[] = []) {
  return rowsOf<TimelinessRow>(await db.execute(timelinessSql(planId, skip)));
}

/**
 * Per plan item of a cycle (by its stable key): the expected units whose frozen sections include
 * it, and the accepted reports that wrote a result for it.
 */
export function itemProgressSql(cycleId: string): SQL {
  return sql`
    with assigned as (
      select s->>'key' as key, (s->>'planItemId')::uuid as "planItemId", e.org_unit_id,
             s->>'label' as label, s->>'title' as title
      from cycle_expected_unit e cross join lateral jsonb_array_elements(e.sections) s
      where e.cycle_id = ${cycleId} and e.removed_at is null)
    select a.key, min(a.label) as label, min(a.title) as title, min(a."planItemId"::text) as "planItemId",
      count(*)::int as assigned,
      count(rs.report_id)::int as reporting
    from assigned a
    left join report r on r.cycle_id = ${cycleId} and r.org_unit_id = a.org_unit_id and r.status = 'accepted'
    left join report_section rs on rs.report_id = r.id and rs.plan_item_id = a."planItemId" and btrim(rs.results) <> ''
    group by a.key`;
}

export interface ItemProgressRow {
  key: string;
  label: string;
  title: string | null;
  planItemId: string;
  assigned: number;
  reporting: number;
}

export async function itemProgress(db: DbOrTx, cycleId: string): Promise<ItemProgressRow[]> {
  return rowsOf<ItemProgressRow>(await db.execute(itemProgressSql(cycleId)));
}

/** The latest `perItem` results of accepted reports per plan item of a cycle (newest acceptance first). */
export function latestNarrativesSql(cycleId: string, perItem: number, length: number): SQL {
  return sql`
    select "planItemId", "reportId", "unitName", excerpt, "acceptedAt" from (
      select rs.plan_item_id::text as "planItemId", r.id as "reportId", e.name as "unitName",
        left(btrim(rs.results), ${length}) as excerpt, r.accepted_at as "acceptedAt",
        row_number() over (partition by rs.plan_item_id order by r.accepted_at desc, e.name) as n
      from report r
      join report_section rs on rs.report_id = r.id and btrim(rs.results) <> ''
      join cycle_expected_unit e on e.cycle_id = r.cycle_id and e.org_unit_id = r.org_unit_id
      where r.cycle_id = ${cycleId} and r.status = 'accepted') x
    where n <= ${perItem}`;
}

export interface NarrativeRow {
  planItemId: string;
  reportId: string;
  unitName: string;
  excerpt: string;
  acceptedAt: string | Date | null;
}

export async function latestNarratives(db: DbOrTx, cycleId: string, perItem = 3, length = 240) {
  return rowsOf<NarrativeRow>(await db.execute(latestNarrativesSql(cycleId, perItem, length)));
}

/** Every accepted report of a cycle writing a result for a plan item: the item's drill-down list, by unit name. */
export function itemReportsSql(cycleId: string): SQL {
  return sql`
    select rs.plan_item_id::text as "planItemId", r.id as "reportId", e.name as "unitName"
    from report r
    join report_section rs on rs.report_id = r.id and btrim(rs.results) <> ''
    join cycle_expected_unit e on e.cycle_id = r.cycle_id and e.org_unit_id = r.org_unit_id
    where r.cycle_id = ${cycleId} and r.status = 'accepted'
    order by e.name, r.id`;
}

export interface ItemReportRow {
  planItemId: string;
  reportId: string;
  unitName: string;
}

export async function itemReports(db: DbOrTx, cycleId: string): Promise<ItemReportRow[]> {
  return rowsOf<ItemReportRow>(await db.execute(itemReportsSql(cycleId)));
}

/**
 * One indicator over the cycles of a plan, from accepted reports: the sum of its numeric values
 * (`total`), the count of "yes" answers (`yes`), the number of reports giving it (`reports`) and
 * of values (`values`), per year and waste stream, per year and unit kind group, and per year.
 * `grouping` tells which: 'stream', 'kind' or 'year'.
 */
export function indicatorSeriesSql(planId: string, code: string): SQL {
  return sql`
    select c.year, v.stream, ${KIND_GROUP} as "kindGroup",
      grouping(v.stream, ${KIND_GROUP})::int as g,
      sum(v.num)::float8 as total,
      (count(*) filter (where v.value = 'true'::jsonb))::int as yes,
      count(distinct r.id)::int as reports,
      count(v.num)::int as "values"
    from report_cycle c
    join report r on r.cycle_id = c.id and r.status = 'accepted'
    join report_value v on v.report_id = r.id and v.indicator_code = ${code}
    join cycle_expected_unit e on e.cycle_id = r.cycle_id and e.org_unit_id = r.org_unit_id
    where c.plan_id = ${planId} and c.status <> 'draft'
    group by grouping sets ((c.year, v.stream), (c.year, ${KIND_GROUP}), (c.year))`;
}

export interface IndicatorSeriesRow {
  year: number;
  stream: string | null;
  kindGroup: string | null;
  /** 1: by stream; 2: by kind group; 3: the year's total. */
  g: number;
  total: number | null;
  yes: number;
  reports: number;
  values: number;
}

export async function indicatorSeries(db: DbOrTx, planId: string, code: string): Promise<IndicatorSeriesRow[]> {
  return rowsOf<IndicatorSeriesRow>(await db.execute(indicatorSeriesSql(planId, code)));
}

/**
 * One indicator in one cycle, per commune and ward expected to report: the unit's frozen name and
 * code, its report's status, the sum of its numeric values and its "yes" answers, from its
 * accepted report only (null otherwise).
 */
export function localityValuesSql(cycleId: string, code: string): SQL {
  return sql`
    select e.org_unit_id as "orgUnitId", e.code, e.name, e.kind, r.id as "reportId", r.status,
      case when r.status = 'accepted' then (select sum(v.num)::float8 from report_value v
        where v.report_id = r.id and v.indicator_code = ${code}) end as total,
      case when r.status = 'accepted' then (select (count(*) filter (where v.value = 'true'::jsonb))::int
        from report_value v where v.report_id = r.id and v.indicator_code = ${code}) end as yes
    from cycle_expected_unit e
    left join report r on r.cycle_id = e.cycle_id and r.org_unit_id = e.org_unit_id
    where e.cycle_id = ${cycleId} and e.removed_at is null and e.kind in ('commune', 'ward')
    order by e.name, e.code`;
}

export interface LocalityValueRow {
  orgUnitId: string;
  code: string;
  name: string;
  kind: string;
  reportId: string | null;
  status: string | null;
  total: number | null;
  yes: number | null;
}

export async function localityValues(db: DbOrTx, cycleId: string, code: string): Promise<LocalityValueRow[]> {
  return rowsOf<LocalityValueRow>(await db.execute(localityValuesSql(cycleId, code)));
}

/**
 * The difficulties and proposals written per plan item in the reports sent in a cycle (submitted
 * or accepted): per item, the reports raising a difficulty, those raising a proposal, and the
 * report ids (the feedback desk holds one item per report).
 */
export function raisedByItemSql(cycleId: string): SQL {
  return sql`
    select rs.plan_item_id::text as "planItemId",
      (count(*) filter (where btrim(rs.difficulties) <> ''))::int as difficulties,
      (count(*) filter (where btrim(rs.proposals) <> ''))::int as proposals,
      array_agg(r.id::text order by r.id) as "reportIds"
    from report r
    join report_section rs on rs.report_id = r.id
    where r.cycle_id = ${cycleId} and r.status in ('submitted', 'accepted')
      and (btrim(rs.difficulties) <> '' or btrim(rs.proposals) <> '')
    group by rs.plan_item_id`;
}

export interface RaisedByItemRow {
  planItemId: string;
  difficulties: number;
  proposals: number;
  reportIds: string[];
}

export async function raisedByItem(db: DbOrTx, cycleId: string): Promise<RaisedByItemRow[]> {
  return rowsOf<RaisedByItemRow>(await db.execute(raisedByItemSql(cycleId)));
}

/** The indicator catalogue (every indicator, active or not), in form order. */
export function indicatorCatalogueSql(): SQL {
  return sql`select code, name, name_en as "nameEn", unit, value_type as "valueType",
    by_waste_stream as "byWasteStream", plan_item_keys as "planItemKeys"
    from indicator order by position, code`;
}

export interface CatalogueIndicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  valueType: 'number' | 'integer' | 'percent' | 'boolean' | 'text';
  byWasteStream: boolean;
  planItemKeys: string[];
}

export async function indicatorCatalogue(db: DbOrTx): Promise<CatalogueIndicator[]> {
  return rowsOf<CatalogueIndicator>(await db.execute(indicatorCatalogueSql()));
}

/**
 * Every indicator's totals for some years of a plan, from accepted reports: the sum of numeric
 * values, the "yes" answers, the values given and the reports giving them, per year and indicator.
 */
export function yearTotalsSql(planId: string, years: readonly number[]): SQL {
  return sql`
    select c.year, v.indicator_code as code,
      sum(v.num)::float8 as total,
      (count(*) filter (where v.value = 'true'::jsonb))::int as yes,
      count(v.num)::int as "values",
      count(distinct r.id)::int as reports
    from report_cycle c
    join report r on r.cycle_id = c.id and r.status = 'accepted'
    join report_value v on v.report_id = r.id
    where c.plan_id = ${planId} and c.status <> 'draft'
      and c.year in (${sql.join(
        (years.length ? years : [-1]).map((y) => sql`${y}::int`),
        sql`, `,
      )})
    group by c.year, v.indicator_code`;
}

export interface YearTotalRow {
  year: number;
  code: string;
  total: number | null;
  yes: number;
  values: number;
  reports: number;
}

export async function yearTotals(db: DbOrTx, planId: string, years: readonly number[]): Promise<YearTotalRow[]> {
  return rowsOf<YearTotalRow>(await db.execute(yearTotalsSql(planId, years)));
}
