import { randomUUID } from 'node:crypto';
import type {
  AmendmentDto,
  ApproveAmendmentRequest,
  RejectAmendmentRequest,
} from '../../../shared/contracts/amendments.js';
import { formatDate } from '../../../shared/format.js';
import { foldText } from '../../../shared/text.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { citations } from './citations.js';
import { AMENDMENT_NOT_FOUND, PLAN_NOT_FOUND, wrongStatus } from './amendment-common.js';
import * as repo from './amendments.repository.js';
import { getAmendment } from './amendments.service.js';
import { applyChanges, applyTargetChanges, type PlanNode } from './apply-changes.js';
import { insertTargets, loadTargets, type TargetRow } from './targets.repository.js';
import { latestVersion } from './plan-refs.repository.js';
import { loadItems } from './plans.repository.js';
import { canDecideAmendment, canDecideAmendments } from './policy.js';

/** The stored fields of a target, without its indicator's names (for the audit line). */
function definitionOf(t: TargetRow) {
  const { indicatorCode: _c, indicatorName: _n, indicatorNameEn: _e, indicatorUnit: _u, ...definition } = t;
  return definition;
}

/** A leader rejects a submitted proposal with a comment. */
export async function rejectAmendment(
  ctx: Ctx,
  planId: string,
  id: string,
  input: RejectAmendmentRequest,
): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canDecideAmendments);
  const row = await repo.getAmendment(ctx.db, planId, id);
  // A draft is not before the leaders yet: it does not exist for them.
  if (!row || row.status === 'draft') throw notFound(AMENDMENT_NOT_FOUND);
  if (!canDecideAmendment(actor, row)) throw wrongStatus(row, msg('từ chối', 'rejected'));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, {
      status: 'rejected',
      decidedAt: now,
      decidedById: actor.id,
      decisionComment: input.comment,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'amendment.reject',
      entityType: 'amendment_proposal',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: { from: 'submitted', to: 'rejected', comment: input.comment },
    });
  });
  return getAmendment(ctx, planId, id);
}

/**
 * A version comes into force on or after its document's date, and never before the version it
 * builds on (versions come into force in their order).
 */
function checkEffectiveDate(effectiveDate: string, documentDate: string, previous: string): void {
  if (effectiveDate < documentDate) {
    throw invalidField(
      'effectiveDate',
      msg(
        `Ngày hiệu lực (${formatDate(effectiveDate)}) trước ngày ban hành văn bản (${formatDate(documentDate)})`,
        'The effective date is before the document date',
      ),
    );
  }
  if (effectiveDate < previous) {
    throw invalidField(
      'effectiveDate',
      msg(
        `Ngày hiệu lực (${formatDate(effectiveDate)}) trước ngày hiệu lực của phiên bản trước (${formatDate(previous)})`,
        'The effective date is before that of the previous version',
      ),
    );
  }
}

/**
 * A leader approves a submitted proposal with the amending document's number and date. In one
 * transaction: version N+1 is made as a full copy of version N (new ids, same keys, parents
 * remapped) with the changes applied, the plan's latest version moves to it (in force from its
 * effective date, `inForceNumber`), the cited
 * feedback items are marked as answered by this amendment, and every step is audited.
 */
export async function approveAmendment(
  ctx: Ctx,
  planId: string,
  id: string,
  input: ApproveAmendmentRequest,
): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canDecideAmendments);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.getAmendment(tx, planId, id);
    // A draft is not before the leaders yet: it does not exist for them.
    if (!row || row.status === 'draft') throw notFound(AMENDMENT_NOT_FOUND);
    if (!canDecideAmendment(actor, row)) throw wrongStatus(row, msg('phê duyệt', 'approved'));
    const currentNumber = await repo.lockPlan(tx, planId);
    const current = await latestVersion(tx, planId);
    if (!current || currentNumber === undefined) throw notFound(PLAN_NOT_FOUND);
    const { items, assignments } = await loadItems(tx, current.version.id);
    const keyById = new Map(items.map((i) => [i.id, i.key]));
    const nodes: PlanNode[] = items.map((i) => ({
      key: i.key,
      parentKey: i.parentId ? (keyById.get(i.parentId) ?? null) : null,
      kind: i.kind,
      label: i.label,
      title: i.title,
      text: i.text,
      assignments: assignments
        .filter(({ a: assignment }) => assignment.itemId === i.id)
        .map(({ a: assignment }) => ({
          orgUnitId: assignment.orgUnitId,
          unitGroup: assignment.unitGroup,
          role: assignment.role,
        })),
    }));
    const nextNumber = current.plan.currentVersion + 1;
    const effectiveDate = input.effectiveDate ?? input.documentDate;
    checkEffectiveDate(effectiveDate, input.documentDate, current.version.effectiveDate);
    const applied = applyChanges(nodes, row.changes, nextNumber);
    const targetsBefore = await loadTargets(tx, current.version.id);
    const targets = applyTargetChanges(targetsBefore, row.changes);

    const version = await repo.insertVersion(tx, {
      planId,
      number: nextNumber,
      effectiveDate,
      documentNumber: input.documentNumber,
      documentDate: input.documentDate,
      amendmentId: id,
      approvedBy: actor.id,
      createdAt: now,
    });
    const idByKey = new Map(applied.nodes.map((n) => [n.key, randomUUID()]));
    await repo.insertItems(
      tx,
      applied.nodes.map((n, i) => ({
        id: idByKey.get(n.key)!,
        versionId: version.id,
        key: n.key,
        parentId: n.parentKey ? (idByKey.get(n.parentKey) ?? null) : null,
        kind: n.kind,
        label: n.label,
        title: n.title,
        text: n.text,
        position: i + 1,
        searchText: foldText(`${n.title ?? ''} ${n.text ?? ''}`),
      })),
    );
    await repo.insertAssignments(
      tx,
      applied.nodes.flatMap((n) =>
        n.assignments.map((assignment) => ({
          itemId: idByKey.get(n.key)!,
          orgUnitId: assignment.orgUnitId,
          unitGroup: assignment.unitGroup,
          role: assignment.role,
        })),
      ),
    );
    await insertTargets(tx, version.id, targets);
    await repo.setCurrentVersion(tx, planId, nextNumber);
    await repo.updateAmendment(tx, id, {
      status: 'approved',
      changes: applied.changes,
      decidedAt: now,
      decidedById: actor.id,
      decisionComment: input.comment || null,
      documentNumber: input.documentNumber,
      documentDate: input.documentDate,
      resultingVersionId: version.id,
      updatedAt: now,
    });
    const links = await repo.feedbackLinks(tx, [id]);
    const cited = (
      await citations().feedbackRefs(
        tx,
        links.map((link) => link.targetId),
      )
    ).map((item) => item.id);
    await citations().markAnsweredByAmendment(tx, {
      feedbackIds: cited,
      amendmentId: id,
      summary: row.summary,
      versionNumber: nextNumber,
      documentNumber: input.documentNumber,
      actor,
      at: now,
      requestId: ctx.requestId,
    });
    await writeAudit(tx, {
      actor,
      action: 'amendment.approve',
      entityType: 'amendment_proposal',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: {
        from: 'submitted',
        to: 'approved',
        documentNumber: input.documentNumber,
        documentDate: input.documentDate,
        effectiveDate,
        comment: input.comment ?? null,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'plan.version.create',
      entityType: 'plan',
      entityId: planId,
      requestId: ctx.requestId,
      at: now,
      data: { version: nextNumber, basedOn: current.plan.currentVersion, amendmentId: id },
    });
    // One line per target changed, with the target before and after.
    for (const change of row.changes) {
      if (!change.target) continue;
      const code = change.target.indicatorCode;
      const old = targetsBefore.find((t) => t.indicatorCode === code);
      await writeAudit(tx, {
        actor,
        action: `plan.target.${change.op}`,
        entityType: 'plan',
        entityId: planId,
        requestId: ctx.requestId,
        at: now,
        data: {
          version: nextNumber,
          amendmentId: id,
          indicatorCode: code,
          from: old ? definitionOf(old) : null,
          to: change.target.after,
        },
      });
    }
  });
  return getAmendment(ctx, planId, id);
}
