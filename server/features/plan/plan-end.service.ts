// Ending a plan without a successor: its term ran out, or the People's Committee repealed it.
import type { EndPlanRequest, PlanSummaryDto } from '../../../shared/contracts/plans.js';
import { formatDate, vietnamDate } from '../../../shared/format.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { planFocalUnitIds } from './focus.js';
import * as lineage from './lineage.repository.js';
import * as repo from './plans.repository.js';
import { getPlanSummary } from './plans.service.js';
import { canReplacePlans, isPlanFocalUnit } from './policy.js';

function conflict(path: string, vi: string, en: string): AppError {
  return new AppError('CONFLICT', msg(vi, en), { status: 409, issues: [{ path, message: msg(vi, en) }] });
}

/**
 * Ends a plan from `endedOn` (the plan's focal department, or the administrator — the same
 * people who record a replacement). The plan stays readable with its cycles and reports; from
 * that day it is listed as ended and no cycle whose data window starts after it can be set up.
 * The reason has no column: it is kept in the audit line (`plan.end`), written in the same
 * transaction as the end day. Refused: a day before the plan's date (400 on endedOn), a plan
 * already ended or replaced (409), another account (403).
 */
export async function endPlan(ctx: Ctx, planId: string, input: EndPlanRequest): Promise<PlanSummaryDto> {
  const actor = requireAbility(ctx, canReplacePlans);
  const plan = await repo.getPlan(ctx.db, planId);
  if (!plan) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  const focalIds = await planFocalUnitIds(ctx.db, planId, vietnamDate(ctx.clock.now()));
  if (actor.role === 'focal' && !isPlanFocalUnit(actor, focalIds)) {
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Chỉ cơ quan thường trực của kế hoạch ${plan.number} kết thúc kế hoạch này`,
        `Only the standing agency of plan ${plan.number} ends it`,
      ),
      { status: 403 },
    );
  }
  if (input.endedOn < plan.date) {
    throw invalidField(
      'endedOn',
      msg(
        `ngày kết thúc (${formatDate(input.endedOn)}) trước ngày ban hành kế hoạch ${plan.number} (${formatDate(plan.date)})`,
        `the end day is before plan ${plan.number} was issued`,
      ),
    );
  }
  const alreadyEnded = (endedOn: string) =>
    conflict(
      'endedOn',
      `Kế hoạch ${plan.number} đã kết thúc từ ngày ${formatDate(endedOn)}`,
      `Plan ${plan.number} already ended on ${endedOn}`,
    );
  if (plan.endedOn) throw alreadyEnded(plan.endedOn);
  const replacedBy = (await lineage.listReplacements(ctx.db)).find((r) => r.oldPlanId === planId);
  if (replacedBy) {
    throw conflict(
      'endedOn',
      `Kế hoạch ${plan.number} đã được thay thế từ ngày ${formatDate(replacedBy.fromDate)}; không cần kết thúc`,
      `Plan ${plan.number} is replaced from ${replacedBy.fromDate}; it need not be ended`,
    );
  }
  await ctx.db.transaction(async (tx) => {
    // Two officers ending the plan at once: the second finds the day set and answers 409.
    if (!(await lineage.setEndedOn(tx, planId, input.endedOn))) {
      const now = await repo.getPlan(tx, planId);
      throw alreadyEnded(now?.endedOn ?? input.endedOn);
    }
    await writeAudit(tx, {
      actor,
      action: 'plan.end',
      entityType: 'plan',
      entityId: planId,
      data: { number: plan.number, endedOn: input.endedOn, reason: input.reason },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
  });
  return getPlanSummary(ctx, planId);
}
