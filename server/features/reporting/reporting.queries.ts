// What other modules read of reporting, as functions: the consolidation compiles from these and
// never queries the cycle or report tables itself.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycleExpectedUnits, reportCycles, reports, reportSections, reportValues } from '../../db/schema/index.js';

/** A cycle row (with its frozen form), or undefined. */
export async function cycleById(db: DbOrTx, cycleId: string) {
  const [row] = await db.select().from(reportCycles).where(eq(reportCycles.id, cycleId));
  return row;
}

/** The units expected to report in a cycle (not removed), with their frozen names. */
export async function expectedUnitsOf(db: DbOrTx, cycleId: string) {
  return db
    .select({
      orgUnitId: cycleExpectedUnits.orgUnitId,
      code: cycleExpectedUnits.code,
      name: cycleExpectedUnits.name,
      fullName: cycleExpectedUnits.fullName,
      kind: cycleExpectedUnits.kind,
    })
    .from(cycleExpectedUnits)
    .where(and(eq(cycleExpectedUnits.cycleId, cycleId), isNull(cycleExpectedUnits.removedAt)));
}

/**
 * The reports of a cycle a compilation reads, in three plain queries run together:
 * - `reports`: every report its unit has started (saved at least once: a report exists from the
 *   cycle's opening, and one never touched reads as no report), with status and timing;
 * - `sections`: the narratives of the reports that may be compiled (accepted, and submitted ones
 *   too with `includeSubmitted`);
 * - `values`: the values of every report submitted at least once (the annex shows each unit's
 *   figures, compiled or not).
 */
export async function listCompilableReports(db: DbOrTx, cycleId: string, opts: { includeSubmitted: boolean }) {
  const statuses: Array<'accepted' | 'submitted'> = opts.includeSubmitted ? ['accepted', 'submitted'] : ['accepted'];
  const [reportRows, sections, values] = await Promise.all([
    db
      .select({
        id: reports.id,
        orgUnitId: reports.orgUnitId,
        status: reports.status,
        isLate: reports.isLate,
        daysLate: reports.daysLate,
        firstSubmittedAt: reports.firstSubmittedAt,
        otherResults: reports.otherResults,
        proposalsToCommittee: reports.proposalsToCommittee,
      })
      .from(reports)
      .where(and(eq(reports.cycleId, cycleId), sql`${reports.version} > 1`)),
    db
      .select({
        reportId: reportSections.reportId,
        planItemId: reportSections.planItemId,
        results: reportSections.results,
        difficulties: reportSections.difficulties,
        proposals: reportSections.proposals,
      })
      .from(reportSections)
      .innerJoin(reports, eq(reports.id, reportSections.reportId))
      .where(and(eq(reports.cycleId, cycleId), inArray(reports.status, statuses))),
    db
      .select({
        reportId: reportValues.reportId,
        indicatorCode: reportValues.indicatorCode,
        stream: reportValues.stream,
        value: reportValues.value,
        num: reportValues.num,
      })
      .from(reportValues)
      .innerJoin(reports, eq(reports.id, reportValues.reportId))
      .where(and(eq(reports.cycleId, cycleId), inArray(reports.status, ['accepted', 'submitted', 'returned']))),
  ]);
  return { reports: reportRows, sections, values };
}
