// The reporting module's public API: cycles, reports, their review and a unit's files. Other
// modules use only what is exported here, never reporting's tables or repositories.
import type { FastifyInstance } from 'fastify';
import { cycleRoutes } from './cycles.routes.js';
import { reportRoutes } from './reports.routes.js';
import { unitFileRoutes } from './unit-files.routes.js';

/** Routes of the reporting module: cycles, reports and their review, attachments, a unit's files. */
export async function reportingFeature(api: FastifyInstance): Promise<void> {
  await api.register(cycleRoutes);
  await api.register(reportRoutes);
  await api.register(unitFileRoutes);
}

// For the composition root: the reminder schedule the background loop runs.
export { REMINDER_LOCK_KEY, runReminderSchedule } from './reminders.service.js';

// For the consolidation: what it compiles from.
export { cycleById, expectedUnitsOf, listCompilableReports } from './reporting.queries.js';
export { compilingAgencyUnits, notExpectedUnitIds } from './compiling-agency.js';
export { lastYearValues, type LastYearTotals, type PreviousValues } from './last-year.js';
export { cycleWithPlan, planContext, planIssuerName, provinceOn, type CycleWithPlan } from './plan-context.js';
export { paragraphs, streamLabel, titleCase } from './document-text.js';

// The report use cases, for callers outside HTTP (the benchmark).
export { getReport } from './report-read.service.js';
export { saveReport, submitReport } from './report-write.service.js';

// For the benchmark (bench/derivations.ts): a unit's derived values, as its report form reads them.
export { derivedValuesFor } from './prefill.service.js';

// For the benchmark (bench/run.ts): the completeness board's query, timed on its own.
export { completenessBoard, countsSql } from './cycles.repository.js';

// For the home page's work queues (the home module).
export { getCompleteness } from './board.service.js';
export { listCycles } from './cycles.service.js';
export { getMyReport } from './report-read.service.js';

// For the progress dashboards (the progress module): live aggregates over a plan's cycles.
export {
  indicatorCatalogue,
  indicatorCatalogueSql,
  indicatorSeries,
  indicatorSeriesSql,
  itemProgress,
  itemProgressSql,
  itemReports,
  itemReportsSql,
  latestNarratives,
  latestNarrativesSql,
  localityValues,
  localityValuesSql,
  planCycles,
  planCyclesSql,
  raisedByItem,
  raisedByItemSql,
  timelinessByCycle,
  timelinessSql,
  type CatalogueIndicator,
  type IndicatorSeriesRow,
  type ItemProgressRow,
  type ItemReportRow,
  type LocalityValueRow,
  type NarrativeRow,
  type PlanCycleRow,
  type RaisedByItemRow,
  type TimelinessRow,
  type YearTotalRow,
  yearTotals,
  yearTotalsSql,
} from './progress.queries.js';
