// Activities of a unit: create, change, read, list. The responsible unit edits; the focal
// department and the leaders read every unit's; a coordinating unit reads the ones it is named in.
import {
  STATUSES_WITH_REASON,
  type ActivityDto,
  type ActivityHistoryEntry,
  type ActivityListResponse,
  type ActivityStatus,
  type ActivitySummary,
  type CreateActivityRequest,
  type ListActivitiesQuery,
  type PlannedPeriod,
  type UpdateActivityRequest,
} from '../../../shared/contracts/activities.js';
import { vietnamDate } from '../../../shared/format.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { currentVersion, loadItems } from '../plan/index.js';
import * as repo from './activities.repository.js';
import { isOverdue, periodBounds } from './period.js';
import {
  canEditActivity,
  canKeepActivities,
  canReadActivities,
  canReadActivity,
  canReadAllActivities,
} from './policy.js';

export const ACTIVITY_NOT_FOUND = msg('Không tìm thấy hoạt động', 'Activity not found');

export function searchTextOf(a: { title: string; expectedOutput: string; planItemKeys: string[] }): string {
  return foldText(`${a.title} ${a.expectedOutput} ${a.planItemKeys.join(' ')}`);
}

/** The plan units implement, or 409 when none is loaded. */
export async function requirePlanId(db: DbOrTx): Promise<string> {
  const id = await repo.mainPlanId(db);
  if (!id) throw new AppError('CONFLICT', msg('Chưa có kế hoạch nào', 'No plan yet'));
  return id;
}

/** The items of the plan in force (key → label and title). */
async function itemsInForce(db: DbOrTx, planId: string, at: Date) {
  const current = await currentVersion(db, planId, at);
  const { items } = current ? await loadItems(db, current.version.id) : { items: [] };
  return new Map(items.map((i) => [i.key, { label: i.label, title: i.title ?? i.text ?? null }]));
}

/** 400 unless every key names an item of the plan in force. */
async function checkPlanItemKeys(db: DbOrTx, planId: string, keys: readonly string[], at: Date) {
  const items = await itemsInForce(db, planId, at);
  const unknown = keys.filter((k) => !items.has(k));
  if (unknown.length === 0) return;
  throw invalidField(
    'planItemKeys',
    msg(
      `Mục của kế hoạch: không có mục ${unknown.join(', ')} trong kế hoạch đang có hiệu lực.`,
      `Plan items: no item ${unknown.join(', ')} in the plan in force.`,
    ),
  );
}

/** 400 unless every coordinating unit exists and is not the responsible unit itself. */
async function checkCoordinating(db: DbOrTx, ids: readonly string[], own: string) {
  if (ids.includes(own))
    throw invalidField(
      'coordinatingUnitIds',
      msg('Đơn vị phối hợp: không chọn chính đơn vị chủ trì.', 'Coordinating units: not the responsible unit itself.'),
    );
  const names = await repo.unitNames(db, [...ids]);
  if (ids.every((id) => names.has(id))) return;
  throw invalidField(
    'coordinatingUnitIds',
    msg('Đơn vị phối hợp: không có đơn vị này.', 'Coordinating units: no such unit.'),
  );
}

function checkReason(status: ActivityStatus, reason: string | null | undefined) {
  if (STATUSES_WITH_REASON.includes(status) && !reason)
    throw invalidField(
      'statusReason',
      msg(
        'Lý do tạm dừng, hủy bỏ: bắt buộc khi hoạt động tạm dừng hoặc hủy bỏ.',
        'Reason: required when the activity is paused or cancelled.',
      ),
    );
}

function periodOf(row: repo.ActivityRow): PlannedPeriod {
  return { kind: row.periodKind as PlannedPeriod['kind'], year: row.periodYear, number: row.periodNumber };
}

function toSummary(
  row: repo.ActivityRow,
  names: Map<string, string>,
  extra: { overdue: boolean; noteCount: number },
): ActivitySummary {
  return {
    id: row.id,
    title: row.title,
    unit: { id: row.orgUnitId, name: names.get(row.orgUnitId) ?? '' },
    coordinatingUnits: row.coordinatingUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    planItemKeys: row.planItemKeys,
    period: periodOf(row),
    periodEnd: row.periodEnd,
    budget: row.budget,
    budgetSource: row.budgetSource as ActivitySummary['budgetSource'],
    status: row.status as ActivityStatus,
    statusReason: row.statusReason,
    overdue: extra.overdue,
    noteCount: extra.noteCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Who may see which rows: a unit officer its own and those it coordinates; focal and leaders all. */
export function scopeOf(actor: Actor, mine: boolean): repo.ListScope {
  return canReadAllActivities(actor) ? { unitId: null, mine: false } : { unitId: actor.orgUnitId, mine };
}

export async function listActivities(ctx: Ctx, q: ListActivitiesQuery): Promise<ActivityListResponse> {
  const actor = requireAbility(ctx, canReadActivities);
  const today = vietnamDate(ctx.clock.now());
  const { rows, total } = await repo.listActivities(ctx.db, q, scopeOf(actor, q.mine === 'true'), today);
  const names = await repo.unitNames(
    ctx.db,
    rows.flatMap((r) => [r.row.orgUnitId, ...r.row.coordinatingUnitIds]),
  );
  return {
    data: rows.map((r) => toSummary(r.row, names, { overdue: r.overdue, noteCount: r.noteCount })),
    page: { page: q.page, pageSize: q.pageSize, total },
  };
}

type HistoryRows = Awaited<ReturnType<typeof repo.listHistory>>;
type Changes = ActivityHistoryEntry['changes'];
const changesOf = (row: HistoryRows[number]): Changes => ((row.data ?? {}) as { changes?: Changes }).changes ?? {};

/** The activity if the actor may read it; 404 otherwise (another unit's is not revealed). */
export async function readableActivity(ctx: Ctx, id: string): Promise<{ actor: Actor; row: repo.ActivityRow }> {
  const actor = requireAbility(ctx, canReadActivities);
  const row = await repo.getActivity(ctx.db, id);
  if (!row || !canReadActivity(actor, row)) throw notFound(ACTIVITY_NOT_FOUND);
  return { actor, row };
}

/** The activity if the actor's unit is responsible for it; 404 otherwise. */
export async function editableActivity(ctx: Ctx, id: string): Promise<{ actor: Actor; row: repo.ActivityRow }> {
  const actor = requireAbility(ctx, canKeepActivities);
  const row = await repo.getActivity(ctx.db, id);
  if (!row || !canEditActivity(actor, row)) throw notFound(ACTIVITY_NOT_FOUND);
  return { actor, row };
}

export async function loadActivity(ctx: Ctx, actor: Actor, id: string): Promise<ActivityDto> {
  const row = await repo.getActivity(ctx.db, id);
  if (!row) throw notFound(ACTIVITY_NOT_FOUND);
  const [notes, history, items] = await Promise.all([
    repo.listNotes(ctx.db, id),
    repo.listHistory(ctx.db, id),
    itemsInForce(ctx.db, row.planId, ctx.clock.now()),
  ]);
  const historyUnits = history.flatMap((h) => {
    const c = changesOf(h).coordinatingUnitIds;
    return c ? [c.from, c.to].flatMap((v) => (Array.isArray(v) ? (v as string[]) : [])) : [];
  });
  const names = await repo.unitNames(ctx.db, [row.orgUnitId, ...row.coordinatingUnitIds, ...historyUnits]);
  const unitList = (v: unknown) => (Array.isArray(v) ? v.map((x) => names.get(String(x)) ?? x) : v);
  return {
    ...toSummary(row, names, { overdue: isOverdue(row, ctx.clock.now()), noteCount: notes.length }),
    expectedOutput: row.expectedOutput,
    planItems: row.planItemKeys.map((key) => ({
      key,
      label: items.get(key)?.label ?? null,
      title: items.get(key)?.title ?? null,
    })),
    version: row.version,
    notes: notes.map((n) => ({
      id: n.note.id,
      date: n.note.date,
      text: n.note.text,
      author: n.author,
      createdAt: n.note.createdAt.toISOString(),
      files: n.files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: f.size,
        sha256: f.sha256,
      })),
    })),
    history: history.map((h) => {
      const changes = { ...changesOf(h) };
      if (changes.coordinatingUnitIds)
        changes.coordinatingUnitIds = {
          from: unitList(changes.coordinatingUnitIds.from),
          to: unitList(changes.coordinatingUnitIds.to),
        };
      return { at: h.at.toISOString(), actor: h.actorEmail, action: h.action, changes };
    }),
    abilities: { canEdit: canEditActivity(actor, row) },
  };
}

export async function getActivity(ctx: Ctx, id: string): Promise<ActivityDto> {
  const { actor } = await readableActivity(ctx, id);
  return loadActivity(ctx, actor, id);
}

/** The fields whose value differs, as { field: { from, to } }, for the audit log. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (!(key in before) && (to === null || to === '' || (Array.isArray(to) && to.length === 0))) continue;
    if (JSON.stringify(from ?? null) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}

/** The row's fields as the request names them, for comparing and auditing. */
function fieldsOf(row: repo.ActivityRow) {
  return {
    title: row.title,
    planItemKeys: row.planItemKeys,
    coordinatingUnitIds: row.coordinatingUnitIds,
    period: periodOf(row),
    budget: row.budget,
    budgetSource: row.budgetSource,
    expectedOutput: row.expectedOutput,
    status: row.status,
    statusReason: row.statusReason,
  };
}

function columnsOf(input: Partial<CreateActivityRequest>) {
  const period = input.period ? periodBounds(input.period) : undefined;
  return {
    title: input.title,
    planItemKeys: input.planItemKeys ? [...new Set(input.planItemKeys)] : undefined,
    coordinatingUnitIds: input.coordinatingUnitIds ? [...new Set(input.coordinatingUnitIds)] : undefined,
    periodKind: input.period?.kind,
    periodYear: input.period?.year,
    periodNumber: input.period ? input.period.number : undefined,
    periodStart: period?.start,
    periodEnd: period?.end,
    budget: input.budget,
    budgetSource: input.budgetSource,
    expectedOutput: input.expectedOutput,
    status: input.status,
    statusReason: input.statusReason,
  };
}

/** Creates an activity of the actor's unit; audited with every field given. */
export async function createActivity(ctx: Ctx, input: CreateActivityRequest): Promise<ActivityDto> {
  const actor = requireAbility(ctx, canKeepActivities);
  const unitId = actor.orgUnitId!;
  const now = ctx.clock.now();
  const planId = await requirePlanId(ctx.db);
  checkReason(input.status, input.statusReason);
  await checkPlanItemKeys(ctx.db, planId, input.planItemKeys, now);
  await checkCoordinating(ctx.db, input.coordinatingUnitIds, unitId);
  const cols = columnsOf(input);
  const statusReason = STATUSES_WITH_REASON.includes(input.status) ? input.statusReason : null;
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertActivity(tx, {
      orgUnitId: unitId,
      planId,
      title: input.title,
      planItemKeys: cols.planItemKeys!,
      coordinatingUnitIds: cols.coordinatingUnitIds!,
      periodKind: input.period.kind,
      periodYear: input.period.year,
      periodNumber: input.period.number,
      periodStart: cols.periodStart!,
      periodEnd: cols.periodEnd!,
      budget: input.budget,
      budgetSource: input.budgetSource,
      expectedOutput: input.expectedOutput,
      status: input.status,
      statusReason,
      searchText: searchTextOf({ ...input, planItemKeys: cols.planItemKeys! }),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'activity.create',
      entityType: 'activity',
      entityId: row.id,
      data: { changes: changedFields({}, { ...fieldsOf(row) }) },
      requestId: ctx.requestId,
      at: now,
    });
    return row.id;
  });
  return loadActivity(ctx, actor, id);
}

/** Changes an activity of the actor's unit (another unit's: 404); audited field by field. */
export async function updateActivity(ctx: Ctx, id: string, input: UpdateActivityRequest): Promise<ActivityDto> {
  const { actor, row } = await editableActivity(ctx, id);
  const now = ctx.clock.now();
  const { version, ...fields } = input;
  const status = (fields.status ?? row.status) as ActivityStatus;
  const reason = fields.statusReason !== undefined ? fields.statusReason : row.statusReason;
  checkReason(status, reason);
  if (fields.planItemKeys) await checkPlanItemKeys(ctx.db, row.planId, fields.planItemKeys, now);
  if (fields.coordinatingUnitIds) await checkCoordinating(ctx.db, fields.coordinatingUnitIds, row.orgUnitId);
  // A reason belongs to a paused or cancelled activity only.
  const after = {
    ...fields,
    planItemKeys: fields.planItemKeys ? [...new Set(fields.planItemKeys)] : undefined,
    coordinatingUnitIds: fields.coordinatingUnitIds ? [...new Set(fields.coordinatingUnitIds)] : undefined,
    statusReason: STATUSES_WITH_REASON.includes(status) ? reason : null,
  };
  const before = fieldsOf(row);
  const changes = changedFields(before, after);
  if (Object.keys(changes).length === 0) return loadActivity(ctx, actor, id);
  const cols = columnsOf(after);
  const merged = {
    title: after.title ?? row.title,
    expectedOutput: after.expectedOutput ?? row.expectedOutput,
    planItemKeys: after.planItemKeys ?? row.planItemKeys,
  };
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateActivity(tx, id, version, {
      ...Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)),
      statusReason: after.statusReason,
      searchText: searchTextOf(merged),
      // A new period may be overdue again: its unit is told once more.
      ...(changes.period ? { overdueNotifiedAt: null } : {}),
      updatedAt: now,
    });
    if (!updated)
      throw new AppError(
        'CONFLICT',
        msg(
          'Hoạt động đã được người khác sửa; vui lòng tải lại trang.',
          'Someone else changed this activity; please reload.',
        ),
      );
    await writeAudit(tx, {
      actor,
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      data: { changes },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return loadActivity(ctx, actor, id);
}
