// The focal department fits one unit's form before the cycle opens: adds a plan item the plan
// does not assign to it, or removes one that does not concern it, always with a reason. Each
// change is audited, kept on the expected unit (replayed at opening on the sections computed
// from the plan) and written into the report's first history line.
import type { ChangeUnitSectionsRequest, ExpectedUnitsResponse } from '../../../shared/contracts/reporting.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import * as plansRepo from '../plan/index.js';
import { listExpectedUnits } from './cycle-setup.service.js';
import * as repo from './cycles.repository.js';
import { cycleNotDraft, enforceCycle, loadCycle } from './cycles.service.js';
import { canEditDraft } from './policy.js';
import { applySectionChanges, itemTitle } from './unit-duties.js';

/** Adds or removes one plan item of a unit's form while the cycle is a draft; the reason is logged. */
export async function changeUnitSections(
  ctx: Ctx,
  cycleId: string,
  orgUnitId: string,
  input: ChangeUnitSectionsRequest,
): Promise<ExpectedUnitsResponse> {
  const actor = requireAccess(ctx, 'cycle.manage');
  await ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId, { forUpdate: true });
    enforceCycle(canEditDraft(actor, cycle), () => cycleNotDraft(cycle));
    const expected = await repo.getExpected(tx, cycleId, orgUnitId);
    if (!expected || expected.removedAt) {
      throw notFound(msg('Đơn vị không có trong danh sách phải báo cáo', 'The unit is not expected in this cycle'));
    }
    const version = await plansRepo.currentVersion(tx, cycle.planId, ctx.clock.now());
    if (!version) throw notFound(msg('Kế hoạch chưa có phiên bản', 'The plan has no version'));
    const { items } = await plansRepo.loadItems(tx, version.version.id);
    const item = items.find((candidate) => candidate.key === input.key);
    const has = expected.sections.some((section) => section.key === input.key);
    if (!item || item.kind === 'section' || item.kind === 'text') {
      throw invalidField('key', msg('Mục không có trong kế hoạch hiện hành', 'No such item in the current plan'));
    }
    if (input.action === 'add' && has) {
      throw invalidField(
        'key',
        msg(`${expected.name} đã có mục ${item.key}`, `${expected.name} already has ${item.key}`),
      );
    }
    if (input.action === 'remove' && !has) {
      throw invalidField(
        'key',
        msg(`${expected.name} không có mục ${item.key}`, `${expected.name} has no ${item.key}`),
      );
    }
    const now = ctx.clock.now();
    const change = {
      action: input.action,
      key: item.key,
      label: item.label,
      title: itemTitle(item),
      reason: input.reason,
      at: now.toISOString(),
      actorName: actor.name,
    };
    await repo.updateExpected(tx, cycleId, orgUnitId, {
      sections: applySectionChanges(expected.sections, [change], items),
      sectionChanges: [...expected.sectionChanges, change],
    });
    await writeAudit(tx, {
      actor,
      action: input.action === 'add' ? 'cycle.unit.section.add' : 'cycle.unit.section.remove',
      entityType: 'report_cycle',
      entityId: cycleId,
      data: { orgUnitId, key: item.key, reason: input.reason },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return listExpectedUnits(ctx, cycleId);
}
