// Reading a report for a use case: loading it (404 when absent), who may read, write or review it,
// and the 409 answers every use case gives in the same words.
import { periodOf, periodPhrase } from '../../../shared/periods.js';
import { STATUS_LABELS } from '../../../shared/reporting-rules.js';
import { formatDateTime } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAccess, requireActor } from '../../lib/access.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, notFound, type Message } from '../../lib/errors.js';
import * as cyclesRepo from './cycles.repository.js';
import { cycleNotOpen, type CyclePeriodFields } from './cycles.service.js';
import type { EditRefusal, Verdict } from './policy.js';
import * as repo from './reports.repository.js';

/** One message for a missing report and for one the actor may not see, so they answer alike. */
const REPORT_NOT_FOUND = msg('Không tìm thấy báo cáo', 'Report not found');
export const reportNotFound = () => notFound(REPORT_NOT_FOUND);

/** How texts name a unit: a department short ("Sở Y tế"), a commune in full ("Xã Giao Long", never "Giao Long"). */
export function unitDisplayName(unit: { name: string; fullName?: string; kind?: string }): string {
  return unit.kind === 'department' || !unit.fullName ? unit.name : unit.fullName;
}

/** "Báo cáo năm 2026 của Sở Y tế", "… của Xã Giao Long" — how messages name a report. */
export function reportName(
  cycle: CyclePeriodFields,
  unit: { name: string; fullName?: string; kind?: string } | undefined,
): Message {
  const unitName = unit ? unitDisplayName(unit) : '';
  return msg(
    `Báo cáo ${periodPhrase(periodOf(cycle), 'vi')} của ${unitName}`,
    `The ${periodPhrase(periodOf(cycle), 'en')} report of ${unitName}`,
  );
}

/** Read access: a unit officer its own unit's report; focal and leader every report; else 404. */
export function requireRead(ctx: Ctx, report: { orgUnitId: string }): Actor {
  const actor = requireActor(ctx);
  return requireAccess(ctx, actor.role === 'unit' ? 'report.write.own' : 'report.read.all', report, REPORT_NOT_FOUND);
}

/** Write access: only a unit officer of the report's unit (a leader reads all and writes none). */
export function requireWrite(ctx: Ctx, report: { orgUnitId: string }): Actor {
  const actor = requireActor(ctx);
  if (actor.role !== 'unit') {
    requireRead(ctx, report);
    throw new AppError(
      'FORBIDDEN',
      msg(
        'Chỉ cán bộ của đơn vị mới sửa và gửi báo cáo của đơn vị',
        "Only the unit's officers edit and submit its report",
      ),
      { status: 403 },
    );
  }
  return requireAccess(ctx, 'report.write.own', report, REPORT_NOT_FOUND);
}

/** Review access: whoever may read the report and holds report.review (else 403; unreadable: 404). */
export function requireReview(ctx: Ctx, report: { orgUnitId: string }): Actor {
  requireRead(ctx, report);
  return requireAccess(ctx, 'report.review');
}

export async function loadReport(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<repo.ReportRow> {
  const report = await repo.getReport(db, id, opts);
  if (!report) throw reportNotFound();
  return report;
}

/** The unit's frozen row in the report's cycle; a unit no longer in the list reads as not found. */
export async function expectedOf(db: DbOrTx, report: repo.ReportRow): Promise<cyclesRepo.ExpectedUnitRow> {
  const expected = await cyclesRepo.getExpected(db, report.cycleId, report.orgUnitId);
  if (!expected) throw reportNotFound();
  return expected;
}

/** The unit's frozen row of a loaded report; a unit no longer in the list reads as not found. */
export function expectedIn(loaded: repo.LoadedReport): cyclesRepo.ExpectedUnitRow {
  if (!loaded.expected) throw reportNotFound();
  return loaded.expected;
}

/** A loaded report; 404 when there is none. */
export async function loadBundle(db: DbOrTx, id: string, opts: repo.BundleOptions = {}): Promise<repo.LoadedReport> {
  const loaded = await repo.loadReportBundle(db, id, opts);
  if (!loaded) throw reportNotFound();
  return loaded;
}

export function notEditable(
  cycle: CyclePeriodFields,
  unit: cyclesRepo.ExpectedUnitRow,
  status: repo.ReportRow['status'],
): AppError {
  const name = reportName(cycle, unit);
  return new AppError(
    'REPORT_NOT_EDITABLE',
    msg(
      `${name.vi} đang ở trạng thái "${STATUS_LABELS[status].vi}", không sửa được`,
      `${name.en} is ${STATUS_LABELS[status].en} and cannot be edited`,
    ),
    { status: 409 },
  );
}

/**
 * Enforces canEditReport (and the attachment abilities, which are the same rule) once the caller
 * has passed requireWrite: a cycle that is not open, then a status that allows no change, each 409.
 */
export async function enforceEdit(
  db: DbOrTx,
  verdict: Verdict<EditRefusal>,
  cycle: CyclePeriodFields & { status: 'draft' | 'open' | 'closed' },
  report: repo.ReportRow,
  unit?: cyclesRepo.ExpectedUnitRow,
): Promise<void> {
  if (verdict.allowed) return;
  if (verdict.reason === 'cycle-not-open') throw cycleNotOpen(cycle);
  if (verdict.reason === 'status') throw notEditable(cycle, unit ?? (await expectedOf(db, report)), report.status);
  throw reportNotFound();
}

export function staleVersion(
  cycle: CyclePeriodFields,
  unit: cyclesRepo.ExpectedUnitRow,
  report: repo.ReportRow,
): AppError {
  const who = report.updatedByName ?? 'người khác';
  const when = formatDateTime(report.updatedAt);
  const name = reportName(cycle, unit);
  return new AppError(
    'CONFLICT',
    msg(
      `${name.vi} vừa được ${who} sửa lúc ${when}; vui lòng tải lại để xem bản mới nhất`,
      `${name.en} was changed by ${who} at ${when} (Vietnam time); reload to see the latest copy`,
    ),
    {
      status: 409,
      issues: [
        {
          path: 'version',
          message: msg(`Phiên bản hiện tại là ${report.version}`, `The current version is ${report.version}`),
        },
      ],
    },
  );
}

/**
 * An upload's check before its body is read (the routes' preHandler): signed in, the report
 * exists and the actor may write it. Unknown and foreign reports answer alike.
 */
export async function checkReportWriter(ctx: Ctx, id: string): Promise<void> {
  requireActor(ctx);
  requireWrite(ctx, await loadReport(ctx.db, id));
}
