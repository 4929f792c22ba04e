// Reading reports: a unit's own report, the list, one report, its history and the diff of two
// submissions. None of these writes: every expected unit's report exists from the cycle's opening.
import { periodOf, periodPhrase } from '../../../shared/periods.js';
import type {
  ListReportsQuery,
  ReportDiffResponse,
  ReportDto,
  ReportHistoryItem,
} from '../../../shared/contracts/reporting.js';
import { diffContent, type ReportContent } from '../../../shared/reporting-rules.js';
import { requireAccess, requireActor } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { cycleNotOpen, loadCycle } from './cycles.service.js';
import { expectedIn, expectedOf, loadBundle, loadReport, reportNotFound, requireRead } from './report-access.js';
import { formOf, toReportDto, toSummary, viewOf } from './report-view.js';
import { iso, person } from './reporting.dto.js';
import * as repo from './reports.repository.js';

/** Reads a report with its content (one statement) and builds the full response. */
export async function reportDtoById(ctx: Ctx, id: string): Promise<ReportDto> {
  const loaded = await loadBundle(ctx.db, id, { content: true, previous: true });
  return toReportDto(ctx, viewOf(loaded, expectedIn(loaded)));
}

/** GET /cycles/:id/my-report — the signed-in unit officer's report (created when the cycle opened). */
export async function getMyReport(ctx: Ctx, cycleId: string): Promise<ReportDto> {
  const actor = requireAccess(ctx, 'report.write.own');
  if (!actor.orgUnitId) throw reportNotFound();
  const cycle = await loadCycle(ctx.db, cycleId);
  const report = await repo.getReportByUnit(ctx.db, cycleId, actor.orgUnitId);
  if (!report) {
    if (cycle.status === 'draft') throw cycleNotOpen(cycle);
    throw notFound(
      msg(
        `Đơn vị không thuộc danh sách phải báo cáo ${periodPhrase(periodOf(cycle), 'vi')}`,
        `The unit is not expected to report for ${periodPhrase(periodOf(cycle), 'en')}`,
      ),
    );
  }
  return reportDtoById(ctx, report.id);
}

/** Reports, scoped: a unit officer sees its own unit's only. */
export async function listReports(ctx: Ctx, query: ListReportsQuery) {
  const actor = requireActor(ctx);
  let orgUnitId = query.orgUnitId;
  if (actor.role === 'unit') {
    requireAccess(ctx, 'report.write.own');
    if (!actor.orgUnitId || (query.orgUnitId && query.orgUnitId !== actor.orgUnitId)) {
      return { data: [], page: { page: query.page, pageSize: query.pageSize, total: 0 } };
    }
    orgUnitId = actor.orgUnitId;
  } else {
    requireAccess(ctx, 'report.read.all');
  }
  const { rows, total } = await repo.listReports(ctx.db, { ...query, orgUnitId });
  return {
    data: rows.map(({ r, c, e }) => toSummary(r, c, e)),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}

export async function getReport(ctx: Ctx, id: string): Promise<ReportDto> {
  const loaded = await loadBundle(ctx.db, id, { content: true, previous: true });
  requireRead(ctx, loaded.report);
  return toReportDto(ctx, viewOf(loaded, expectedIn(loaded)));
}

/** The history: who did what, when, why. */
export async function getHistory(ctx: Ctx, id: string): Promise<{ data: ReportHistoryItem[] }> {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const events = await repo.listEvents(ctx.db, id);
  return {
    data: events.map((event) => ({
      at: iso(event.at)!,
      actor: person(event.actorId, event.actorName, event.actorEmail),
      action: event.action,
      reason: event.reason,
      version: event.version,
      hasSnapshot: event.snapshot !== null,
    })),
  };
}

/** Field-by-field differences between two submitted versions. */
export async function getDiff(ctx: Ctx, id: string, from: number, to: number): Promise<ReportDiffResponse> {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const snapshots = await repo.snapshotsAt(ctx.db, id, [from, to]);
  const submissionAt = (version: number, field: 'from' | 'to') => {
    const found = snapshots.find((snapshot) => snapshot.version === version);
    if (!found?.snapshot) {
      throw new AppError(
        'VALIDATION_ERROR',
        msg(`Không có bản đã gửi ở phiên bản ${version}`, `No submitted copy at version ${version}`),
        {
          status: 404,
          issues: [
            {
              path: field,
              message: msg(`Phiên bản ${version} không phải một lần gửi`, `Version ${version} is not a submission`),
            },
          ],
        },
      );
    }
    return found;
  };
  const older = submissionAt(from, 'from');
  const newer = submissionAt(to, 'to');
  const cycle = await loadCycle(ctx.db, report.cycleId);
  const unit = await expectedOf(ctx.db, report);
  return {
    from: {
      version: older.version,
      at: iso(older.at)!,
      actor: person(older.actorId, older.actorName, older.actorEmail),
    },
    to: { version: newer.version, at: iso(newer.at)!, actor: person(newer.actorId, newer.actorName, newer.actorEmail) },
    changes: diffContent(
      await formOf(ctx.db, cycle, unit.sections),
      older.snapshot as ReportContent,
      newer.snapshot as ReportContent,
    ),
  };
}
