// A cycle as its readers see it, and what every cycle use case shares: loading one, the 409s
// of a cycle in the wrong state, and the DTO whose abilities are the policy's verdicts.
import type { CycleDto } from '../../../shared/contracts/reporting.js';
import { lockDate } from '../../../shared/deadlines.js';
import { formatDate } from '../../../shared/format.js';
import { cycleName, periodLabel, periodOf, type PeriodKind } from '../../../shared/periods.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import * as plansRepo from '../plan/index.js';
import * as repo from './cycles.repository.js';
import {
  canCloseCycle,
  canEditDraft,
  canExtendDeadline,
  canOpenCycle,
  canReadCompleteness,
  canRemind,
  canReopenCycle,
  type Verdict,
} from './policy.js';
import { freezeIndicator, iso, toFormIndicatorDto } from './reporting.dto.js';

export const cycleNotFound = () => notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));

/** A cycle with the units acting as its plan's focal department (see the plan's `planFocalUnitIds`). */
export type LoadedCycle = repo.CycleRow & { focalUnitIds: string[] | null };

/**
 * A cycle, or 404, with its plan's focal units (as of the cycle's deadline, so the answer does
 * not move with the clock): the policy lets only their focal officers manage it.
 */
export async function loadCycle(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedCycle> {
  const cycle = await repo.getCycle(db, id, opts);
  if (!cycle) throw cycleNotFound();
  return { ...cycle, focalUnitIds: await plansRepo.planFocalUnitIds(db, cycle.planId, cycle.deadline) };
}

/**
 * 400 on `field` when the plan ended before the cycle's data window starts: an ended plan keeps
 * its cycles and reports, but no cycle of a year after its end is set up or opened.
 */
export function refuseAfterPlanEnd(
  plan: { number: string; endedOn: string | null },
  windowStart: string,
  field: string,
): void {
  if (plan.endedOn && windowStart > plan.endedOn) {
    throw invalidField(
      field,
      msg(
        `kế hoạch ${plan.number} đã kết thúc từ ngày ${formatDate(plan.endedOn)}, trước kỳ số liệu bắt đầu ${formatDate(windowStart)}`,
        `plan ${plan.number} ended on ${plan.endedOn}, before the data window starts`,
      ),
    );
  }
}

/** A cycle's name in messages: "Kỳ báo cáo quý I/2026", "The Q1 2026 reporting cycle" (shared/periods.ts). */
export function cycleLabel(cycle: CyclePeriodFields): { vi: string; en: string } {
  const period = periodOf(cycle);
  return { vi: cycleName(period, 'vi'), en: `The ${periodLabel(period, 'en')} reporting cycle` };
}

/** The columns naming a cycle's period. */
export type CyclePeriodFields = { year: number; periodKind?: PeriodKind | null; periodNumber?: number | null };

/** 409: the cycle is not open (not yet, or closed). */
export function cycleNotOpen(cycle: CyclePeriodFields & { status: string }): AppError {
  const label = cycleLabel(cycle);
  return new AppError(
    'CYCLE_NOT_OPEN',
    msg(
      `${label.vi} ${cycle.status === 'draft' ? 'chưa mở' : 'đã đóng'}`,
      `${label.en} is ${cycle.status === 'draft' ? 'not open yet' : 'closed'}`,
    ),
    { status: 409 },
  );
}

/** 409: the cycle is no longer a draft. */
export function cycleNotDraft(cycle: CyclePeriodFields): AppError {
  const label = cycleLabel(cycle);
  return new AppError(
    'CYCLE_NOT_DRAFT',
    msg(
      `${label.vi} đã mở; danh sách đơn vị và biểu mẫu không còn thay đổi được`,
      `${label.en} is open; its units and form are frozen`,
    ),
    {
      status: 409,
    },
  );
}

/** 409: the cycle is not closed. */
export function cycleNotClosed(cycle: CyclePeriodFields): AppError {
  const label = cycleLabel(cycle);
  return new AppError('CYCLE_NOT_CLOSED', msg(`${label.vi} chưa đóng`, `${label.en} is not closed`), { status: 409 });
}

/**
 * Enforces a cycle ability once the caller holds cycle.manage (requireAccess answered 403
 * otherwise): a refusal for the cycle's status becomes the given 409.
 */
export function enforceCycle(verdict: Verdict<'permission' | 'status'>, wrongStatus: () => AppError): void {
  if (verdict.allowed) return;
  if (verdict.reason === 'status') throw wrongStatus();
  throw new AppError('FORBIDDEN', msg('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'), {
    status: 403,
  });
}

/** 409 unless the cycle is open (for use cases of any role that need an open cycle). */
export function requireOpen(cycle: Pick<repo.CycleRow, 'status' | 'year'>): void {
  if (cycle.status !== 'open') throw cycleNotOpen(cycle);
}

/** The indicator catalogue of a cycle's form: the chosen codes, or every active indicator. */
export async function catalogueFor(db: DbOrTx, codes: string[] | null) {
  const all = await repo.allIndicators(db);
  if (!codes) return all.filter((indicator) => indicator.isActive);
  const byCode = new Map(all.map((indicator) => [indicator.code, indicator]));
  return codes
    .map((code) => byCode.get(code)!)
    .filter(Boolean)
    .sort((a, b) => a.position - b.position);
}

export async function toCycleDto(
  ctx: Ctx,
  row: repo.CycleRow & { focalUnitIds?: string[] | null },
  expectedCount?: number,
): Promise<CycleDto> {
  const actor = ctx.actor;
  const cycle =
    row.focalUnitIds === undefined
      ? { ...row, focalUnitIds: await plansRepo.planFocalUnitIds(ctx.db, row.planId, row.deadline) }
      : row;
  const indicators = cycle.form
    ? cycle.form.indicators
    : (await catalogueFor(ctx.db, cycle.indicatorCodes)).map(freezeIndicator);
  const count = expectedCount ?? (await repo.expectedCounts(ctx.db, [cycle.id])).get(cycle.id) ?? 0;
  let myDeadline: string | null = null;
  let isExpected = false;
  if (actor?.role === 'unit' && actor.orgUnitId) {
    const expected = await repo.getExpected(ctx.db, cycle.id, actor.orgUnitId);
    if (expected && !expected.removedAt) {
      isExpected = true;
      myDeadline = cycle.status === 'draft' ? cycle.deadline : expected.deadline;
    }
  }
  let planVersion: number | null = null;
  if (cycle.planVersionId) {
    const plan = await plansRepo.getPlan(ctx.db, cycle.planId);
    for (let n = plan?.currentVersion ?? 0; n >= 1 && planVersion === null; n--) {
      const version = await plansRepo.getVersion(ctx.db, cycle.planId, n);
      if (version?.id === cycle.planVersionId) planVersion = n;
    }
  }
  return {
    id: cycle.id,
    planId: cycle.planId,
    planVersion,
    year: cycle.year,
    periodKind: cycle.periodKind,
    periodNumber: cycle.periodNumber,
    windowStart: cycle.windowStart,
    windowEnd: cycle.windowEnd,
    deadline: cycle.deadline,
    graceDays: cycle.graceDays,
    lockDate: lockDate(cycle.deadline, cycle.graceDays),
    status: cycle.status,
    openedAt: iso(cycle.openedAt),
    closedAt: iso(cycle.closedAt),
    indicatorCodes: indicators.map((indicator) => indicator.code),
    indicators: indicators.map(toFormIndicatorDto),
    expectedCount: count,
    myDeadline,
    isExpected,
    createdAt: iso(cycle.createdAt)!,
    abilities: {
      canEdit: canEditDraft(actor, cycle).allowed,
      canOpen: canOpenCycle(actor, cycle).allowed,
      canClose: canCloseCycle(actor, cycle).allowed,
      canReopen: canReopenCycle(actor, cycle).allowed,
      canExtend: canExtendDeadline(actor, cycle).allowed,
      canRemind: canRemind(actor, cycle).allowed,
      canReadCompleteness: canReadCompleteness(actor),
    },
  };
}

/** The indicator catalogue (everyone signed in reads it: it is the cycle form's menu). */
export async function listIndicators(ctx: Ctx) {
  requireAccess(ctx, 'cycle.read');
  const rows = await repo.allIndicators(ctx.db);
  return {
    data: rows.map((indicator) => ({
      ...toFormIndicatorDto(freezeIndicator(indicator)),
      isActive: indicator.isActive,
    })),
  };
}

/** Cycles, newest year first. */
export async function listCycles(
  ctx: Ctx,
  query: { planId?: string; year?: number; status?: repo.CycleRow['status'] },
) {
  requireAccess(ctx, 'cycle.read');
  const rows = await repo.listCycles(ctx.db, query);
  const counts = await repo.expectedCounts(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { data: await Promise.all(rows.map((row) => toCycleDto(ctx, row, counts.get(row.id) ?? 0))) };
}

export async function getCycle(ctx: Ctx, id: string): Promise<CycleDto> {
  requireAccess(ctx, 'cycle.read');
  return toCycleDto(ctx, await loadCycle(ctx.db, id));
}
