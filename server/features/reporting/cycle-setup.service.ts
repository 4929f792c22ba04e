// Setting a cycle up while it is a draft: creating it with the units the plan assigns duties to,
// changing its dates and form, and adding or removing expected units.
import type {
  ChangeExpectedUnitRequest,
  CreateCycleRequest,
  CycleDto,
  ExpectedUnitsResponse,
  UpdateCycleRequest,
} from '../../../shared/contracts/reporting.js';
import { formatDate } from '../../../shared/format.js';
import { periodDefaults, periodIssue, periodLabel, periodPhrase, type Period } from '../../../shared/periods.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import type { FrozenSection } from '../../db/schema/index.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { getUnit, type OrgUnitRow } from '../org-units/index.js';
import * as plansRepo from '../plan/index.js';
import * as repo from './cycles.repository.js';
import { cycleNotDraft, enforceCycle, loadCycle, refuseAfterPlanEnd, toCycleDto } from './cycles.service.js';
import { canEditDraft } from './policy.js';
import { iso, toCycleUnitDto } from './reporting.dto.js';
import { computeExpectedUnits } from './unit-duties.js';

async function checkIndicatorCodes(db: DbOrTx, codes: string[] | undefined): Promise<string[] | null> {
  if (!codes) return null;
  const all = new Set((await repo.allIndicators(db)).map((indicator) => indicator.code));
  const unknown = codes.filter((code) => !all.has(code));
  if (unknown.length) {
    throw invalidField(
      'indicatorCodes',
      msg(
        `chỉ tiêu không có trong danh mục: ${unknown.join(', ')}`,
        `indicators not in the catalogue: ${unknown.join(', ')}`,
      ),
    );
  }
  if (codes.length === 0)
    throw invalidField(
      'indicatorCodes',
      msg('biểu mẫu cần ít nhất một chỉ tiêu', 'the form needs at least one indicator'),
    );
  return [...new Set(codes)];
}

function checkDates(d: { year: number; windowStart: string; windowEnd: string; deadline: string }): void {
  if (d.windowStart > d.windowEnd) {
    throw invalidField(
      'windowEnd',
      msg(
        `ngày kết thúc kỳ số liệu (${formatDate(d.windowEnd)}) trước ngày bắt đầu (${formatDate(d.windowStart)})`,
        'the data window ends before it starts',
      ),
    );
  }
  if (d.deadline < d.windowStart) {
    throw invalidField(
      'deadline',
      msg(
        `hạn nộp (${formatDate(d.deadline)}) trước ngày bắt đầu kỳ số liệu`,
        'the deadline is before the data window starts',
      ),
    );
  }
}

function expectedRow(
  cycleId: string,
  unit: OrgUnitRow,
  sections: FrozenSection[],
  deadline: string,
  source: 'plan' | 'manual',
  reason: string | null,
) {
  return {
    cycleId,
    orgUnitId: unit.id,
    code: unit.code,
    name: unit.name,
    fullName: unit.fullName,
    kind: unit.kind,
    searchText: foldText(`${unit.fullName} ${unit.code}`),
    source,
    reason,
    sections,
    deadline,
  };
}

/**
 * Creates a cycle as a draft, with the expected units proposed from the plan's current
 * version; the focal department reviews the list, then opens the cycle.
 */
export async function createCycle(ctx: Ctx, input: CreateCycleRequest): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const plan = await plansRepo.getPlan(ctx.db, input.planId);
  if (!plan) throw invalidField('planId', msg('không tìm thấy kế hoạch', 'plan not found'));
  const period: Period = { year: input.year, kind: input.periodKind ?? 'year', number: input.periodNumber ?? null };
  const issue = periodIssue(period.kind, period.number);
  if (issue) throw invalidField('periodNumber', msg(issue.vi, issue.en));
  // The period's calendar days, and the deadline the plan's schedule states (shared/periods.ts).
  const defaults = periodDefaults(period, plan.reportingSchedule);
  const dates = {
    year: input.year,
    windowStart: input.windowStart ?? defaults.windowStart,
    windowEnd: input.windowEnd ?? defaults.windowEnd,
    deadline: input.deadline ?? defaults.deadline,
  };
  // Only the plan's own focal department sets its cycles up (the same rule as every cycle ability).
  if (!plansRepo.isPlanFocalUnit(actor, await plansRepo.planFocalUnitIds(ctx.db, plan.id, dates.deadline))) {
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Chỉ cơ quan thường trực của kế hoạch ${plan.number} lập kỳ báo cáo của kế hoạch này`,
        `Only the standing agency of plan ${plan.number} sets up its reporting cycles`,
      ),
      { status: 403 },
    );
  }
  checkDates(dates);
  refuseAfterPlanEnd(plan, dates.windowStart, input.windowStart ? 'windowStart' : 'year');
  const indicatorCodes = await checkIndicatorCodes(ctx.db, input.indicatorCodes);
  const version = (await plansRepo.currentVersion(ctx.db, plan.id, ctx.clock.now()))?.version;
  if (!version) throw notFound(msg('Kế hoạch chưa có phiên bản', 'The plan has no version'));
  const expected = await computeExpectedUnits(ctx.db, version.id, dates.windowStart, dates.windowEnd);
  const cycle = await ctx.db.transaction(async (tx) => {
    if (await repo.getCycleByPlanPeriod(tx, plan.id, period)) {
      const vi = periodPhrase(period, 'vi');
      const en = periodLabel(period, 'en');
      throw invalidField(
        period.kind === 'year' ? 'year' : 'periodNumber',
        msg(
          `Kế hoạch ${plan.number} đã có kỳ báo cáo ${vi}`,
          `Plan ${plan.number} already has a ${en} reporting cycle`,
        ),
      );
    }
    const row = await repo.insertCycle(tx, {
      planId: plan.id,
      year: input.year,
      periodKind: period.kind,
      periodNumber: period.number,
      windowStart: dates.windowStart,
      windowEnd: dates.windowEnd,
      deadline: dates.deadline,
      graceDays: input.graceDays,
      indicatorCodes,
      createdAt: ctx.clock.now(),
      createdBy: actor.id,
    });
    await repo.insertExpected(
      tx,
      [...expected.values()].map((unit) => expectedRow(row.id, unit.unit, unit.sections, row.deadline, 'plan', null)),
    );
    await writeAudit(tx, {
      actor,
      action: 'cycle.create',
      entityType: 'report_cycle',
      entityId: row.id,
      data: {
        ...dates,
        periodKind: period.kind,
        periodNumber: period.number,
        graceDays: input.graceDays,
        expectedUnits: expected.size,
      },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
    return row;
  });
  return toCycleDto(ctx, cycle, expected.size);
}

/** Changes a draft cycle's dates or form. */
export async function updateCycle(ctx: Ctx, id: string, input: UpdateCycleRequest): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const indicatorCodes = input.indicatorCodes ? await checkIndicatorCodes(ctx.db, input.indicatorCodes) : undefined;
  const cycle = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    enforceCycle(canEditDraft(actor, current), () => cycleNotDraft(current));
    const next = {
      year: current.year,
      windowStart: input.windowStart ?? current.windowStart,
      windowEnd: input.windowEnd ?? current.windowEnd,
      deadline: input.deadline ?? current.deadline,
    };
    checkDates(next);
    const row = await repo.updateCycle(tx, id, {
      ...next,
      graceDays: input.graceDays ?? current.graceDays,
      ...(indicatorCodes !== undefined ? { indicatorCodes } : {}),
    });
    await repo.setAllExpectedDeadlines(tx, id, row.deadline);
    await writeAudit(tx, {
      actor,
      action: 'cycle.update',
      entityType: 'report_cycle',
      entityId: id,
      data: input,
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
    return row;
  });
  return toCycleDto(ctx, cycle);
}

async function latestExtensions(db: DbOrTx, cycleId: string) {
  const all = await repo.listExtensions(db, cycleId);
  const latest = new Map<string, (typeof all)[number]>();
  for (const extension of all) if (!latest.has(extension.orgUnitId)) latest.set(extension.orgUnitId, extension);
  return latest;
}

/** The expected units of a cycle with their sections and extensions (and, for the record, those removed). */
export async function listExpectedUnits(ctx: Ctx, id: string): Promise<ExpectedUnitsResponse> {
  requireAccess(ctx, 'report.read.all');
  const cycle = await loadCycle(ctx.db, id);
  const rows = await repo.listExpected(ctx.db, cycle.id);
  const extensions = await latestExtensions(ctx.db, cycle.id);
  return {
    data: rows
      .filter((row) => !row.removedAt)
      .map((row) => {
        const extension = extensions.get(row.orgUnitId);
        return {
          unit: toCycleUnitDto(row),
          source: row.source,
          reason: row.reason,
          sections: row.sections,
          sectionChanges: row.sectionChanges,
          extension: extension
            ? { deadline: extension.deadline, reason: extension.reason, at: iso(extension.createdAt)! }
            : null,
        };
      }),
    removed: rows
      .filter((row) => row.removedAt)
      .map((row) => ({ unit: toCycleUnitDto(row), reason: row.removedReason ?? '', at: iso(row.removedAt)! })),
  };
}

/** Adds or removes a unit before opening; the reason is logged. */
export async function changeExpectedUnit(
  ctx: Ctx,
  id: string,
  input: ChangeExpectedUnitRequest,
): Promise<ExpectedUnitsResponse> {
  const actor = requireAccess(ctx, 'cycle.manage');
  await ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, id, { forUpdate: true });
    enforceCycle(canEditDraft(actor, cycle), () => cycleNotDraft(cycle));
    const existing = await repo.getExpected(tx, id, input.orgUnitId);
    const now = ctx.clock.now();
    if (input.action === 'remove') {
      if (!existing || existing.removedAt) {
        throw invalidField(
          'orgUnitId',
          msg('đơn vị không có trong danh sách phải báo cáo', 'the unit is not in the expected list'),
        );
      }
      await repo.updateExpected(tx, id, input.orgUnitId, { removedAt: now, removedReason: input.reason });
    } else {
      if (existing && !existing.removedAt) {
        throw invalidField(
          'orgUnitId',
          msg(`${existing.name} đã có trong danh sách phải báo cáo`, `${existing.name} is already expected`),
        );
      }
      const unit = await getUnit(tx, input.orgUnitId);
      const valid =
        unit &&
        (!unit.validFrom || unit.validFrom <= cycle.windowEnd) &&
        (!unit.validTo || unit.validTo >= cycle.windowEnd);
      if (!unit || !valid) {
        throw invalidField(
          'orgUnitId',
          msg('đơn vị không tồn tại vào cuối kỳ số liệu', 'the unit does not exist at the end of the data window'),
        );
      }
      if (existing) {
        await repo.updateExpected(tx, id, input.orgUnitId, {
          removedAt: null,
          removedReason: null,
          reason: input.reason,
        });
      } else {
        await repo.insertExpected(tx, [expectedRow(id, unit, [], cycle.deadline, 'manual', input.reason)]);
      }
    }
    await writeAudit(tx, {
      actor,
      action: input.action === 'add' ? 'cycle.unit.add' : 'cycle.unit.remove',
      entityType: 'report_cycle',
      entityId: id,
      data: { orgUnitId: input.orgUnitId, reason: input.reason },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return listExpectedUnits(ctx, id);
}
