// Deadline extensions: one unit's later deadline with a reason the unit sees, granted while the
// cycle is open.
import { periodOf, periodPhrase } from '../../../shared/periods.js';
import type { CreateExtensionRequest, ExtensionDto } from '../../../shared/contracts/reporting.js';
import { formatDate } from '../../../shared/format.js';
import { unitDeadline } from '../../../shared/deadlines.js';
import { routes } from '../../../shared/routes.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg } from '../../lib/errors.js';
import { notifyUnitInApp } from '../notifications/index.js';
import * as repo from './cycles.repository.js';
import { cycleNotOpen, enforceCycle, loadCycle } from './cycles.service.js';
import { canExtendDeadline } from './policy.js';
import { iso, person } from './reporting.dto.js';

function toExtensionDto(extension: Awaited<ReturnType<typeof repo.listExtensions>>[number]): ExtensionDto {
  return {
    id: extension.id,
    cycleId: extension.cycleId,
    orgUnitId: extension.orgUnitId,
    deadline: extension.deadline,
    reason: extension.reason,
    createdAt: iso(extension.createdAt)!,
    createdBy: person(extension.createdBy, extension.createdByName, null),
  };
}

/** Extends one unit's deadline, with a reason the unit sees. */
export async function createExtension(ctx: Ctx, id: string, input: CreateExtensionRequest): Promise<ExtensionDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  return ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, id, { forUpdate: true });
    enforceCycle(canExtendDeadline(actor, cycle), () => cycleNotOpen(cycle));
    const expected = await repo.getExpected(tx, id, input.orgUnitId);
    if (!expected || expected.removedAt)
      throw invalidField(
        'orgUnitId',
        msg('đơn vị không có trong danh sách phải báo cáo của kỳ', 'the unit is not expected in this cycle'),
      );
    if (input.deadline <= cycle.deadline) {
      throw invalidField(
        'deadline',
        msg(
          `hạn gia hạn phải sau hạn chung ${formatDate(cycle.deadline)}`,
          `the extension must be after the deadline ${cycle.deadline}`,
        ),
      );
    }
    const now = ctx.clock.now();
    const row = await repo.insertExtension(tx, {
      cycleId: id,
      orgUnitId: input.orgUnitId,
      deadline: input.deadline,
      reason: input.reason,
      createdAt: now,
      createdBy: actor.id,
      createdByName: actor.name,
    });
    await repo.updateExpected(tx, id, input.orgUnitId, {
      deadline: unitDeadline(cycle.deadline, input.deadline),
      hasExtension: true,
    });
    await notifyUnitInApp(tx, input.orgUnitId, {
      kind: 'extension',
      title: msg(
        `Gia hạn nộp báo cáo ${periodPhrase(periodOf(cycle), 'vi')} đến ${formatDate(input.deadline)}`,
        `The ${periodPhrase(periodOf(cycle), 'en')} report deadline is extended to ${input.deadline}`,
      ),
      body: msg(`Lý do: ${input.reason}`, `Reason: ${input.reason}`),
      link: routes.myReports(),
      at: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'cycle.extension',
      entityType: 'report_cycle',
      entityId: id,
      data: input,
      requestId: ctx.requestId,
      at: now,
    });
    return toExtensionDto(row);
  });
}

/** Extensions of a cycle (a unit officer sees only its own unit's). */
export async function listExtensions(ctx: Ctx, id: string) {
  const actor = requireAccess(ctx, 'cycle.read');
  await loadCycle(ctx.db, id);
  if (actor.role === 'unit') {
    if (!actor.orgUnitId) return { data: [] };
    return { data: (await repo.listExtensions(ctx.db, id, actor.orgUnitId)).map(toExtensionDto) };
  }
  requireAccess(ctx, 'report.read.all');
  return { data: (await repo.listExtensions(ctx.db, id)).map(toExtensionDto) };
}
