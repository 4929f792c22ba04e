import type { TargetDto, TargetListResponse } from '../../../shared/contracts/targets.js';
import { computeTargetValue } from '../../../shared/targets.js';
import { vietnamDate } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { currentVersion } from './plan-refs.repository.js';
import { defaultPublicPlanId } from './lineage.repository.js';
import { getPlan, getVersion } from './plans.repository.js';
import { canReadPlan } from './policy.js';
import { loadTargets, type TargetRow } from './targets.repository.js';

const PLAN_NOT_FOUND = msg('Không tìm thấy kế hoạch', 'Plan not found');

/** A stored target as read: the baseline, the target (value or change), and the target value when it can be known. */
export function toTargetDto(t: TargetRow): TargetDto {
  return {
    indicatorCode: t.indicatorCode,
    indicatorName: t.indicatorName,
    indicatorNameEn: t.indicatorNameEn,
    indicatorUnit: t.indicatorUnit,
    baseline: { year: t.baselineYear, value: t.baselineValue },
    target: {
      year: t.targetYear,
      value: t.targetValue,
      change: t.changeKind !== null && t.changeAmount !== null ? { kind: t.changeKind, amount: t.changeAmount } : null,
    },
    direction: t.direction,
    source: t.source,
    targetValue: computeTargetValue(t),
  };
}

/**
 * The targets of a plan's version in force at `at` (default now; a Vietnamese calendar day, as
 * for the plan itself). Empty when the plan has none; undefined when there is no such plan.
 */
export async function targetsInForce(db: DbOrTx, planId: string, at: Date = new Date()): Promise<TargetDto[]> {
  const row = await currentVersion(db, planId, at);
  if (!row) return [];
  return (await loadTargets(db, row.version.id)).map(toTargetDto);
}

/**
 * The targets in force of the plan the portal shows (`planId`, or the plan `getPublicPlan`
 * chooses); null when there is no plan.
 */
export async function publicTargets(
  db: DbOrTx,
  at: Date = new Date(),
  planId?: string,
): Promise<TargetListResponse | null> {
  const id = planId ?? (await defaultPublicPlanId(db, vietnamDate(at)));
  if (!id) return null;
  const row = await currentVersion(db, id, at);
  if (!row) return null;
  return {
    planId: id,
    version: row.version.number,
    data: (await loadTargets(db, row.version.id)).map(toTargetDto),
  };
}

/** GET /plans/:id/targets: the targets of the version in force, or of `version`. */
export async function listTargets(ctx: Ctx, planId: string, versionNumber?: number): Promise<TargetListResponse> {
  requireAbility(ctx, canReadPlan);
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const version =
    versionNumber === undefined
      ? (await currentVersion(ctx.db, planId, ctx.clock.now()))?.version
      : await getVersion(ctx.db, planId, versionNumber);
  if (!version)
    throw notFound(
      msg(
        `Kế hoạch không có phiên bản ${versionNumber ?? ''}`.trim(),
        `The plan has no version ${versionNumber ?? ''}`,
      ),
    );
  return { planId, version: version.number, data: (await loadTargets(ctx.db, version.id)).map(toTargetDto) };
}
