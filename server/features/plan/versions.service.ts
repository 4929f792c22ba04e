import { asc, eq } from 'drizzle-orm';
import type {
  DiffAssignmentDto,
  DiffItemDto,
  PlanDiffResponse,
  PlanVersionDto,
} from '../../../shared/contracts/amendments.js';
import type { DiffTargetDto, TargetDto } from '../../../shared/contracts/targets.js';
import type { PlanItemKind } from '../../../shared/domain.js';
import { vietnamDate } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import { amendmentProposals, planVersions } from '../../db/schema/index.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { toOrgUnitDto } from '../org-units/index.js';
import { getPlan, getVersion, loadItems, versionState } from './plans.repository.js';
import { canReadPlan } from './policy.js';
import { loadTargets } from './targets.repository.js';
import { toTargetDto } from './targets.service.js';

const PLAN_NOT_FOUND = msg('Không tìm thấy kế hoạch', 'Plan not found');

/** Every version of a plan, oldest first, with the amendment that made it. */
export async function listVersions(ctx: Ctx, planId: string): Promise<{ data: PlanVersionDto[] }> {
  requireAbility(ctx, canReadPlan);
  return readVersions(ctx, planId);
}

/**
 * The versions of a plan, for anyone: each version is a decision issued and published by the
 * province (the public portal lists them). Use `listVersions` where an account is required.
 */
export async function readVersions(ctx: Ctx, planId: string): Promise<{ data: PlanVersionDto[] }> {
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const rows = await ctx.db
    .select({ v: planVersions, amendmentSummary: amendmentProposals.summary })
    .from(planVersions)
    .leftJoin(amendmentProposals, eq(amendmentProposals.id, planVersions.amendmentId))
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.number));
  const today = vietnamDate(ctx.clock.now());
  const { inForce } = versionState(
    rows.map(({ v }) => v),
    today,
  );
  return {
    data: rows.map(({ v, amendmentSummary }) => ({
      number: v.number,
      effectiveDate: v.effectiveDate,
      documentNumber: v.documentNumber,
      documentDate: v.documentDate,
      amendment: v.amendmentId ? { id: v.amendmentId, summary: amendmentSummary ?? '' } : null,
      isCurrent: v.number === inForce,
      isScheduled: v.number > inForce,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

interface Side {
  id: string;
  parentKey: string | null;
  kind: PlanItemKind;
  label: string;
  title: string | null;
  text: string | null;
  assignments: DiffAssignmentDto[];
  signatures: Map<string, DiffAssignmentDto>;
}

/** One version's items by key, with their responsibilities keyed by unit, group and role. */
async function sides(db: DbOrTx, versionId: string): Promise<{ order: string[]; byKey: Map<string, Side> }> {
  const { items, assignments } = await loadItems(db, versionId);
  const keyById = new Map(items.map((i) => [i.id, i.key]));
  const byKey = new Map<string, Side>();
  const byId = new Map<string, Side>();
  for (const i of items) {
    const side: Side = {
      id: i.id,
      parentKey: i.parentId ? (keyById.get(i.parentId) ?? null) : null,
      kind: i.kind,
      label: i.label,
      title: i.title,
      text: i.text,
      assignments: [],
      signatures: new Map(),
    };
    byKey.set(i.key, side);
    byId.set(i.id, side);
  }
  for (const { a, unit } of assignments) {
    const side = byId.get(a.itemId);
    if (!side) continue;
    const dto: DiffAssignmentDto = { orgUnit: unit ? toOrgUnitDto(unit) : null, unitGroup: a.unitGroup, role: a.role };
    side.assignments.push(dto);
    side.signatures.set(`${a.orgUnitId ?? ''}|${a.unitGroup ?? ''}|${a.role}`, dto);
  }
  return { order: items.map((i) => i.key), byKey };
}

function publicSide(s: Side | undefined) {
  if (!s) return null;
  const { signatures: _s, ...rest } = s;
  return rest;
}

/**
 * Compares two versions item by item, by key: added, removed, changed text/title/label/kind/
 * parent, and changed responsibilities (the sets of unit or group + role). Removed items are
 * listed where they stood.
 */
export async function diffVersions(ctx: Ctx, planId: string, from: number, to: number): Promise<PlanDiffResponse> {
  requireAbility(ctx, canReadPlan);
  return readDiff(ctx, planId, from, to);
}

/**
 * The same comparison for anyone: both versions are decisions the province issued and published
 * (the public portal shows their diff). Use `diffVersions` where an account is required.
 */
export async function readDiff(ctx: Ctx, planId: string, from: number, to: number): Promise<PlanDiffResponse> {
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const vFrom = await getVersion(ctx.db, planId, from);
  if (!vFrom) throw invalidField('from', msg(`Kế hoạch không có phiên bản ${from}`, `The plan has no version ${from}`));
  const vTo = await getVersion(ctx.db, planId, to);
  if (!vTo) throw invalidField('to', msg(`Kế hoạch không có phiên bản ${to}`, `The plan has no version ${to}`));
  const older = await sides(ctx.db, vFrom.id);
  const newer = await sides(ctx.db, vTo.id);

  const entries = new Map<string, DiffItemDto>();
  for (const key of new Set([...older.order, ...newer.order])) {
    const before = older.byKey.get(key);
    const after = newer.byKey.get(key);
    const added = after
      ? [...after.signatures]
          .filter(([signature]) => !before?.signatures.has(signature))
          .map(([, assignment]) => assignment)
      : [];
    const removed = before
      ? [...before.signatures]
          .filter(([signature]) => !after?.signatures.has(signature))
          .map(([, assignment]) => assignment)
      : [];
    const fields: DiffItemDto['fields'] = [];
    if (before && after) {
      if (before.kind !== after.kind) fields.push('kind');
      if (before.label !== after.label) fields.push('label');
      if (before.title !== after.title) fields.push('title');
      if (before.text !== after.text) fields.push('text');
      if (before.parentKey !== after.parentKey) fields.push('parent');
      if (added.length || removed.length) fields.push('assignments');
      if (fields.length === 0) continue;
    }
    entries.set(key, {
      key,
      change: !before ? 'added' : !after ? 'removed' : 'changed',
      fields,
      before: publicSide(before),
      after: publicSide(after),
      assignmentsAdded: added,
      assignmentsRemoved: removed,
    });
  }

  // Document order of "to", with each removed item placed after the item that preceded it in "from".
  const order: string[] = [...newer.order];
  let previous: string | null = null;
  for (const key of older.order) {
    if (newer.byKey.has(key)) {
      previous = key;
      continue;
    }
    const at: number = previous === null ? 0 : order.indexOf(previous) + 1;
    order.splice(at, 0, key);
    previous = key;
  }
  const items = order.map((key) => entries.get(key)).filter((x): x is DiffItemDto => Boolean(x));
  return {
    planId,
    from,
    to,
    items,
    targets: diffTargets(
      (await loadTargets(ctx.db, vFrom.id)).map(toTargetDto),
      (await loadTargets(ctx.db, vTo.id)).map(toTargetDto),
    ),
    summary: {
      added: items.filter((i) => i.change === 'added').length,
      removed: items.filter((i) => i.change === 'removed').length,
      changed: items.filter((i) => i.change === 'changed').length,
    },
  };
}

/** Targets that differ between two versions, by indicator, in the order of "to" then the removed ones. */
export function diffTargets(older: TargetDto[], newer: TargetDto[]): DiffTargetDto[] {
  const before = new Map(older.map((t) => [t.indicatorCode, t]));
  const after = new Map(newer.map((t) => [t.indicatorCode, t]));
  const out: DiffTargetDto[] = [];
  for (const t of newer) {
    const old = before.get(t.indicatorCode);
    if (!old) {
      out.push({ indicatorCode: t.indicatorCode, change: 'added', fields: [], before: null, after: t });
      continue;
    }
    const fields: DiffTargetDto['fields'] = [];
    if (JSON.stringify(old.baseline) !== JSON.stringify(t.baseline)) fields.push('baseline');
    if (JSON.stringify(old.target) !== JSON.stringify(t.target)) fields.push('target');
    if (old.direction !== t.direction) fields.push('direction');
    if (old.source !== t.source) fields.push('source');
    if (fields.length) out.push({ indicatorCode: t.indicatorCode, change: 'changed', fields, before: old, after: t });
  }
  for (const t of older)
    if (!after.has(t.indicatorCode))
      out.push({ indicatorCode: t.indicatorCode, change: 'removed', fields: [], before: t, after: null });
  return out;
}
