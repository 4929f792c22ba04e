import { randomUUID } from 'node:crypto';
import type {
  AmendmentChange,
  AmendmentDto,
  ApproveAmendmentRequest,
  CreateAmendmentRequest,
  RejectAmendmentRequest,
} from '../../../shared/contracts/amendments.js';
import { AMENDMENT_STATUS_LABELS } from '../../../shared/contracts/amendments.js';
import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';
import { hasPermission } from '../../../shared/permissions.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import type { StoredChange } from '../../db/schema/feedback.js';
import { requireActor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound, type Message } from '../../lib/errors.js';
import { getPlan, getVersion, loadItems } from '../plans/plans.repository.js';
import * as repo from './amendments.repository.js';
import { existingFeedbackIds, insertEvent, userNames } from './feedback.repository.js';
import { guidanceByIds } from './guidance.repository.js';
import { toGuidanceRef } from './guidance.service.js';
import { currentVersion, existingUnitIds, unitDtos } from './plan-refs.repository.js';

const AMENDMENT_NOT_FOUND = msg('Không tìm thấy đề xuất sửa đổi', 'Amendment proposal not found');

function forbidden(): AppError {
  return new AppError('FORBIDDEN', msg('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'), { status: 403 });
}

/** Proposals are read by those who draft them (focal) and those who decide them (leaders). */
function requireAmendmentReader(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.role, 'amendment.propose') && !hasPermission(actor.role, 'amendment.decide')) throw forbidden();
  return actor;
}

function requirePermission(ctx: Ctx, permission: 'amendment.propose' | 'amendment.decide'): Actor {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.role, permission)) throw forbidden();
  return actor;
}

function wrongStatus(row: repo.AmendmentRow, action: Message): AppError {
  const label = AMENDMENT_STATUS_LABELS[row.status];
  return new AppError(
    'CONFLICT',
    msg(`Đề xuất sửa đổi đang ở trạng thái "${label}", không thể ${action.vi}`, `The proposal is ${row.status}; it cannot be ${action.en}`),
    { status: 409 },
  );
}

async function loadPlanOr404(db: DbOrTx, planId: string) {
  const plan = await getPlan(db, planId);
  if (!plan) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  return plan;
}

/**
 * Checks every change against the plan's current version and resolves item ids to their
 * stable keys; an unknown item or unit answers 400 naming `changes.N.itemId` and the like.
 */
async function resolveChanges(db: DbOrTx, planId: string, changes: AmendmentChange[]) {
  const current = await currentVersion(db, planId);
  if (!current) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  const { items } = await loadItems(db, current.version.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const unitIds = await existingUnitIds(db, changes.flatMap((c) => (c.assignments ?? []).map((a) => a.orgUnitId)));
  const seen = new Set<string>();
  const stored: StoredChange[] = [];
  const unknownItem = (path: string) =>
    invalidField(path, msg('Mục kế hoạch không tồn tại trong phiên bản hiện hành', 'No such item in the current version of the plan'));

  for (const [n, c] of changes.entries()) {
    const at = `changes.${n}`;
    for (const [m, a] of (c.assignments ?? []).entries()) {
      if (!unitIds.has(a.orgUnitId)) throw invalidField(`${at}.assignments.${m}.orgUnitId`, msg('Đơn vị không tồn tại', 'Unknown unit'));
    }
    const assignments = c.assignments ? c.assignments.map((a) => ({ orgUnitId: a.orgUnitId, role: a.role })) : null;
    if (c.op === 'add') {
      if (c.itemId) throw invalidField(`${at}.itemId`, msg('Mục thêm mới không có itemId; dùng parentId', 'An added item has no itemId; use parentId'));
      let parentKey: string | null = null;
      if (c.parentId) {
        const parent = byId.get(c.parentId);
        if (!parent) throw unknownItem(`${at}.parentId`);
        parentKey = parent.key;
      }
      if (!c.kind) throw invalidField(`${at}.kind`, msg('Cần chọn loại mục', 'Kind is required'));
      if (!c.label) throw invalidField(`${at}.label`, msg('Cần nhập số thứ tự của mục (ví dụ "8." hoặc "-")', 'Label is required (e.g. "8." or "-")'));
      if (!c.title && !c.text) throw invalidField(`${at}.text`, msg('Cần nhập tiêu đề hoặc nội dung', 'A title or text is required'));
      stored.push({ op: 'add', itemKey: null, parentKey, kind: c.kind, label: c.label, title: c.title ?? null, text: c.text ?? null, assignments, newKey: null });
      continue;
    }
    if (!c.itemId) throw invalidField(`${at}.itemId`, msg('Cần chọn mục kế hoạch', 'itemId is required'));
    const item = byId.get(c.itemId);
    if (!item) throw unknownItem(`${at}.itemId`);
    if (seen.has(item.key)) throw invalidField(`${at}.itemId`, msg('Mục này đã có một thay đổi khác trong đề xuất', 'This item already has another change'));
    seen.add(item.key);
    if (c.op === 'remove') {
      stored.push({ op: 'remove', itemKey: item.key, parentKey: null, kind: null, label: null, assignments: null, newKey: null });
      continue;
    }
    if (c.parentId) throw invalidField(`${at}.parentId`, msg('Không thể chuyển mục sang mục cha khác', 'Moving an item is not supported'));
    const change: StoredChange = { op: 'update', itemKey: item.key, parentKey: null, kind: c.kind ?? null, label: c.label ?? null, assignments, newKey: null };
    if (c.title !== undefined) change.title = c.title;
    if (c.text !== undefined) change.text = c.text;
    if (!change.kind && !change.label && change.title === undefined && change.text === undefined && !assignments) {
      throw invalidField(at, msg('Thay đổi không có nội dung nào', 'The change changes nothing'));
    }
    stored.push(change);
  }
  return { stored, version: current.plan.currentVersion };
}

async function checkLinks(db: DbOrTx, input: CreateAmendmentRequest) {
  const f = await existingFeedbackIds(db, input.feedbackIds);
  for (const [i, id] of input.feedbackIds.entries()) {
    if (!f.has(id)) throw invalidField(`feedbackIds.${i}`, msg('Ý kiến phản ánh không tồn tại', 'Unknown feedback item'));
  }
  const ids = input.guidanceDocumentIds ?? [];
  const g = new Set((await guidanceByIds(db, ids)).map((r) => r.id));
  for (const [i, id] of ids.entries()) {
    if (!g.has(id)) throw invalidField(`guidanceDocumentIds.${i}`, msg('Văn bản hướng dẫn không tồn tại', 'Unknown guidance document'));
  }
}

async function toDtos(db: DbOrTx, actor: Actor, rows: repo.AmendmentRow[]): Promise<AmendmentDto[]> {
  const ids = rows.map((r) => r.id);
  const feedbackLinks = await repo.linkedFeedback(db, ids);
  const guidanceLinks = await repo.linkedGuidance(db, ids);
  const versions = await repo.versionNumbers(db, rows.map((r) => r.resultingVersionId).filter((x): x is string => Boolean(x)));
  const names = await userNames(db, rows.flatMap((r) => [r.createdById, r.decidedById]));
  const unit = await unitDtos(db, rows.flatMap((r) => r.changes.flatMap((c) => (c.assignments ?? []).map((a) => a.orgUnitId))));
  // Item references are shown as they stood in the version the proposal was based on.
  const refs = new Map<string, Map<string, { key: string; label: string | null; title: string | null }>>();
  for (const r of rows) {
    const refKey = `${r.planId}:${r.basedOnVersion}`;
    if (refs.has(refKey)) continue;
    const v = await getVersion(db, r.planId, r.basedOnVersion);
    const { items } = v ? await loadItems(db, v.id) : { items: [] };
    refs.set(refKey, new Map(items.map((i) => [i.key, { key: i.key, label: i.label, title: i.title ?? (i.text ? i.text.slice(0, 160) : null) }])));
  }
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const canPropose = hasPermission(actor.role, 'amendment.propose');
  const canDecide = hasPermission(actor.role, 'amendment.decide');
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    status: r.status,
    summary: r.summary,
    reasoning: r.reasoning,
    basedOnVersion: r.basedOnVersion,
    changes: r.changes.map((c) => ({
      op: c.op,
      itemKey: c.itemKey,
      parentKey: c.parentKey,
      item: c.itemKey ? (refs.get(`${r.planId}:${r.basedOnVersion}`)?.get(c.itemKey) ?? { key: c.itemKey, label: null, title: null }) : null,
      kind: c.kind,
      label: c.label,
      ...(c.title !== undefined ? { title: c.title } : {}),
      ...(c.text !== undefined ? { text: c.text } : {}),
      assignments: c.assignments
        ? c.assignments.flatMap((a) => {
            const u = unit(a.orgUnitId);
            return u ? [{ orgUnit: u, role: a.role }] : [];
          })
        : null,
      newKey: c.newKey,
    })),
    feedback: feedbackLinks
      .filter((l) => l.amendmentId === r.id)
      .map((l) => ({ id: l.f.id, trackingCode: l.f.trackingCode, subject: l.f.subject, status: l.f.status })),
    guidanceDocuments: guidanceLinks.filter((l) => l.amendmentId === r.id).map((l) => toGuidanceRef(l.g)),
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
      canEdit: canPropose && r.status === 'draft',
      canSubmit: canPropose && r.status === 'draft',
      canApprove: canDecide && r.status === 'submitted',
      canReject: canDecide && r.status === 'submitted',
    },
  }));
}

/** Proposals of a plan; leaders do not see the focal department's drafts. */
export async function listAmendments(ctx: Ctx, planId: string, query: { status?: string }) {
  const actor = requireAmendmentReader(ctx);
  await loadPlanOr404(ctx.db, planId);
  const rows = await repo.listAmendments(ctx.db, planId, { status: query.status, hideDrafts: !hasPermission(actor.role, 'amendment.propose') });
  return { data: await toDtos(ctx.db, actor, rows) };
}

export async function getAmendment(ctx: Ctx, planId: string, id: string): Promise<AmendmentDto> {
  const actor = requireAmendmentReader(ctx);
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row || (row.status === 'draft' && !hasPermission(actor.role, 'amendment.propose'))) throw notFound(AMENDMENT_NOT_FOUND);
  return (await toDtos(ctx.db, actor, [row]))[0];
}

/** The focal department drafts a proposal against the plan's current version. */
export async function createAmendment(ctx: Ctx, planId: string, input: CreateAmendmentRequest): Promise<AmendmentDto> {
  const actor = requirePermission(ctx, 'amendment.propose');
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
    for (const feedbackId of new Set(input.feedbackIds)) {
      await insertEvent(tx, { feedbackId, at: now, actorId: actor.id, actorName: actor.name, action: 'linked_to_amendment', data: { amendmentId: created.id, summary: input.summary } });
    }
    await writeAudit(tx, { actor, action: 'amendment.create', entityType: 'amendment_proposal', entityId: created.id, requestId: ctx.requestId, at: now, data: { planId, changes: stored.length, feedbackIds: input.feedbackIds } });
    return created;
  });
  return (await toDtos(ctx.db, actor, [row]))[0];
}

/** Rewrites a draft (PATCH): same body as creation. */
export async function updateAmendment(ctx: Ctx, planId: string, id: string, input: CreateAmendmentRequest): Promise<AmendmentDto> {
  const actor = requirePermission(ctx, 'amendment.propose');
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row) throw notFound(AMENDMENT_NOT_FOUND);
  if (row.status !== 'draft') throw wrongStatus(row, msg('sửa', 'edited'));
  const { stored, version } = await resolveChanges(ctx.db, planId, input.changes);
  await checkLinks(ctx.db, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, { summary: input.summary, reasoning: input.reasoning, changes: stored, basedOnVersion: version, updatedAt: now });
    await repo.replaceLinks(tx, id, input.feedbackIds, input.guidanceDocumentIds ?? []);
    await writeAudit(tx, { actor, action: 'amendment.update', entityType: 'amendment_proposal', entityId: id, requestId: ctx.requestId, at: now, data: { changes: stored.length, feedbackIds: input.feedbackIds } });
  });
  return getAmendment(ctx, planId, id);
}

/** Checks a proposal still applies to the plan as it stands (another amendment may have been approved since). */
async function checkStillApplies(db: DbOrTx, row: repo.AmendmentRow) {
  const current = await currentVersion(db, row.planId);
  const { items } = current ? await loadItems(db, current.version.id) : { items: [] };
  const keys = new Set(items.map((i) => i.key));
  for (const [n, c] of row.changes.entries()) {
    const key = c.op === 'add' ? c.parentKey : c.itemKey;
    if (key && !keys.has(key)) {
      throw new AppError(
        'CONFLICT',
        msg(
          `Mục ${key} không còn trong phiên bản hiện hành của kế hoạch; cần soạn lại đề xuất`,
          `Item ${key} is no longer in the current plan version; redraft the proposal`,
        ),
        { status: 409, issues: [{ path: `changes.${n}.${c.op === 'add' ? 'parentId' : 'itemId'}`, message: msg('Mục không còn tồn tại', 'Item no longer exists') }] },
      );
    }
  }
}

/** The focal department submits a draft to the leaders. */
export async function submitAmendment(ctx: Ctx, planId: string, id: string): Promise<AmendmentDto> {
  const actor = requirePermission(ctx, 'amendment.propose');
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row) throw notFound(AMENDMENT_NOT_FOUND);
  if (row.status !== 'draft') throw wrongStatus(row, msg('trình', 'submitted'));
  await checkStillApplies(ctx.db, row);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, { status: 'submitted', submittedAt: now, submittedById: actor.id, updatedAt: now });
    await writeAudit(tx, { actor, action: 'amendment.submit', entityType: 'amendment_proposal', entityId: id, requestId: ctx.requestId, at: now, data: { from: 'draft', to: 'submitted' } });
  });
  return getAmendment(ctx, planId, id);
}

/** A leader rejects a submitted proposal with a comment. */
export async function rejectAmendment(ctx: Ctx, planId: string, id: string, input: RejectAmendmentRequest): Promise<AmendmentDto> {
  const actor = requirePermission(ctx, 'amendment.decide');
  const row = await repo.getAmendment(ctx.db, planId, id);
  if (!row || row.status === 'draft') throw notFound(AMENDMENT_NOT_FOUND);
  if (row.status !== 'submitted') throw wrongStatus(row, msg('từ chối', 'rejected'));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateAmendment(tx, id, { status: 'rejected', decidedAt: now, decidedById: actor.id, decisionComment: input.comment, updatedAt: now });
    await writeAudit(tx, { actor, action: 'amendment.reject', entityType: 'amendment_proposal', entityId: id, requestId: ctx.requestId, at: now, data: { from: 'submitted', to: 'rejected', comment: input.comment } });
  });
  return getAmendment(ctx, planId, id);
}

interface Node {
  key: string;
  parentKey: string | null;
  kind: PlanItemKind;
  label: string;
  title: string | null;
  text: string | null;
  assignments: Array<{ orgUnitId: string | null; unitGroup: UnitGroup | null; role: AssignmentRole }>;
}

/** Applies stored changes to a version's items (in document order); returns the new list and the keys given to added items. */
export function applyChanges(nodes: Node[], changes: StoredChange[], newVersion: number): { nodes: Node[]; changes: StoredChange[] } {
  let list = nodes.map((n) => ({ ...n, assignments: [...n.assignments] }));
  const missing = (key: string) =>
    new AppError('CONFLICT', msg(`Mục ${key} không còn trong kế hoạch; cần soạn lại đề xuất`, `Item ${key} is no longer in the plan; redraft the proposal`), { status: 409 });
  const subtreeEnd = (index: number) => {
    const keys = new Set([list[index].key]);
    let end = index + 1;
    while (end < list.length && list[end].parentKey !== null && keys.has(list[end].parentKey!)) {
      keys.add(list[end].key);
      end += 1;
    }
    return end;
  };
  let added = 0;
  const out = changes.map((c) => ({ ...c }));
  for (const c of out) {
    if (c.op === 'remove') {
      const i = list.findIndex((n) => n.key === c.itemKey);
      if (i < 0) throw missing(c.itemKey!);
      list = [...list.slice(0, i), ...list.slice(subtreeEnd(i))];
    } else if (c.op === 'update') {
      const node = list.find((n) => n.key === c.itemKey);
      if (!node) throw missing(c.itemKey!);
      if (c.kind) node.kind = c.kind;
      if (c.label) node.label = c.label;
      if (c.title !== undefined) node.title = c.title;
      if (c.text !== undefined) node.text = c.text;
      // New units replace the item's units; groups named in the plan stay.
      if (c.assignments) node.assignments = [...node.assignments.filter((a) => a.unitGroup !== null), ...c.assignments.map((a) => ({ orgUnitId: a.orgUnitId, unitGroup: null, role: a.role }))];
    } else {
      added += 1;
      let key = `${c.parentKey ? `${c.parentKey}.` : ''}v${newVersion}-${added}`;
      while (list.some((n) => n.key === key)) key = `${key}'`;
      c.newKey = key;
      const node: Node = { key, parentKey: c.parentKey, kind: c.kind!, label: c.label!, title: c.title ?? null, text: c.text ?? null, assignments: (c.assignments ?? []).map((a) => ({ orgUnitId: a.orgUnitId, unitGroup: null, role: a.role })) };
      if (c.parentKey) {
        const p = list.findIndex((n) => n.key === c.parentKey);
        if (p < 0) throw missing(c.parentKey);
        const end = subtreeEnd(p);
        list = [...list.slice(0, end), node, ...list.slice(end)];
      } else {
        list.push(node);
      }
    }
  }
  return { nodes: list, changes: out };
}

/**
 * A leader approves a submitted proposal with the amending document's number and date. In one
 * transaction: version N+1 is made as a full copy of version N (new ids, same keys, parents
 * remapped) with the changes applied, the plan's current version moves to it, the cited
 * feedback items are marked as answered by this amendment, and every step is audited.
 */
export async function approveAmendment(ctx: Ctx, planId: string, id: string, input: ApproveAmendmentRequest): Promise<AmendmentDto> {
  const actor = requirePermission(ctx, 'amendment.decide');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.getAmendment(tx, planId, id);
    if (!row || row.status === 'draft') throw notFound(AMENDMENT_NOT_FOUND);
    if (row.status !== 'submitted') throw wrongStatus(row, msg('phê duyệt', 'approved'));
    const currentNumber = await repo.lockPlan(tx, planId);
    const current = await currentVersion(tx, planId);
    if (!current || currentNumber === undefined) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
    const { items, assignments } = await loadItems(tx, current.version.id);
    const keyById = new Map(items.map((i) => [i.id, i.key]));
    const nodes: Node[] = items.map((i) => ({
      key: i.key,
      parentKey: i.parentId ? (keyById.get(i.parentId) ?? null) : null,
      kind: i.kind,
      label: i.label,
      title: i.title,
      text: i.text,
      assignments: assignments.filter(({ a }) => a.itemId === i.id).map(({ a }) => ({ orgUnitId: a.orgUnitId, unitGroup: a.unitGroup, role: a.role })),
    }));
    const nextNumber = current.plan.currentVersion + 1;
    const applied = applyChanges(nodes, row.changes, nextNumber);

    const version = await repo.insertVersion(tx, {
      planId,
      number: nextNumber,
      effectiveDate: input.documentDate,
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
      applied.nodes.flatMap((n) => n.assignments.map((a) => ({ itemId: idByKey.get(n.key)!, orgUnitId: a.orgUnitId, unitGroup: a.unitGroup, role: a.role }))),
    );
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
    const cited = (await repo.linkedFeedback(tx, [id])).map((l) => l.f.id);
    await repo.markAnswered(tx, cited, id, now);
    for (const feedbackId of cited) {
      await insertEvent(tx, {
        feedbackId,
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        action: 'answered_by_amendment',
        data: { amendmentId: id, summary: row.summary, versionNumber: nextNumber, documentNumber: input.documentNumber },
      });
      await writeAudit(tx, { actor, action: 'feedback.answered_by_amendment', entityType: 'feedback', entityId: feedbackId, requestId: ctx.requestId, at: now, data: { amendmentId: id } });
    }
    await writeAudit(tx, {
      actor,
      action: 'amendment.approve',
      entityType: 'amendment_proposal',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: { from: 'submitted', to: 'approved', documentNumber: input.documentNumber, documentDate: input.documentDate, comment: input.comment ?? null },
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
  });
  return getAmendment(ctx, planId, id);
}
