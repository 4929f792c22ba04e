import type { AmendmentChange, AmendmentDto, CreateAmendmentRequest } from '../../../shared/contracts/amendments.js';
import { routes } from '../../../shared/routes.js';
import type { DbOrTx } from '../../db/client.js';
import type { StoredChange } from '../../db/schema/feedback.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { notifyRole } from '../notifications/index.js';
import { existingUnitIds } from '../org-units/index.js';
import { citations } from './citations.js';
import { AMENDMENT_NOT_FOUND, loadPlanOr404, PLAN_NOT_FOUND, wrongStatus } from './amendment-common.js';
import * as repo from './amendments.repository.js';
import { getAmendment, toAmendmentDtos } from './amendments.service.js';
import { latestVersion } from './plan-refs.repository.js';
import { loadItems } from './plans.repository.js';
import { requestsTargets, resolveTargetChange, targetConflict } from './target-changes.js';
import { indicatorNames, loadTargets } from './targets.repository.js';
import { canEditAmendment, canProposeAmendments, canSubmitAmendment } from './policy.js';

/**
 * Checks every change against the plan's current version and resolves item ids to their
 * stable keys; an unknown item or unit answers 400 naming `changes.N.itemId` and the like.
 */
async function resolveChanges(db: DbOrTx, planId: string, changes: AmendmentChange[]) {
  const current = await latestVersion(db, planId);
  if (!current) throw notFound(PLAN_NOT_FOUND);
  const { items } = await loadItems(db, current.version.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const unitIds = await existingUnitIds(
    db,
    changes.flatMap((change) => (change.assignments ?? []).map((assignment) => assignment.orgUnitId)),
  );
  const seen = new Set<string>();
  const stored: StoredChange[] = [];
  const targets = requestsTargets(changes) ? await loadTargets(db, current.version.id) : [];
  const catalogue = requestsTargets(changes) ? await indicatorNames(db) : new Map();
  const seenTargets = new Set<string>();
  const unknownItem = (path: string) =>
    invalidField(
      path,
      msg('Mục kế hoạch không tồn tại trong phiên bản hiện hành', 'No such item in the current version of the plan'),
    );

  for (const [n, requested] of changes.entries()) {
    const at = `changes.${n}`;
    if (requested.target) {
      stored.push(resolveTargetChange(at, requested, targets, catalogue, seenTargets));
      continue;
    }
    for (const [m, assignment] of (requested.assignments ?? []).entries()) {
      if (!unitIds.has(assignment.orgUnitId))
        throw invalidField(`${at}.assignments.${m}.orgUnitId`, msg('Đơn vị không tồn tại', 'Unknown unit'));
    }
    const assignments = requested.assignments
      ? requested.assignments.map((assignment) => ({ orgUnitId: assignment.orgUnitId, role: assignment.role }))
      : null;
    if (requested.op === 'add') {
      if (requested.itemId)
        throw invalidField(
          `${at}.itemId`,
          msg('Mục thêm mới không có itemId; dùng parentId', 'An added item has no itemId; use parentId'),
        );
      let parentKey: string | null = null;
      if (requested.parentId) {
        const parent = byId.get(requested.parentId);
        if (!parent) throw unknownItem(`${at}.parentId`);
        parentKey = parent.key;
      }
      if (!requested.kind) throw invalidField(`${at}.kind`, msg('Cần chọn loại mục', 'Kind is required'));
      if (!requested.label)
        throw invalidField(
          `${at}.label`,
          msg('Cần nhập số thứ tự của mục (ví dụ "8." hoặc "-")', 'Label is required (e.g. "8." or "-")'),
        );
      if (!requested.title && !requested.text)
        throw invalidField(`${at}.text`, msg('Cần nhập tiêu đề hoặc nội dung', 'A title or text is required'));
      stored.push({
        op: 'add',
        itemKey: null,
        parentKey,
        kind: requested.kind,
        label: requested.label,
        title: requested.title ?? null,
        text: requested.text ?? null,
        assignments,
        newKey: null,
      });
      continue;
    }
    if (!requested.itemId) throw invalidField(`${at}.itemId`, msg('Cần chọn mục kế hoạch', 'itemId is required'));
    const item = byId.get(requested.itemId);
    if (!item) throw unknownItem(`${at}.itemId`);
    if (seen.has(item.key))
      throw invalidField(
        `${at}.itemId`,
        msg('Mục này đã có một thay đổi khác trong đề xuất', 'This item already has another change'),
      );
    seen.add(item.key);
    if (requested.op === 'remove') {
      stored.push({
        op: 'remove',
        itemKey: item.key,
        parentKey: null,
        kind: null,
        label: null,
        assignments: null,
        newKey: null,
      });
      continue;
    }
    if (requested.parentId)
      throw invalidField(
        `${at}.parentId`,
        msg('Không thể chuyển mục sang mục cha khác', 'Moving an item is not supported'),
      );
    const update: StoredChange = {
      op: 'update',
      itemKey: item.key,
      parentKey: null,
      kind: requested.kind ?? null,
      label: requested.label ?? null,
      assignments,
      newKey: null,
    };
    if (requested.title !== undefined) update.title = requested.title;
    if (requested.text !== undefined) update.text = requested.text;
    if (!update.kind && !update.label && update.title === undefined && update.text === undefined && !assignments) {
      throw invalidField(at, msg('Thay đổi không có nội dung nào', 'The change changes nothing'));
    }
    stored.push(update);
  }
  return { stored, version: current.plan.currentVersion };
}

async function checkLinks(db: DbOrTx, input: CreateAmendmentRequest) {
  const knownFeedback = await citations().existingFeedbackIds(db, input.feedbackIds);
  for (const [i, id] of input.feedbackIds.entries()) {
    if (!knownFeedback.has(id))
      throw invalidField(`feedbackIds.${i}`, msg('Ý kiến phản ánh không tồn tại', 'Unknown feedback item'));
  }
  const ids = input.guidanceDocumentIds ?? [];
  const knownGuidance = new Set((await citations().guidanceRefs(db, ids)).map((document) => document.id));
  for (const [i, id] of ids.entries()) {
    if (!knownGuidance.has(id))
      throw invalidField(
        `guidanceDocumentIds.${i}`,
        msg('Văn bản hướng dẫn không tồn tại', 'Unknown guidance document'),
      );
  }
}

/** The focal department drafts a proposal against the plan's current version. */
export async function createAmendment(ctx: Ctx, planId: string, input: CreateAmendmentRequest): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canProposeAmendments);
  await loadPlanOr404(ctx.db, planId);
  const { stored, version } = await resolveChanges(ctx.db, planId, input.changes);
  await checkLinks(ctx.db, input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertAmendment(tx, {
      planId,
      basedOnVersion: version,
      summary: input.summary,
      reasoning: input.reasoning,
      changes: stored,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceLinks(tx, created.id, input.feedbackIds, input.guidanceDocumentIds ?? []);
    await citations().recordAmendmentLink(tx, {
      feedbackIds: input.feedbackIds,
      amendmentId: created.id,
      summary: input.summary,
      actor,
      at: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'amendment.create',
      entityType: 'amendment_proposal',
      entityId: created.id,
      requestId: ctx.requestId,
      at: now,
      data: { planId, changes: stored.length, feedbackIds: input.feedbackIds },
    });
    return created;
  });
  return (await toAmendmentDtos(ctx.db, actor, [row]))[0];
}

/** Rewrites a draft (PATCH): same body as creation. */
export async function updateAmendment(
  ctx: Ctx,
  planId: string,
  id: string,
  input: CreateAmendmentRequest,
): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canProposeAmendments);
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row) throw notFound(AMENDMENT_NOT_FOUND);
  if (!canEditAmendment(actor, row)) throw wrongStatus(row, msg('sửa', 'edited'));
  const { stored, version } = await resolveChanges(ctx.db, planId, input.changes);
  await checkLinks(ctx.db, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, {
      summary: input.summary,
      reasoning: input.reasoning,
      changes: stored,
      basedOnVersion: version,
      updatedAt: now,
    });
    await repo.replaceLinks(tx, id, input.feedbackIds, input.guidanceDocumentIds ?? []);
    await writeAudit(tx, {
      actor,
      action: 'amendment.update',
      entityType: 'amendment_proposal',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: { changes: stored.length, feedbackIds: input.feedbackIds },
    });
  });
  return getAmendment(ctx, planId, id);
}

/** Checks a proposal still applies to the plan as it stands (another amendment may have been approved since). */
async function checkStillApplies(db: DbOrTx, row: repo.AmendmentRow) {
  const current = await latestVersion(db, row.planId);
  const { items } = current ? await loadItems(db, current.version.id) : { items: [] };
  const keys = new Set(items.map((i) => i.key));
  const targetCodes = new Set(current ? (await loadTargets(db, current.version.id)).map((t) => t.indicatorCode) : []);
  for (const [n, change] of row.changes.entries()) {
    if (change.target) {
      const has = targetCodes.has(change.target.indicatorCode);
      if (change.op === 'add' ? has : !has) throw targetConflict(change.target.indicatorCode, n, has);
      continue;
    }
    const key = change.op === 'add' ? change.parentKey : change.itemKey;
    if (key && !keys.has(key)) {
      throw new AppError(
        'CONFLICT',
        msg(
          `Mục ${key} không còn trong phiên bản hiện hành của kế hoạch; cần soạn lại đề xuất`,
          `Item ${key} is no longer in the current plan version; redraft the proposal`,
        ),
        {
          status: 409,
          issues: [
            {
              path: `changes.${n}.${change.op === 'add' ? 'parentId' : 'itemId'}`,
              message: msg('Mục không còn tồn tại', 'Item no longer exists'),
            },
          ],
        },
      );
    }
  }
}

/** The focal department submits a draft to the leaders. */
export async function submitAmendment(ctx: Ctx, planId: string, id: string): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canProposeAmendments);
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row) throw notFound(AMENDMENT_NOT_FOUND);
  if (!canSubmitAmendment(actor, row)) throw wrongStatus(row, msg('trình', 'submitted'));
  await checkStillApplies(ctx.db, row);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, {
      status: 'submitted',
      submittedAt: now,
      submittedById: actor.id,
      updatedAt: now,
    });
    await notifyRole(tx, ctx, 'leader', {
      kind: 'amendment.submitted',
      title: msg('Đề xuất sửa đổi kế hoạch chờ phê duyệt', 'A plan amendment awaits approval'),
      body: msg(row.summary, row.summary),
      link: routes.amendment(id),
      at: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'amendment.submit',
      entityType: 'amendment_proposal',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: { from: 'draft', to: 'submitted' },
    });
  });
  return getAmendment(ctx, planId, id);
}
