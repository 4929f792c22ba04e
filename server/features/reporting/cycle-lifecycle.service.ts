// A cycle's life after its setup: opening it (which freezes its form and units and creates every
// expected unit's report), closing it, and opening a closed cycle again.
import type { CycleDto } from '../../../shared/contracts/reporting.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { getUnit } from '../org-units/index.js';
import * as plansRepo from '../plan/index.js';
import * as repo from './cycles.repository.js';
import {
  catalogueFor,
  cycleLabel,
  cycleNotClosed,
  cycleNotDraft,
  cycleNotOpen,
  enforceCycle,
  loadCycle,
  refuseAfterPlanEnd,
  toCycleDto,
} from './cycles.service.js';
import { canCloseCycle, canOpenCycle, canReopenCycle } from './policy.js';
import { freezeIndicator, iso } from './reporting.dto.js';
import * as reportsRepo from './reports.repository.js';
import { applySectionChanges, computeExpectedUnits, describeSectionChanges } from './unit-duties.js';

/**
 * Creates the reports of the given units of a cycle, those that have none yet, each with its
 * 'create' history line and audit line: every expected unit's report exists from the opening, so
 * opening a report never writes.
 */
async function createUnitReports(
  tx: DbOrTx,
  ctx: Ctx,
  actor: Actor,
  cycleId: string,
  orgUnitIds: string[],
  at: Date,
  reasons: Map<string, string> = new Map(),
): Promise<number> {
  const created = await reportsRepo.createReports(tx, cycleId, orgUnitIds, at);
  await reportsRepo.insertEvents(
    tx,
    created.map((report) => ({
      reportId: report.id,
      at,
      actorId: actor.id,
      actorName: actor.name,
      actorEmail: actor.email,
      action: 'create' as const,
      reason: reasons.get(report.orgUnitId) ?? null,
      version: report.version,
    })),
  );
  for (const report of created) {
    await writeAudit(tx, {
      actor,
      action: 'report.create',
      entityType: 'report',
      entityId: report.id,
      data: { cycleId, orgUnitId: report.orgUnitId },
      requestId: ctx.requestId,
      at,
    });
  }
  return created.length;
}

/**
 * Opens the cycle: freezes the form (indicators from the catalogue), the plan version, and the
 * expected units with their names and sections as of now. Later changes to units or the
 * catalogue never change an open cycle.
 */
export async function openCycle(ctx: Ctx, id: string): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const cycle = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    enforceCycle(canOpenCycle(actor, current), () => cycleNotDraft(current));
    const plan = await plansRepo.getPlan(tx, current.planId);
    if (plan) refuseAfterPlanEnd(plan, current.windowStart, 'windowStart');
    const version = (await plansRepo.currentVersion(tx, current.planId, ctx.clock.now()))?.version;
    if (!version) throw notFound(msg('Kế hoạch chưa có phiên bản', 'The plan has no version'));
    const rows = await repo.listExpected(tx, id, { activeOnly: true });
    if (rows.length === 0) {
      throw new AppError(
        'VALIDATION_ERROR',
        msg(
          `${cycleLabel(current).vi} chưa có đơn vị nào phải báo cáo`,
          `${cycleLabel(current).en} has no expected unit`,
        ),
      );
    }
    const indicators = (await catalogueFor(tx, current.indicatorCodes)).map(freezeIndicator);
    // Sections and names as of the opening (the plan may have been amended since the draft).
    // The focal department's changes to a unit's sections are replayed on them, by item key.
    const fresh = await computeExpectedUnits(tx, version.id, current.windowStart, current.windowEnd);
    const { items } = await plansRepo.loadItems(tx, version.id);
    const reasons = new Map<string, string>();
    for (const row of rows) {
      const planned = fresh.get(row.orgUnitId);
      const unit = planned?.unit ?? (await getUnit(tx, row.orgUnitId));
      if (row.sectionChanges.length) reasons.set(row.orgUnitId, describeSectionChanges(row.sectionChanges));
      await repo.updateExpected(tx, id, row.orgUnitId, {
        sections: applySectionChanges(planned?.sections ?? row.sections, row.sectionChanges, items),
        name: unit?.name ?? row.name,
        fullName: unit?.fullName ?? row.fullName,
        searchText: foldText(`${unit?.fullName ?? row.fullName} ${row.code}`),
        deadline: current.deadline,
      });
    }
    const now = ctx.clock.now();
    const row = await repo.updateCycle(tx, id, {
      status: 'open',
      form: { indicators },
      planVersionId: version.id,
      openedAt: now,
      openedBy: actor.id,
    });
    await createUnitReports(
      tx,
      ctx,
      actor,
      id,
      rows.map((expected) => expected.orgUnitId),
      now,
      reasons,
    );
    await writeAudit(tx, {
      actor,
      action: 'cycle.open',
      entityType: 'report_cycle',
      entityId: id,
      data: {
        expectedUnits: rows.length,
        indicators: indicators.map((indicator) => indicator.code),
        planVersion: version.number,
      },
      requestId: ctx.requestId,
      at: now,
    });
    return row;
  });
  return toCycleDto(ctx, cycle);
}

/**
 * Closes an open cycle (`closed: true`): from now on no unit saves or submits and no extension is
 * granted, however late its deadline; submitted reports can still be accepted. Or opens a closed
 * cycle again (`closed: false`, a cycle closed by mistake). Either way logged.
 */
export async function setCycleClosed(ctx: Ctx, id: string, closed: boolean): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    if (closed) enforceCycle(canCloseCycle(actor, current), () => cycleNotOpen(current));
    else enforceCycle(canReopenCycle(actor, current), () => cycleNotClosed(current));
    const now = ctx.clock.now();
    const updated = await repo.updateCycle(
      tx,
      id,
      closed
        ? { status: 'closed', closedAt: now, closedBy: actor.id }
        : { status: 'open', closedAt: null, closedBy: null },
    );
    await writeAudit(tx, {
      actor,
      action: closed ? 'cycle.close' : 'cycle.reopen',
      entityType: 'report_cycle',
      entityId: id,
      data: { year: current.year, ...(closed ? {} : { closedAt: iso(current.closedAt) }) },
      requestId: ctx.requestId,
      at: now,
    });
    return updated;
  });
  return toCycleDto(ctx, row);
}
