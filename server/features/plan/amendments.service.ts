import type { AmendmentChangeDto, AmendmentDto } from '../../../shared/contracts/amendments.js';
import type { AmendmentTargetChangeDto } from '../../../shared/contracts/targets.js';
import type { DbOrTx } from '../../db/client.js';
import type { StoredChange } from '../../db/schema/feedback.js';
import { requireAbility } from '../../lib/access.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { userNames } from '../accounts/index.js';
import { toOrgUnitDto, unitDtos } from '../org-units/index.js';
import { citations } from './citations.js';
import { AMENDMENT_NOT_FOUND, loadPlanOr404 } from './amendment-common.js';
import * as repo from './amendments.repository.js';
import { getVersion, loadItems } from './plans.repository.js';
import { indicatorNames, loadTargets, type TargetRow } from './targets.repository.js';
import { toTargetDto } from './targets.service.js';
import {
  canDecideAmendment,
  canEditAmendment,
  canProposeAmendments,
  canReadAmendments,
  canSeeAmendment,
  canSubmitAmendment,
} from './policy.js';

type BaseItem = {
  ref: { key: string; label: string | null; title: string | null };
  before: NonNullable<AmendmentChangeDto['before']>;
};

/** A version's items by key: the reference shown for a change and the item as it stands. */
async function baseItems(db: DbOrTx, versionId: string): Promise<Map<string, BaseItem>> {
  const { items, assignments } = await loadItems(db, versionId);
  const byItem = new Map<string, BaseItem['before']['assignments']>();
  for (const { a, unit } of assignments) {
    const list = byItem.get(a.itemId) ?? [];
    list.push({ orgUnit: unit ? toOrgUnitDto(unit) : null, unitGroup: a.unitGroup, role: a.role });
    byItem.set(a.itemId, list);
  }
  return new Map(
    items.map((i) => [
      i.key,
      {
        ref: { key: i.key, label: i.label, title: i.title ?? (i.text ? i.text.slice(0, 160) : null) },
        before: {
          label: i.label,
          title: i.title,
          text: i.text,
          assignments: (byItem.get(i.id) ?? []).sort((x, y) => (x.role === y.role ? 0 : x.role === 'lead' ? -1 : 1)),
        },
      },
    ]),
  );
}

/** Proposals as the client sees them, with the abilities of this actor. */
export async function toAmendmentDtos(db: DbOrTx, actor: Actor, rows: repo.AmendmentRow[]): Promise<AmendmentDto[]> {
  const ids = rows.map((r) => r.id);
  const feedbackLinks = await repo.feedbackLinks(db, ids);
  const guidanceLinks = await repo.guidanceLinks(db, ids);
  const cited = new Set([...feedbackLinks, ...guidanceLinks].map((link) => `${link.amendmentId}:${link.targetId}`));
  const feedback = await citations().feedbackRefs(
    db,
    feedbackLinks.map((link) => link.targetId),
  );
  const guidance = await citations().guidanceRefs(
    db,
    guidanceLinks.map((link) => link.targetId),
  );
  const versions = await repo.versionNumbers(
    db,
    rows.map((r) => r.resultingVersionId).filter((x): x is string => Boolean(x)),
  );
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.createdById, r.decidedById]),
  );
  const unit = await unitDtos(
    db,
    rows.flatMap((r) =>
      r.changes.flatMap((change) => (change.assignments ?? []).map((assignment) => assignment.orgUnitId)),
    ),
  );
  // Item references, and each changed item as it stood, are read in the version the proposal was based on.
  const refs = new Map<string, Map<string, BaseItem>>();
  const baseTargets = new Map<string, TargetRow[]>();
  const withTargets = rows.some((r) => r.changes.some((change) => change.target));
  const catalogue = withTargets ? await indicatorNames(db) : new Map<string, never>();
  for (const r of rows) {
    const refKey = `${r.planId}:${r.basedOnVersion}`;
    if (refs.has(refKey)) continue;
    const basedOn = await getVersion(db, r.planId, r.basedOnVersion);
    refs.set(refKey, basedOn ? await baseItems(db, basedOn.id) : new Map());
    if (withTargets) baseTargets.set(refKey, basedOn ? await loadTargets(db, basedOn.id) : []);
  }
  const targetChange = (r: repo.AmendmentRow, change: StoredChange): AmendmentTargetChangeDto | null => {
    if (!change.target) return null;
    const code = change.target.indicatorCode;
    const indicator = catalogue.get(code) ?? { name: code, nameEn: code, unit: '' };
    const labelled = {
      indicatorCode: code,
      indicatorName: indicator.name,
      indicatorNameEn: indicator.nameEn,
      indicatorUnit: indicator.unit,
    };
    const before = baseTargets.get(`${r.planId}:${r.basedOnVersion}`)?.find((t) => t.indicatorCode === code);
    return {
      indicatorCode: code,
      indicatorName: indicator.name,
      indicatorUnit: indicator.unit,
      before: change.op === 'add' || !before ? null : toTargetDto(before),
      after: change.target.after ? toTargetDto({ ...labelled, ...change.target.after }) : null,
    };
  };
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    status: r.status,
    summary: r.summary,
    reasoning: r.reasoning,
    basedOnVersion: r.basedOnVersion,
    changes: r.changes.map((change) => ({
      op: change.op,
      itemKey: change.itemKey,
      parentKey: change.parentKey,
      item: change.itemKey
        ? (refs.get(`${r.planId}:${r.basedOnVersion}`)?.get(change.itemKey)?.ref ?? {
            key: change.itemKey,
            label: null,
            title: null,
          })
        : null,
      before: change.itemKey
        ? (refs.get(`${r.planId}:${r.basedOnVersion}`)?.get(change.itemKey)?.before ?? null)
        : null,
      kind: change.kind,
      label: change.label,
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.text !== undefined ? { text: change.text } : {}),
      assignments: change.assignments
        ? change.assignments.flatMap((assignment) => {
            const orgUnit = unit(assignment.orgUnitId);
            return orgUnit ? [{ orgUnit, role: assignment.role }] : [];
          })
        : null,
      newKey: change.newKey,
      target: targetChange(r, change),
    })),
    feedback: feedback.filter((item) => cited.has(`${r.id}:${item.id}`)),
    guidanceDocuments: guidance.filter((document) => cited.has(`${r.id}:${document.id}`)),
    createdBy: person(r.createdById),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedBy: person(r.decidedById),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionComment: r.decisionComment,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    resultingVersion: r.resultingVersionId ? (versions.get(r.resultingVersionId) ?? null) : null,
    abilities: {
      canEdit: canEditAmendment(actor, r),
      canSubmit: canSubmitAmendment(actor, r),
      canApprove: canDecideAmendment(actor, r),
      canReject: canDecideAmendment(actor, r),
    },
  }));
}

/** Proposals of a plan; leaders do not see the focal department's drafts. */
export async function listAmendments(ctx: Ctx, planId: string, query: { status?: string }) {
  const actor = requireAbility(ctx, canReadAmendments);
  await loadPlanOr404(ctx.db, planId);
  const rows = await repo.listAmendments(ctx.db, planId, {
    status: query.status,
    hideDrafts: !canProposeAmendments(actor),
  });
  return { data: await toAmendmentDtos(ctx.db, actor, rows) };
}

export async function getAmendment(ctx: Ctx, planId: string, id: string): Promise<AmendmentDto> {
  const actor = requireAbility(ctx, canReadAmendments);
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row || !canSeeAmendment(actor, row)) throw notFound(AMENDMENT_NOT_FOUND);
  return (await toAmendmentDtos(ctx.db, actor, [row]))[0];
}
