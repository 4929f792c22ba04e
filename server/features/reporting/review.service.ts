// The focal department's review: returning a report with a reason, accepting one or many.
// Each in a transaction that locks the report row (FOR UPDATE) while it checks and changes it.
import { periodOf, periodPhrase } from '../../../shared/periods.js';
import { getAgencySettings } from '../settings/index.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { STATUS_LABELS } from '../../../shared/reporting-rules.js';
import { routes } from '../../../shared/routes.js';
import { forbidden, requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, type Message } from '../../lib/errors.js';
import { notifyUnit } from '../notifications/index.js';
import { loadCycle } from './cycles.service.js';
import { canAcceptReport, canReturnReport } from './policy.js';
import { expectedOf, loadReport, reportName, requireReview } from './report-access.js';
import { reportDtoById } from './report-read.service.js';
import * as repo from './reports.repository.js';

/** Returns a submitted report to its unit with a reason the unit sees. */
export async function returnReport(ctx: Ctx, id: string, reason: string): Promise<ReportDto> {
  const row = await ctx.db.transaction(async (tx) => {
    const report = await loadReport(tx, id, { forUpdate: true });
    const actor = requireReview(ctx, report);
    const cycle = await loadCycle(tx, report.cycleId);
    const name = reportName(cycle, await expectedOf(tx, report));
    const verdict = canReturnReport(actor, report, cycle);
    if (!verdict.allowed && verdict.reason === 'permission') throw forbidden();
    if (!verdict.allowed && verdict.reason === 'cycle-closed') {
      throw new AppError(
        'CYCLE_NOT_OPEN',
        msg(
          `Kỳ báo cáo ${periodPhrase(periodOf(cycle), 'vi')} đã đóng: đơn vị không gửi lại được nên không trả lại báo cáo; vẫn có thể tiếp nhận`,
          `The ${periodPhrase(periodOf(cycle), 'en')} cycle is closed: a returned report could not be sent again; it can still be accepted`,
        ),
        { status: 409 },
      );
    }
    if (!verdict.allowed) {
      throw new AppError(
        'REPORT_NOT_RETURNABLE',
        msg(
          `${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không trả lại được`,
          `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be returned`,
        ),
        { status: 409 },
      );
    }
    return recordDecision(tx, ctx, actor, report, {
      status: 'returned',
      reason,
      notice: {
        kind: 'report.returned',
        title: msg(`${name.vi} bị trả lại`, `${name.en} was returned`),
        body: msg(`Lý do: ${reason}`, `Reason: ${reason}`),
      },
    });
  });
  return reportDtoById(ctx, row.id);
}

/**
 * A review decision, once checked: the report's new status and version, its history line, the
 * unit's notice linking to the report, and the audit line — the same four steps for both verdicts.
 */
async function recordDecision(
  tx: DbOrTx,
  ctx: Ctx,
  actor: Actor,
  report: repo.ReportRow,
  decision: {
    status: 'returned' | 'accepted';
    reason?: string;
    notice: { kind: 'report.returned' | 'report.accepted'; title: Message; body: Message };
  },
): Promise<repo.ReportRow> {
  const now = ctx.clock.now();
  const returned = decision.status === 'returned';
  const updated = await repo.updateReport(tx, report.id, {
    status: decision.status,
    version: report.version + 1,
    ...(returned ? { returnReason: decision.reason } : { acceptedAt: now }),
    updatedAt: now,
  });
  await repo.insertEvent(tx, {
    reportId: report.id,
    at: now,
    actorId: actor.id,
    actorName: actor.name,
    actorEmail: actor.email,
    action: returned ? 'return' : 'accept',
    ...(returned ? { reason: decision.reason } : {}),
    version: updated.version,
  });
  await notifyUnit(tx, ctx, report.orgUnitId, { ...decision.notice, link: routes.report(report.id), at: now });
  await writeAudit(tx, {
    actor,
    action: returned ? 'report.return' : 'report.accept',
    entityType: 'report',
    entityId: report.id,
    data: returned ? { reason: decision.reason, version: updated.version } : { version: updated.version },
    requestId: ctx.requestId,
    at: now,
  });
  return updated;
}

/** The body of the "accepted" notice: who accepted it (the focal department keeps its Vietnamese name). */
async function acceptedBody(tx: DbOrTx) {
  const department = (await getAgencySettings(tx)).focalDepartment.name;
  return msg(`${department} đã tiếp nhận báo cáo.`, `${department} accepted the report.`);
}

async function acceptOne(ctx: Ctx, id: string): Promise<repo.ReportRow> {
  return ctx.db.transaction(async (tx) => {
    const report = await loadReport(tx, id, { forUpdate: true });
    const actor = requireReview(ctx, report);
    const cycle = await loadCycle(tx, report.cycleId);
    const name = reportName(cycle, await expectedOf(tx, report));
    const verdict = canAcceptReport(actor, report, cycle);
    if (!verdict.allowed && verdict.reason === 'permission') throw forbidden();
    if (!verdict.allowed) {
      throw new AppError(
        'REPORT_NOT_ACCEPTABLE',
        msg(
          `${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không tiếp nhận được`,
          `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be accepted`,
        ),
        { status: 409 },
      );
    }
    return recordDecision(tx, ctx, actor, report, {
      status: 'accepted',
      notice: {
        kind: 'report.accepted',
        title: msg(`${name.vi} đã được tiếp nhận`, `${name.en} was accepted`),
        body: await acceptedBody(tx),
      },
    });
  });
}

export async function acceptReport(ctx: Ctx, id: string): Promise<ReportDto> {
  return reportDtoById(ctx, (await acceptOne(ctx, id)).id);
}

/** Accepts many reports; each in its own transaction, each failure named. */
export async function bulkAccept(ctx: Ctx, ids: string[]) {
  requireAccess(ctx, 'report.review');
  const accepted: string[] = [];
  const failed: Array<{ id: string; code: string; message: string }> = [];
  for (const id of new Set(ids)) {
    try {
      await acceptOne(ctx, id);
      accepted.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ id, code: err.code, message: err.messages[ctx.lang] });
    }
  }
  return { accepted, failed };
}
