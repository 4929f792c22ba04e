// Approving the consolidated draft for signature: the officer says "this is the text the director
// signs". The Word file of that version carries no "DỰ THẢO" mark; any later change (an edit, a
// regeneration) makes a new version, which is a draft again until approved.
import type { ApproveConsolidationRequest, ConsolidationDto } from '../../../shared/contracts/consolidation.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { cycleById } from '../reporting/index.js';
import * as repo from './consolidation.repository.js';
import { cycleNotFound, draftNotFound, toDto } from './consolidation.service.js';
import { canApproveConsolidation } from './policy.js';

/** Approves the draft as it stands (`version`); 409 when it changed meanwhile or cannot be approved. */
export async function approveConsolidation(
  ctx: Ctx,
  cycleId: string,
  input: ApproveConsolidationRequest,
): Promise<ConsolidationDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  const draft = await ctx.db.transaction(async (tx) => {
    const current = await repo.getDraftByCycle(tx, cycleId, { forUpdate: true });
    if (!current) throw draftNotFound();
    if (current.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        msg(
          `Dự thảo đã được ${current.updatedByName ?? 'người khác'} thay đổi (phiên bản ${current.version}); hãy xem lại trước khi duyệt`,
          `The draft was changed by ${current.updatedByName ?? 'someone else'} (version ${current.version}); review it before approving`,
        ),
        { status: 409, issues: [{ path: 'version', message: msg('Phiên bản đã cũ', 'Stale version') }] },
      );
    }
    const verdict = canApproveConsolidation(actor, current);
    if (!verdict.allowed && verdict.reason === 'no-signer') {
      throw new AppError(
        'VALIDATION_ERROR',
        msg(
          'Chưa có họ và tên người ký: hãy nhập trước khi duyệt',
          "The signer's name is missing: enter it before approving",
        ),
        {
          status: 400,
          issues: [{ path: 'settings.signerName', message: msg('Bắt buộc nhập', 'Required') }],
        },
      );
    }
    if (!verdict.allowed) {
      throw new AppError(
        'CONFLICT',
        verdict.reason === 'approved'
          ? msg('Dự thảo này đã được duyệt', 'This draft is already approved')
          : msg('Dự thảo đang được tạo; vui lòng đợi hoàn tất', 'The draft is still being generated'),
        { status: 409 },
      );
    }
    const now = ctx.clock.now();
    // Approving is a change of its own: a new version, the one the file without "DỰ THẢO" is made of.
    const version = current.version + 1;
    const row = await repo.updateDraft(tx, current.id, {
      version,
      approvedVersion: version,
      approvedAt: now,
      approvedByName: actor.name,
      updatedAt: now,
      updatedBy: actor.id,
      updatedByName: actor.name,
    });
    await writeAudit(tx, {
      actor,
      action: 'consolidation.approve',
      entityType: 'consolidation_draft',
      entityId: current.id,
      data: { version, signerName: current.signerName },
      requestId: ctx.requestId,
      at: now,
    });
    return row;
  });
  return toDto(ctx, draft, cycle);
}
