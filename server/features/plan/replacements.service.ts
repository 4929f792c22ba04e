// A plan replacing others from a date (the merged province's plan replacing those of the former
// provinces), and a plan's lineage for the pages and the dashboards that join time series.
import type { PlanLineageDto, PlanSummaryDto, ReplacePlansRequest } from '../../../shared/contracts/plans.js';
import { formatDate, vietnamDate } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { planFocalUnitIds } from './focus.js';
import * as lineage from './lineage.repository.js';
import * as repo from './plans.repository.js';
import { getPlanSummary } from './plans.service.js';
import { canReadPlan, canReplacePlans, isPlanFocalUnit } from './policy.js';

const PLAN_NOT_FOUND = msg('Không tìm thấy kế hoạch', 'Plan not found');

function conflict(path: string, vi: string, en: string): AppError {
  return new AppError('CONFLICT', msg(vi, en), { status: 409, issues: [{ path, message: msg(vi, en) }] });
}

/**
 * A plan's lineage: the plans it replaced (and the plans those replaced), and the plans that
 * replaced it, nearest first, each with the day the replacement takes effect. Dashboards and
 * the portal join an indicator's yearly series across these plans where the codes match.
 */
export async function planLineage(db: DbOrTx, planId: string): Promise<PlanLineageDto> {
  const [all, replacements] = await Promise.all([repo.listPlans(db), lineage.listReplacements(db)]);
  const byId = new Map(all.map((p) => [p.id, p]));
  return { planId, ...lineage.walkLineage(planId, replacements, byId) };
}

/** GET /plans/:id/lineage */
export async function getLineage(ctx: Ctx, planId: string): Promise<PlanLineageDto> {
  requireAbility(ctx, canReadPlan);
  if (!(await repo.getPlan(ctx.db, planId))) throw notFound(PLAN_NOT_FOUND);
  return planLineage(ctx.db, planId);
}

/**
 * Records that `planId` replaces the listed plans from `fromDate` (focal department of the new
 * plan, or the administrator; the screen asks to confirm). Each old plan stays readable with
 * its cycles and reports; from that day it is listed as replaced. Refused: the plan itself or an
 * unknown plan (400 on oldPlanIds), a day before the new plan's date (400 on fromDate), a plan
 * already replaced or a loop (409). One audit line per request, in the same transaction.
 */
export async function replacePlans(ctx: Ctx, planId: string, input: ReplacePlansRequest): Promise<PlanSummaryDto> {
  const actor = requireAbility(ctx, canReplacePlans);
  const plan = await repo.getPlan(ctx.db, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const focalIds = await planFocalUnitIds(ctx.db, planId, vietnamDate(ctx.clock.now()));
  if (actor.role === 'focal' && !isPlanFocalUnit(actor, focalIds)) {
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Chỉ cơ quan thường trực của kế hoạch ${plan.number} ghi nhận việc thay thế`,
        `Only the standing agency of plan ${plan.number} records a replacement`,
      ),
      { status: 403 },
    );
  }
  const ids = [...new Set(input.oldPlanIds)];
  if (ids.includes(planId)) {
    throw invalidField('oldPlanIds', msg('một kế hoạch không thể thay thế chính nó', 'a plan cannot replace itself'));
  }
  if (input.fromDate < plan.date) {
    throw invalidField(
      'fromDate',
      msg(
        `ngày bắt đầu thay thế (${formatDate(input.fromDate)}) trước ngày ban hành kế hoạch ${plan.number} (${formatDate(plan.date)})`,
        `the replacement starts before plan ${plan.number} was issued`,
      ),
    );
  }
  await ctx.db.transaction(async (tx) => {
    const olds = await lineage.plansByIds(tx, ids);
    const unknown = ids.filter((id) => !olds.some((p) => p.id === id));
    if (unknown.length) {
      throw invalidField(
        'oldPlanIds',
        msg(`không tìm thấy kế hoạch: ${unknown.join(', ')}`, `plans not found: ${unknown.join(', ')}`),
      );
    }
    const replacements = await lineage.listReplacements(tx);
    const all = new Map((await repo.listPlans(tx)).map((p) => [p.id, p]));
    for (const old of olds) {
      const existing = replacements.find((r) => r.oldPlanId === old.id);
      if (existing) {
        const by = all.get(existing.newPlanId);
        throw conflict(
          'oldPlanIds',
          `Kế hoạch ${old.number} đã được thay thế bởi kế hoạch ${by?.number ?? ''} từ ngày ${formatDate(existing.fromDate)}`,
          `Plan ${old.number} is already replaced by plan ${by?.number ?? ''}`,
        );
      }
    }
    const { successors } = lineage.walkLineage(planId, replacements, all);
    const loop = olds.find((old) => successors.some((s) => s.planId === old.id));
    if (loop) {
      throw conflict(
        'oldPlanIds',
        `Kế hoạch ${loop.number} đã thay thế kế hoạch ${plan.number}; không thể thay thế ngược lại`,
        `Plan ${loop.number} already replaces plan ${plan.number}; the reverse is refused`,
      );
    }
    await lineage.insertReplacements(
      tx,
      olds.map((old) => ({
        newPlanId: planId,
        oldPlanId: old.id,
        fromDate: input.fromDate,
        note: input.note,
        createdBy: actor.id,
        createdAt: ctx.clock.now(),
      })),
    );
    await writeAudit(tx, {
      actor,
      action: 'plan.replace',
      entityType: 'plan',
      entityId: planId,
      data: {
        number: plan.number,
        replaces: olds.map((old) => ({ id: old.id, number: old.number })),
        fromDate: input.fromDate,
        note: input.note,
      },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
  });
  return getPlanSummary(ctx, planId);
}
