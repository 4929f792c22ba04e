// "Last year's values": ONE definition, read by a report (its unit's figures beside this year's)
// and by the consolidation (the province's totals beside this year's).
import { sql, type SQL } from 'drizzle-orm';
import type { ContentValue } from '../../../shared/reporting-rules.js';
import type { DbOrTx } from '../../db/client.js';

/** A value as json_build_object writes it: indicator code, stream ('' for none) and value. */
export type ValueJson = { c: string; s: string; v: ContentValue['value'] };

/** A report's values as one json array (unordered: sorting 300 rows under a collation costs the database more than toValues). */
export const valuesJson = (
  reportId: SQL | string,
) => sql`(select coalesce(json_agg(json_build_object('c', v.indicator_code, 's', v.stream, 'v', v.value)), '[]'::json)
  from report_value v where v.report_id = ${reportId})`;

/** Code-point order of indicator code, then stream (no stream first): the order every reader gets. */
const byCodeAndStream = (a: ValueJson, b: ValueJson) =>
  a.c < b.c ? -1 : a.c > b.c ? 1 : a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
export const toValues = (rows: ValueJson[]): ContentValue[] =>
  rows.sort(byCodeAndStream).map((row) => ({
    indicatorCode: row.c,
    wasteStream: (row.s || null) as ContentValue['wasteStream'],
    value: row.v ?? null,
  }));

/**
 * Last year's reports: the accepted reports of the plan's cycle of the year before `year`. The
 * single rule both readers use; `unitId` narrows it to that unit and its predecessors
 * (transitively, through the successions), so a merged unit sees what its predecessors reported.
 */
function lastYearReports(planId: SQL, year: SQL, unitId?: SQL): SQL {
  const unitFilter = unitId
    ? sql`and pr.org_unit_id in (
        with recursive pred(id) as (
          select ${unitId}
          union
          select s.predecessor_id from org_unit_succession s join pred on s.successor_id = pred.id)
        select id from pred)`
    : sql``;
  return sql`select pr.id, pr.accepted_at, pc.year from report pr join report_cycle pc on pc.id = pr.cycle_id
    where pc.plan_id = ${planId} and pc.year = ${year} - 1 and pc.period_kind = 'year' and pr.status = 'accepted' ${unitFilter}`;
}

/** A unit's last year's accepted values, as stored. */
export interface PreviousValues {
  reportId: string;
  year: number;
  values: ContentValue[];
}
export type PreviousJson = { reportId: string; year: number; values: ValueJson[] } | null;

/**
 * A unit's last year's report (the latest accepted of lastYearReports) with its values, as one
 * json value or null: a sub-select, so a report's read fetches it in the same round trip.
 */
export const unitLastYearJson = (planId: SQL, year: SQL, unitId: SQL) => sql`(
  select json_build_object('reportId', ly.id, 'year', ly.year, 'values', ${valuesJson(sql`ly.id`)})
  from (${lastYearReports(planId, year, unitId)}) ly
  order by ly.accepted_at desc
  limit 1)`;

export function toPrevious(previous: PreviousJson): PreviousValues | null {
  return previous ? { reportId: previous.reportId, year: previous.year, values: toValues(previous.values) } : null;
}

/** The province's last year's values: the accepted reports' numbers summed by indicator and stream. */
export interface LastYearTotals {
  year: number;
  values: Array<{ indicatorCode: string; stream: string; num: number | null }>;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
const parsed = (x: unknown): unknown => (typeof x === 'string' ? JSON.parse(x) : x);

/**
 * Last year's values for a report of `year` in the plan: with `orgUnitId`, that unit's (or its
 * predecessors') accepted report, or null; without, the totals of every accepted report of last
 * year's cycle (null when the plan has no cycle that year). One statement either way.
 */
export async function lastYearValues(
  db: DbOrTx,
  q: { planId: string; year: number; orgUnitId: string },
): Promise<PreviousValues | null>;
export async function lastYearValues(db: DbOrTx, q: { planId: string; year: number }): Promise<LastYearTotals | null>;
export async function lastYearValues(
  db: DbOrTx,
  q: { planId: string; year: number; orgUnitId?: string },
): Promise<PreviousValues | LastYearTotals | null> {
  const planId = sql`${q.planId}::uuid`;
  const year = sql`${q.year}::int`;
  if (q.orgUnitId) {
    const [row] = rowsOf<{ p: unknown }>(
      await db.execute(sql`select ${unitLastYearJson(planId, year, sql`${q.orgUnitId}::uuid`)} as p`),
    );
    return toPrevious(parsed(row?.p ?? null) as PreviousJson);
  }
  const [row] = rowsOf<{ year: number | null; totals: unknown }>(
    await db.execute(sql`select
      (select pc.year from report_cycle pc where pc.plan_id = ${planId} and pc.year = ${year} - 1 and pc.period_kind = 'year') as year,
      (select coalesce(json_agg(json_build_object('indicatorCode', t.indicator_code, 'stream', t.stream, 'num', t.num)), '[]'::json)
        from (select v.indicator_code, v.stream, sum(v.num) as num
              from report_value v where v.report_id in (select ly.id from (${lastYearReports(planId, year)}) ly)
              group by v.indicator_code, v.stream) t) as totals`),
  );
  if (row?.year === null || row?.year === undefined) return null;
  const totals = parsed(row.totals) as Array<{ indicatorCode: string; stream: string; num: number | string | null }>;
  return {
    year: row.year,
    values: totals.map((t) => ({
      indicatorCode: t.indicatorCode,
      stream: t.stream,
      num: t.num === null ? null : Number(t.num),
    })),
  };
}
