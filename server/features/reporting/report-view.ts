// A report as its reader sees it: the summary row, the full report with its form, last year's
// values and abilities (the policy's verdicts), and the short answer of a change.
import type { ReportDto, ReportSavedDto, ReportSummaryDto } from '../../../shared/contracts/reporting.js';
import type { PeriodKind } from '../../../shared/periods.js';
import {
  computeTotals,
  type ContentSection,
  type ContentValue,
  type ReportContent,
} from '../../../shared/reporting-rules.js';
import { lockDate, submissionTiming } from '../../../shared/deadlines.js';
import type { DbOrTx } from '../../db/client.js';
import type { FrozenSection } from '../../db/schema/index.js';
import type { Ctx } from '../../lib/context.js';
import * as cyclesRepo from './cycles.repository.js';
import { cycleForm } from './form-cache.js';
import { lastYearValues } from './last-year.js';
import { canAcceptReport, canEditReport, canReturnReport, canSubmitReport, canUploadAttachment } from './policy.js';
import { iso, person, toCycleUnitDto } from './reporting.dto.js';
import type * as repo from './reports.repository.js';

/** A unit's form in a cycle: the cycle's indicators (cached per cycle) and the unit's sections, each with its citation. */
export async function formOf(db: DbOrTx, cycle: { id: string; status: string }, sections: FrozenSection[]) {
  const { indicators, citations } = await cycleForm(db, cycle);
  return {
    indicators,
    sections: sections.map((section) => ({ ...section, citation: citations.get(section.planItemId) ?? null })),
  };
}

/** Values as stored and read back: empty ones dropped, no stream as null, ordered by indicator and stream. */
export function storedValues(values: ContentValue[]): ContentValue[] {
  const key = (value: ContentValue) => [value.indicatorCode, value.wasteStream ?? ''] as const;
  return values
    .filter((value) => value.value !== null && value.value !== '')
    .map((value) => ({
      indicatorCode: value.indicatorCode,
      wasteStream: value.wasteStream ?? null,
      value: value.value,
    }))
    .sort((left, right) => {
      const [leftCode, leftStream] = key(left);
      const [rightCode, rightStream] = key(right);
      // Code-point order, as reports.repository reads them back.
      return leftCode < rightCode
        ? -1
        : leftCode > rightCode
          ? 1
          : leftStream < rightStream
            ? -1
            : leftStream > rightStream
              ? 1
              : 0;
    });
}

/** Sections in the order of the unit's form. */
function inFormOrder(sections: ContentSection[], frozen: FrozenSection[]): ContentSection[] {
  const position = new Map(frozen.map((section, i) => [section.planItemId, i]));
  return [...sections].sort(
    (a, b) => (position.get(a.planItemId) ?? frozen.length) - (position.get(b.planItemId) ?? frozen.length),
  );
}

/** The whole content of a loaded report (values, sections and the two free fields). */
export function contentOf(loaded: repo.LoadedReport): ReportContent {
  const content = loaded.content ?? { values: [], sections: [] };
  return {
    values: content.values,
    sections: content.sections,
    otherResults: loaded.report.otherResults,
    proposalsToCommittee: loaded.report.proposalsToCommittee,
  };
}

export function toSummary(
  report: repo.ReportRow,
  cycle: { year: number; periodKind: PeriodKind; periodNumber: number | null },
  unit: cyclesRepo.ExpectedUnitRow,
): ReportSummaryDto {
  return {
    id: report.id,
    cycleId: report.cycleId,
    year: cycle.year,
    periodKind: cycle.periodKind,
    periodNumber: cycle.periodNumber,
    orgUnitId: report.orgUnitId,
    unit: toCycleUnitDto(unit),
    status: report.status,
    version: report.version,
    firstSubmittedAt: iso(report.firstSubmittedAt),
    submittedAt: iso(report.submittedAt),
    isLate: report.isLate,
    daysLate: report.daysLate,
    deadline: unit.deadline,
    updatedAt: iso(report.updatedAt)!,
  };
}

/** What the full report is built from: the report, its cycle and unit row, and its content. */
export interface ReportView {
  report: repo.ReportRow;
  cycle: repo.CycleHead;
  unit: cyclesRepo.ExpectedUnitRow;
  values: ContentValue[];
  sections: ContentSection[];
  /** Last year's accepted values when already read with the report (else read here). */
  previous?: repo.PreviousValues | null;
}

/** The view of a report loaded with its content. */
export function viewOf(loaded: repo.LoadedReport, unit: cyclesRepo.ExpectedUnitRow): ReportView {
  return {
    report: loaded.report,
    cycle: loaded.cycle,
    unit,
    values: loaded.content!.values,
    sections: loaded.content!.sections,
    previous: loaded.previous,
  };
}

/** Who saved the report last, or null. */
function updatedByOf(report: repo.ReportRow) {
  return report.updatedByName ? person(report.updatedBy, report.updatedByName, report.updatedByEmail) : null;
}

/**
 * The full report as its reader sees it, with the form, last year's values and the abilities.
 * Built from what the caller already holds: only the extension (when the unit has one) and last
 * year's accepted values are read here; the form comes from the per-cycle cache.
 */
export async function toReportDto(ctx: Ctx, view: ReportView): Promise<ReportDto> {
  const { report, cycle, unit } = view;
  const form = await formOf(ctx.db, cycle, unit.sections);
  const [extension] = unit.hasExtension
    ? await cyclesRepo.listExtensions(ctx.db, report.cycleId, report.orgUnitId)
    : [];
  const previous =
    view.previous !== undefined
      ? view.previous
      : await lastYearValues(ctx.db, { planId: cycle.planId, year: cycle.year, orgUnitId: report.orgUnitId });
  const now = ctx.clock.now();
  const isLocked =
    !report.firstSubmittedAt && submissionTiming(unit.deadline, cycle.graceDays, now).timing === 'locked';
  const actor = ctx.actor;
  return {
    ...toSummary(report, cycle, unit),
    cycleStatus: cycle.status,
    values: view.values,
    sections: inFormOrder(view.sections, unit.sections),
    otherResults: report.otherResults,
    proposalsToCommittee: report.proposalsToCommittee,
    totals: computeTotals(form.indicators, view.values),
    form,
    previous: previous ? { year: previous.year, reportId: previous.reportId, values: previous.values } : null,
    extension: extension ? { deadline: extension.deadline, reason: extension.reason } : null,
    lockDate: lockDate(unit.deadline, cycle.graceDays),
    isLocked,
    returnReason: report.returnReason,
    updatedBy: updatedByOf(report),
    abilities: {
      canEdit: canEditReport(actor, report, cycle).allowed,
      canSubmit: canSubmitReport(actor, report, cycle, unit.deadline, now).allowed,
      canReturn: canReturnReport(actor, report, cycle).allowed,
      canAccept: canAcceptReport(actor, report, cycle).allowed,
      canUpload: canUploadAttachment(actor, report, cycle).allowed,
    },
  };
}

/** A change's answer: the full report, or with `Prefer: return=minimal` its new state only. */
export type Answer<Minimal extends boolean> = Minimal extends true ? ReportSavedDto : ReportDto;

export async function answerOf<Minimal extends boolean>(
  ctx: Ctx,
  view: ReportView,
  minimal: Minimal | undefined,
): Promise<Answer<Minimal>> {
  if (!minimal) return await toReportDto(ctx, view);
  const saved: ReportSavedDto = {
    ...toSummary(view.report, view.cycle, view.unit),
    updatedBy: updatedByOf(view.report),
  };
  return saved as Answer<Minimal>;
}
