import type {
  AssignmentDto,
  PlanDto,
  PlanItemDto,
  PlanSummaryDto,
  PlansQuery,
} from '../../../shared/contracts/plans.js';
import { isGroupMemberConcerned, type AssignmentRole, type UnitGroup } from '../../../shared/domain.js';
import { vietnamDate } from '../../../shared/format.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import { requireAbility } from '../../lib/access.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { currentHolders, getUnit, toOrgUnitDto, unitWithPredecessors } from '../org-units/index.js';
import { getAgencySettings } from '../settings/index.js';
import * as lineage from './lineage.repository.js';
import * as repo from './plans.repository.js';
import { canReadPlan } from './policy.js';

type PlanRow = typeof plans.$inferSelect;

/** What every summary needs besides the plan: all plans, the replacements, the focal department's name. */
async function summaryContext(db: DbOrTx) {
  const [all, replacements, settings] = await Promise.all([
    repo.listPlans(db),
    lineage.listReplacements(db),
    getAgencySettings(db),
  ]);
  const focalIds = [...new Set(all.map((p) => p.focalUnitId).filter((id): id is string => Boolean(id)))];
  const focalNames = new Map<string, string>();
  for (const id of focalIds) {
    const unit = await getUnit(db, id);
    if (unit) focalNames.set(id, unit.fullName);
  }
  return {
    all,
    byId: new Map(all.map((p) => [p.id, p])),
    replacements,
    focalName: (plan: PlanRow) =>
      (plan.focalUnitId && focalNames.get(plan.focalUnitId)) || settings.focalDepartment.name,
  };
}

/** The plan's summary: status, lineage, focal department, the version in force today and the one scheduled. */
async function toSummary(
  ctx: Ctx,
  plan: PlanRow,
  context?: Awaited<ReturnType<typeof summaryContext>>,
): Promise<PlanSummaryDto> {
  const c = context ?? (await summaryContext(ctx.db));
  const today = vietnamDate(ctx.clock.now());
  const versions = await repo.versionDates(ctx.db, plan.id);
  const state = repo.versionState(versions, today);
  return {
    id: plan.id,
    number: plan.number,
    date: plan.date,
    title: plan.title,
    scope: plan.scope,
    issuedBy: `${plan.issuerParent} ${plan.issuer}`.trim(),
    status: lineage.planStatus(plan, c.replacements, today),
    focalUnit: { id: plan.focalUnitId, name: c.focalName(plan) },
    ...lineage.directLinks(plan.id, c.replacements, c.byId),
    endedOn: plan.endedOn,
    reportingSchedule: plan.reportingSchedule ?? null,
    versionCount: versions.length,
    currentVersion: state.inForce,
    scheduledVersion: state.scheduled
      ? { number: state.scheduled.number, effectiveDate: state.scheduled.effectiveDate }
      : null,
  };
}

const STATUS_ORDER = { in_force: 0, replaced: 1, ended: 2 } as const;

/**
 * Every plan with its status and lineage, searched without diacritics (number, title, issuer,
 * focal department) and sorted. Plans are tens at most, so the filter runs on the summaries.
 */
export async function listPlans(ctx: Ctx, query: Partial<PlansQuery> = {}) {
  requireAbility(ctx, canReadPlan);
  const context = await summaryContext(ctx.db);
  const summaries = await Promise.all(context.all.map((plan) => toSummary(ctx, plan, context)));
  const needle = query.q ? foldText(query.q) : '';
  const kept = summaries.filter(
    (p) =>
      (!query.status || p.status === query.status) &&
      (!needle || foldText(`${p.number} ${p.title} ${p.issuedBy} ${p.focalUnit.name}`).includes(needle)),
  );
  const sort = query.sort ?? 'date';
  const sign = query.dir === 'desc' ? -1 : 1;
  const key = (p: PlanSummaryDto): string | number =>
    sort === 'status' ? STATUS_ORDER[p.status] : sort === 'number' ? p.number : sort === 'title' ? p.title : p.date;
  kept.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string, 'vi', { numeric: true });
    return sign * (order || a.date.localeCompare(b.date));
  });
  return { data: kept };
}

/** Decides whether an assignment falls to the actor's unit (directly, by succession, or by group). */
async function mineMatcher(db: DbOrTx, actor: Actor | null) {
  if (!actor?.orgUnitId) return () => false;
  const unit = await getUnit(db, actor.orgUnitId);
  const ids = await unitWithPredecessors(db, actor.orgUnitId);
  return (a: { orgUnitId: string | null; unitGroup: UnitGroup | null; role: AssignmentRole }) =>
    (a.orgUnitId !== null && ids.has(a.orgUnitId)) ||
    (a.unitGroup !== null && unit !== undefined && isGroupMemberConcerned(a.unitGroup, a.role, unit.kind));
}

/** The items of one plan version as DTOs, in document order. */
export async function buildItems(
  db: DbOrTx,
  versionId: string,
  actor: Actor | null,
  today: string,
): Promise<PlanItemDto[]> {
  const { items, assignments } = await repo.loadItems(db, versionId);
  const unitIds = [...new Set(assignments.map((a) => a.a.orgUnitId).filter((x): x is string => Boolean(x)))];
  const holders = await currentHolders(db, unitIds, today);
  const isMine = await mineMatcher(db, actor);
  const byItem = new Map<string, AssignmentDto[]>();
  const mine = new Set<string>();
  for (const { a, unit } of assignments) {
    const list = byItem.get(a.itemId) ?? [];
    list.push({
      id: a.id,
      role: a.role,
      orgUnit: unit ? toOrgUnitDto(unit) : null,
      unitGroup: a.unitGroup,
      currentUnits: a.orgUnitId
        ? (holders.get(a.orgUnitId) ?? []).filter((h) => h.id !== a.orgUnitId).map(toOrgUnitDto)
        : [],
    });
    byItem.set(a.itemId, list);
    if (isMine(a)) mine.add(a.itemId);
  }
  return items.map((i) => ({
    id: i.id,
    key: i.key,
    parentId: i.parentId,
    kind: i.kind,
    label: i.label,
    title: i.title,
    text: i.text,
    position: i.position,
    assignments: (byItem.get(i.id) ?? []).sort((x, y) => (x.role === y.role ? 0 : x.role === 'lead' ? -1 : 1)),
    isMine: mine.has(i.id),
  }));
}

async function resolveVersion(ctx: Ctx, planId: string, versionNumber?: number) {
  const plan = await repo.getPlan(ctx.db, planId);
  if (!plan) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  const number =
    versionNumber ?? repo.versionState(await repo.versionDates(ctx.db, planId), vietnamDate(ctx.clock.now())).inForce;
  const version = await repo.getVersion(ctx.db, planId, number);
  if (!version) throw notFound(msg(`Kế hoạch không có phiên bản ${number}`, `The plan has no version ${number}`));
  return { plan, version };
}

/** One plan's summary (status, lineage, focal department), or 404. */
export async function getPlanSummary(ctx: Ctx, id: string): Promise<PlanSummaryDto> {
  const plan = await repo.getPlan(ctx.db, id);
  if (!plan) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  return toSummary(ctx, plan);
}

export async function getPlan(ctx: Ctx, id: string, versionNumber?: number): Promise<PlanDto> {
  requireAbility(ctx, canReadPlan);
  return readPlan(ctx, id, versionNumber);
}

/**
 * The plan the public portal shows, for anyone: the plan is a public document ("Nơi nhận: Cổng
 * TTĐT tỉnh"), so the public pages and the feedback form read it without an account. `id` names
 * one (a replaced or ended plan stays readable; unknown: 404); without it, the oldest plan in force
 * today (not replaced, not ended), else the oldest plan.
 */
export async function getPublicPlan(ctx: Ctx, id?: string): Promise<PlanDto> {
  const planId = id ?? (await lineage.defaultPublicPlanId(ctx.db, vietnamDate(ctx.clock.now())));
  if (!planId || !(await repo.getPlan(ctx.db, planId))) {
    throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  }
  return readPlan({ ...ctx, actor: null }, planId);
}

async function readPlan(ctx: Ctx, id: string, versionNumber?: number): Promise<PlanDto> {
  const { plan, version } = await resolveVersion(ctx, id, versionNumber);
  const items = await buildItems(ctx.db, version.id, ctx.actor, vietnamDate(ctx.clock.now()));
  return {
    ...(await toSummary(ctx, plan)),
    issuer: plan.issuer,
    issuerParent: plan.issuerParent,
    place: plan.place,
    legalBases: plan.legalBases,
    preamble: plan.preamble,
    closing: plan.closing,
    recipients: plan.recipients,
    signer: { authority: plan.signerAuthority, name: plan.signerName },
    version: version.number,
    items,
  };
}

/**
 * Items matching a diacritics-insensitive search. An item matches on its own text, on the
 * units responsible for it, or because an ancestor matches ("so tai chinh" finds IV.4).
 */
export async function searchItems(
  ctx: Ctx,
  id: string,
  query: { q?: string; mine?: 'true' | 'false'; version?: number },
) {
  requireAbility(ctx, canReadPlan);
  const { version } = await resolveVersion(ctx, id, query.version);
  const items = await buildItems(ctx.db, version.id, ctx.actor, vietnamDate(ctx.clock.now()));
  const needle = query.q ? foldText(query.q) : '';
  const byId = new Map(items.map((i) => [i.id, i]));
  const haystack = (i: PlanItemDto) =>
    foldText(
      [
        i.label,
        i.title ?? '',
        i.text ?? '',
        ...i.assignments.flatMap((a) => [a.orgUnit?.fullName ?? '', ...a.currentUnits.map((u) => u.fullName)]),
      ].join(' '),
    );
  const matches = (i: PlanItemDto): boolean => {
    if (!needle) return true;
    if (haystack(i).includes(needle)) return true;
    const parent = i.parentId ? byId.get(i.parentId) : undefined;
    return parent ? foldText(parent.title ?? '').includes(needle) : false;
  };
  return { data: items.filter((i) => matches(i) && (query.mine !== 'true' || i.isMine)) };
}
