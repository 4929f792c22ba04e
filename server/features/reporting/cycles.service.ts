import { and, inArray } from 'drizzle-orm';
import type {
  ChangeExpectedUnitRequest,
  CompletenessQuery,
  CompletenessResponse,
  CreateCycleRequest,
  CreateExtensionRequest,
  CycleDto,
  ExpectedUnitsResponse,
  ExtensionDto,
  UpdateCycleRequest,
} from '../../../shared/contracts/reporting.js';
import { UNIT_GROUP_KINDS, type OrgUnitKind, type UnitGroup } from '../../../shared/domain.js';
import { hasPermission } from '../../../shared/permissions.js';
import { defaultDeadline, kindGroupOf, lockDate, unitDeadline, viDate, vietnamDay } from '../../../shared/reporting-rules.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, type FrozenSection } from '../../db/schema/index.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { currentHolders, getUnit, validDuring, validOn, type OrgUnitRow } from '../org-units/org-units.repository.js';
import * as plansRepo from '../plans/plans.repository.js';
import * as repo from './cycles.repository.js';
import { freezeIndicator, iso, person, toCycleUnitDto, toFormIndicatorDto } from './reporting.dto.js';
import { insertNotifications, unitAccounts } from './reports.repository.js';

const cycleNotFound = () => notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));

/** A cycle, or 404. */
export async function loadCycle(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<repo.CycleRow> {
  const cycle = await repo.getCycle(db, id, opts);
  if (!cycle) throw cycleNotFound();
  return cycle;
}

function cycleLabel(c: { year: number }): { vi: string; en: string } {
  return { vi: `Kỳ báo cáo năm ${c.year}`, en: `The ${c.year} reporting cycle` };
}

function requireDraft(cycle: repo.CycleRow): void {
  if (cycle.status !== 'draft') {
    throw new AppError(
      'CYCLE_NOT_DRAFT',
      msg(`${cycleLabel(cycle).vi} đã mở; danh sách đơn vị và biểu mẫu không còn thay đổi được`, `${cycleLabel(cycle).en} is open; its units and form are frozen`),
      { status: 409 },
    );
  }
}

function requireOpen(cycle: Pick<repo.CycleRow, 'status' | 'year'>): void {
  if (cycle.status !== 'open') {
    throw new AppError(
      'CYCLE_NOT_OPEN',
      msg(`${cycleLabel(cycle).vi} ${cycle.status === 'draft' ? 'chưa mở' : 'đã đóng'}`, `${cycleLabel(cycle).en} is ${cycle.status === 'draft' ? 'not open yet' : 'closed'}`),
      { status: 409 },
    );
  }
}

function itemTitle(i: { title: string | null; text: string | null }): string {
  const t = i.title ?? i.text ?? '';
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/**
 * The units a plan version assigns duties to, as they stand at the end of the data window, each
 * with the plan items (sections of its form) it holds. A unit named in the plan is read as its
 * current holder (Nghị quyết 190/2025/QH15: merged and renamed agencies keep the function); a
 * group stands for every unit of its kinds valid at the window's end.
 */
export async function computeExpectedUnits(
  db: DbOrTx,
  versionId: string,
  windowStart: string,
  windowEnd: string,
): Promise<Map<string, { unit: OrgUnitRow; sections: FrozenSection[] }>> {
  const { items, assignments } = await plansRepo.loadItems(db, versionId);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const named = [...new Set(assignments.map((a) => a.a.orgUnitId).filter((x): x is string => Boolean(x)))];
  const holders = await currentHolders(db, named, windowEnd);
  const groups = [...new Set(assignments.map((a) => a.a.unitGroup).filter((g): g is UnitGroup => Boolean(g)))];
  const groupKinds = [...new Set(groups.flatMap((g) => UNIT_GROUP_KINDS[g]))] as OrgUnitKind[];
  const groupUnits = groupKinds.length
    ? await db
        .select()
        .from(orgUnits)
        .where(and(validOn(windowEnd), validDuring(windowStart, windowEnd), inArray(orgUnits.kind, groupKinds)))
    : [];
  const result = new Map<string, { unit: OrgUnitRow; sections: Map<string, FrozenSection> }>();
  const add = (unit: OrgUnitRow, itemId: string, role: 'lead' | 'coordinate') => {
    const item = itemById.get(itemId);
    if (!item) return;
    let entry = result.get(unit.id);
    if (!entry) result.set(unit.id, (entry = { unit, sections: new Map() }));
    const prev = entry.sections.get(itemId);
    if (prev && (prev.role === 'lead' || role === 'coordinate')) return;
    entry.sections.set(itemId, { planItemId: item.id, key: item.key, label: item.label, title: itemTitle(item), role });
  };
  for (const { a } of assignments) {
    if (a.orgUnitId) for (const h of holders.get(a.orgUnitId) ?? []) add(h, a.itemId, a.role);
    if (a.unitGroup) for (const u of groupUnits) if (UNIT_GROUP_KINDS[a.unitGroup].includes(u.kind)) add(u, a.itemId, a.role);
  }
  const position = new Map(items.map((i) => [i.id, i.position]));
  return new Map(
    [...result].map(([id, e]) => [id, { unit: e.unit, sections: [...e.sections.values()].sort((x, y) => position.get(x.planItemId)! - position.get(y.planItemId)!) }]),
  );
}

async function catalogueFor(db: DbOrTx, codes: string[] | null) {
  const all = await repo.allIndicators(db);
  if (!codes) return all.filter((i) => i.isActive);
  const byCode = new Map(all.map((i) => [i.code, i]));
  return codes.map((c) => byCode.get(c)!).filter(Boolean).sort((a, b) => a.position - b.position);
}

async function checkIndicatorCodes(db: DbOrTx, codes: string[] | undefined): Promise<string[] | null> {
  if (!codes) return null;
  const all = new Set((await repo.allIndicators(db)).map((i) => i.code));
  const unknown = codes.filter((c) => !all.has(c));
  if (unknown.length) {
    throw invalidField('indicatorCodes', msg(`chỉ tiêu không có trong danh mục: ${unknown.join(', ')}`, `indicators not in the catalogue: ${unknown.join(', ')}`));
  }
  if (codes.length === 0) throw invalidField('indicatorCodes', msg('biểu mẫu cần ít nhất một chỉ tiêu', 'the form needs at least one indicator'));
  return [...new Set(codes)];
}

function checkDates(d: { year: number; windowStart: string; windowEnd: string; deadline: string }): void {
  if (d.windowStart > d.windowEnd) {
    throw invalidField('windowEnd', msg(`ngày kết thúc kỳ số liệu (${viDate(d.windowEnd)}) trước ngày bắt đầu (${viDate(d.windowStart)})`, 'the data window ends before it starts'));
  }
  if (d.deadline < d.windowStart) {
    throw invalidField('deadline', msg(`hạn nộp (${viDate(d.deadline)}) trước ngày bắt đầu kỳ số liệu`, 'the deadline is before the data window starts'));
  }
}

async function toCycleDto(ctx: Ctx, cycle: repo.CycleRow, expectedCount?: number): Promise<CycleDto> {
  const actor = ctx.actor;
  const indicators = cycle.form ? cycle.form.indicators : (await catalogueFor(ctx.db, cycle.indicatorCodes)).map(freezeIndicator);
  const count = expectedCount ?? (await repo.expectedCounts(ctx.db, [cycle.id])).get(cycle.id) ?? 0;
  let myDeadline: string | null = null;
  let isExpected = false;
  if (actor?.role === 'unit' && actor.orgUnitId) {
    const e = await repo.getExpected(ctx.db, cycle.id, actor.orgUnitId);
    if (e && !e.removedAt) {
      isExpected = true;
      myDeadline = cycle.status === 'draft' ? cycle.deadline : e.deadline;
    }
  }
  let planVersion: number | null = null;
  if (cycle.planVersionId) {
    const plan = await plansRepo.getPlan(ctx.db, cycle.planId);
    for (let n = plan?.currentVersion ?? 0; n >= 1 && planVersion === null; n--) {
      const v = await plansRepo.getVersion(ctx.db, cycle.planId, n);
      if (v?.id === cycle.planVersionId) planVersion = n;
    }
  }
  const manage = actor ? hasPermission(actor.role, 'cycle.manage') : false;
  return {
    id: cycle.id,
    planId: cycle.planId,
    planVersion,
    year: cycle.year,
    windowStart: cycle.windowStart,
    windowEnd: cycle.windowEnd,
    deadline: cycle.deadline,
    graceDays: cycle.graceDays,
    lockDate: lockDate(cycle.deadline, cycle.graceDays),
    status: cycle.status,
    openedAt: iso(cycle.openedAt),
    closedAt: iso(cycle.closedAt),
    indicatorCodes: indicators.map((i) => i.code),
    indicators: indicators.map(toFormIndicatorDto),
    expectedCount: count,
    myDeadline,
    isExpected,
    createdAt: iso(cycle.createdAt)!,
    abilities: {
      canEdit: manage && cycle.status === 'draft',
      canOpen: manage && cycle.status === 'draft',
      canClose: manage && cycle.status === 'open',
      canReopen: manage && cycle.status === 'closed',
      canExtend: manage && cycle.status === 'open',
      canRemind: manage && cycle.status === 'open',
      canReadCompleteness: actor ? hasPermission(actor.role, 'completeness.read') : false,
    },
  };
}

/**
 * Closes an open cycle (`closed: true`): from now on no unit saves or submits and no extension is
 * granted, however late its deadline; submitted reports can still be accepted. Or opens a closed
 * cycle again (`closed: false`, a cycle closed by mistake). Either way logged.
 */
export async function setCycleClosed(ctx: Ctx, id: string, closed: boolean): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    if (closed) requireOpen(current);
    else if (current.status !== 'closed') {
      throw new AppError('CYCLE_NOT_CLOSED', msg(`${cycleLabel(current).vi} chưa đóng`, `${cycleLabel(current).en} is not closed`), { status: 409 });
    }
    const now = ctx.clock.now();
    const updated = await repo.updateCycle(tx, id, closed ? { status: 'closed', closedAt: now, closedBy: actor.id } : { status: 'open', closedAt: null, closedBy: null });
    await writeAudit(tx, {
      actor,
      action: closed ? 'cycle.close' : 'cycle.reopen',
      entityType: 'report_cycle',
      entityId: id,
      data: { year: current.year, ...(closed ? {} : { closedAt: iso(current.closedAt) }) },
      requestId: ctx.requestId,
      at: now,
    });
    return updated;
  });
  return toCycleDto(ctx, row);
}

/** The indicator catalogue (everyone signed in reads it: it is the cycle form's menu). */
export async function listIndicators(ctx: Ctx) {
  requireAccess(ctx, 'cycle.read');
  const rows = await repo.allIndicators(ctx.db);
  return { data: rows.map((i) => ({ ...toFormIndicatorDto(freezeIndicator(i)), isActive: i.isActive })) };
}

/** Cycles, newest year first. */
export async function listCycles(ctx: Ctx, q: { planId?: string; year?: number; status?: repo.CycleRow['status'] }) {
  requireAccess(ctx, 'cycle.read');
  const rows = await repo.listCycles(ctx.db, q);
  const counts = await repo.expectedCounts(ctx.db, rows.map((r) => r.id));
  return { data: await Promise.all(rows.map((r) => toCycleDto(ctx, r, counts.get(r.id) ?? 0))) };
}

export async function getCycle(ctx: Ctx, id: string): Promise<CycleDto> {
  requireAccess(ctx, 'cycle.read');
  return toCycleDto(ctx, await loadCycle(ctx.db, id));
}

function expectedRow(cycleId: string, unit: OrgUnitRow, sections: FrozenSection[], deadline: string, source: 'plan' | 'manual', reason: string | null) {
  return {
    cycleId,
    orgUnitId: unit.id,
    code: unit.code,
    name: unit.name,
    fullName: unit.fullName,
    kind: unit.kind,
    searchText: foldText(`${unit.fullName} ${unit.code}`),
    source,
    reason,
    sections,
    deadline,
  };
}

/**
 * Creates a cycle as a draft, with the expected units proposed from the plan's current
 * version; the focal department reviews the list, then opens the cycle.
 */
export async function createCycle(ctx: Ctx, input: CreateCycleRequest): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const plan = await plansRepo.getPlan(ctx.db, input.planId);
  if (!plan) throw invalidField('planId', msg('không tìm thấy kế hoạch', 'plan not found'));
  const dates = {
    year: input.year,
    windowStart: input.windowStart ?? `${input.year}-01-01`,
    windowEnd: input.windowEnd ?? `${input.year}-12-31`,
    deadline: input.deadline ?? defaultDeadline(input.year),
  };
  checkDates(dates);
  const indicatorCodes = await checkIndicatorCodes(ctx.db, input.indicatorCodes);
  const version = await plansRepo.getVersion(ctx.db, plan.id, plan.currentVersion);
  if (!version) throw notFound(msg('Kế hoạch chưa có phiên bản', 'The plan has no version'));
  const expected = await computeExpectedUnits(ctx.db, version.id, dates.windowStart, dates.windowEnd);
  const cycle = await ctx.db.transaction(async (tx) => {
    if (await repo.getCycleByPlanYear(tx, plan.id, input.year)) {
      throw new AppError(
        'CONFLICT',
        msg(`Kế hoạch ${plan.number} đã có kỳ báo cáo năm ${input.year}`, `Plan ${plan.number} already has a ${input.year} reporting cycle`),
        { status: 409, issues: [{ path: 'year', message: msg('Năm này đã có kỳ báo cáo', 'This year already has a cycle') }] },
      );
    }
    const row = await repo.insertCycle(tx, {
      planId: plan.id,
      year: input.year,
      windowStart: dates.windowStart,
      windowEnd: dates.windowEnd,
      deadline: dates.deadline,
      graceDays: input.graceDays,
      indicatorCodes,
      createdAt: ctx.clock.now(),
      createdBy: actor.id,
    });
    await repo.insertExpected(tx, [...expected.values()].map((e) => expectedRow(row.id, e.unit, e.sections, row.deadline, 'plan', null)));
    await writeAudit(tx, {
      actor,
      action: 'cycle.create',
      entityType: 'report_cycle',
      entityId: row.id,
      data: { ...dates, graceDays: input.graceDays, expectedUnits: expected.size },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
    return row;
  });
  return toCycleDto(ctx, cycle, expected.size);
}

/** Changes a draft cycle's dates or form. */
export async function updateCycle(ctx: Ctx, id: string, input: UpdateCycleRequest): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const indicatorCodes = input.indicatorCodes ? await checkIndicatorCodes(ctx.db, input.indicatorCodes) : undefined;
  const cycle = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    requireDraft(current);
    const next = {
      year: current.year,
      windowStart: input.windowStart ?? current.windowStart,
      windowEnd: input.windowEnd ?? current.windowEnd,
      deadline: input.deadline ?? current.deadline,
    };
    checkDates(next);
    const row = await repo.updateCycle(tx, id, {
      ...next,
      graceDays: input.graceDays ?? current.graceDays,
      ...(indicatorCodes !== undefined ? { indicatorCodes } : {}),
    });
    await repo.setAllExpectedDeadlines(tx, id, row.deadline);
    await writeAudit(tx, { actor, action: 'cycle.update', entityType: 'report_cycle', entityId: id, data: input, requestId: ctx.requestId, at: ctx.clock.now() });
    return row;
  });
  return toCycleDto(ctx, cycle);
}

async function latestExtensions(db: DbOrTx, cycleId: string) {
  const all = await repo.listExtensions(db, cycleId);
  const latest = new Map<string, (typeof all)[number]>();
  for (const x of all) if (!latest.has(x.orgUnitId)) latest.set(x.orgUnitId, x);
  return latest;
}

/** The expected units of a cycle with their sections and extensions (and, for the record, those removed). */
export async function listExpectedUnits(ctx: Ctx, id: string): Promise<ExpectedUnitsResponse> {
  requireAccess(ctx, 'report.read.all');
  const cycle = await loadCycle(ctx.db, id);
  const rows = await repo.listExpected(ctx.db, cycle.id);
  const ext = await latestExtensions(ctx.db, cycle.id);
  return {
    data: rows
      .filter((r) => !r.removedAt)
      .map((r) => {
        const x = ext.get(r.orgUnitId);
        return {
          unit: toCycleUnitDto(r),
          source: r.source,
          reason: r.reason,
          sections: r.sections,
          extension: x ? { deadline: x.deadline, reason: x.reason, at: iso(x.createdAt)! } : null,
        };
      }),
    removed: rows.filter((r) => r.removedAt).map((r) => ({ unit: toCycleUnitDto(r), reason: r.removedReason ?? '', at: iso(r.removedAt)! })),
  };
}

/** Adds or removes a unit before opening; the reason is logged. */
export async function changeExpectedUnit(ctx: Ctx, id: string, input: ChangeExpectedUnitRequest): Promise<ExpectedUnitsResponse> {
  const actor = requireAccess(ctx, 'cycle.manage');
  await ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, id, { forUpdate: true });
    requireDraft(cycle);
    const existing = await repo.getExpected(tx, id, input.orgUnitId);
    const now = ctx.clock.now();
    if (input.action === 'remove') {
      if (!existing || existing.removedAt) {
        throw invalidField('orgUnitId', msg('đơn vị không có trong danh sách phải báo cáo', 'the unit is not in the expected list'));
      }
      await repo.updateExpected(tx, id, input.orgUnitId, { removedAt: now, removedReason: input.reason });
    } else {
      if (existing && !existing.removedAt) {
        throw invalidField('orgUnitId', msg(`${existing.name} đã có trong danh sách phải báo cáo`, `${existing.name} is already expected`));
      }
      const unit = await getUnit(tx, input.orgUnitId);
      const valid = unit && (!unit.validFrom || unit.validFrom <= cycle.windowEnd) && (!unit.validTo || unit.validTo >= cycle.windowEnd);
      if (!unit || !valid) {
        throw invalidField('orgUnitId', msg('đơn vị không tồn tại vào cuối kỳ số liệu', 'the unit does not exist at the end of the data window'));
      }
      if (existing) {
        await repo.updateExpected(tx, id, input.orgUnitId, { removedAt: null, removedReason: null, reason: input.reason });
      } else {
        await repo.insertExpected(tx, [expectedRow(id, unit, [], cycle.deadline, 'manual', input.reason)]);
      }
    }
    await writeAudit(tx, {
      actor,
      action: input.action === 'add' ? 'cycle.unit.add' : 'cycle.unit.remove',
      entityType: 'report_cycle',
      entityId: id,
      data: { orgUnitId: input.orgUnitId, reason: input.reason },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return listExpectedUnits(ctx, id);
}

/**
 * Opens the cycle: freezes the form (indicators from the catalogue), the plan version, and the
 * expected units with their names and sections as of now. Later changes to units or the
 * catalogue never change an open cycle.
 */
export async function openCycle(ctx: Ctx, id: string): Promise<CycleDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  const cycle = await ctx.db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, { forUpdate: true });
    requireDraft(current);
    const plan = await plansRepo.getPlan(tx, current.planId);
    const version = plan ? await plansRepo.getVersion(tx, plan.id, plan.currentVersion) : undefined;
    if (!version) throw notFound(msg('Kế hoạch chưa có phiên bản', 'The plan has no version'));
    const rows = await repo.listExpected(tx, id, { activeOnly: true });
    if (rows.length === 0) {
      throw new AppError('VALIDATION_ERROR', msg(`${cycleLabel(current).vi} chưa có đơn vị nào phải báo cáo`, `${cycleLabel(current).en} has no expected unit`));
    }
    const indicators = (await catalogueFor(tx, current.indicatorCodes)).map(freezeIndicator);
    // Sections and names as of the opening (the plan may have been amended since the draft).
    const fresh = await computeExpectedUnits(tx, version.id, current.windowStart, current.windowEnd);
    for (const r of rows) {
      const f = fresh.get(r.orgUnitId);
      const unit = f?.unit ?? (await getUnit(tx, r.orgUnitId));
      await repo.updateExpected(tx, id, r.orgUnitId, {
        sections: f?.sections ?? r.sections,
        name: unit?.name ?? r.name,
        fullName: unit?.fullName ?? r.fullName,
        searchText: foldText(`${unit?.fullName ?? r.fullName} ${r.code}`),
        deadline: current.deadline,
      });
    }
    const now = ctx.clock.now();
    const row = await repo.updateCycle(tx, id, { status: 'open', form: { indicators }, planVersionId: version.id, openedAt: now, openedBy: actor.id });
    await writeAudit(tx, {
      actor,
      action: 'cycle.open',
      entityType: 'report_cycle',
      entityId: id,
      data: { expectedUnits: rows.length, indicators: indicators.map((i) => i.code), planVersion: version.number },
      requestId: ctx.requestId,
      at: now,
    });
    return row;
  });
  return toCycleDto(ctx, cycle);
}

function toExtensionDto(x: Awaited<ReturnType<typeof repo.listExtensions>>[number]): ExtensionDto {
  return {
    id: x.id,
    cycleId: x.cycleId,
    orgUnitId: x.orgUnitId,
    deadline: x.deadline,
    reason: x.reason,
    createdAt: iso(x.createdAt)!,
    createdBy: person(x.createdBy, x.createdByName, null),
  };
}

/** Extends one unit's deadline, with a reason the unit sees. */
export async function createExtension(ctx: Ctx, id: string, input: CreateExtensionRequest): Promise<ExtensionDto> {
  const actor = requireAccess(ctx, 'cycle.manage');
  return ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, id, { forUpdate: true });
    requireOpen(cycle);
    const e = await repo.getExpected(tx, id, input.orgUnitId);
    if (!e || e.removedAt) throw invalidField('orgUnitId', msg('đơn vị không có trong danh sách phải báo cáo của kỳ', 'the unit is not expected in this cycle'));
    if (input.deadline <= cycle.deadline) {
      throw invalidField('deadline', msg(`hạn gia hạn phải sau hạn chung ${viDate(cycle.deadline)}`, `the extension must be after the deadline ${cycle.deadline}`));
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
    await repo.updateExpected(tx, id, input.orgUnitId, { deadline: unitDeadline(cycle.deadline, input.deadline), hasExtension: true });
    const accounts = await unitAccounts(tx, [input.orgUnitId]);
    await insertNotifications(
      tx,
      accounts.map((a) => ({
        userId: a.id,
        kind: 'extension',
        title: `Gia hạn nộp báo cáo năm ${cycle.year} đến ${viDate(input.deadline)}`,
        body: `Lý do: ${input.reason}`,
        link: `/bao-cao-cua-don-vi`,
        createdAt: now,
      })),
    );
    await writeAudit(tx, { actor, action: 'cycle.extension', entityType: 'report_cycle', entityId: id, data: input, requestId: ctx.requestId, at: now });
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

/**
 * The focal department's board: the seven counts, the same per kind group, and a page of
 * units — with the cycle's status, all from one statement over the frozen list.
 */
export async function getCompleteness(ctx: Ctx, id: string, q: CompletenessQuery): Promise<CompletenessResponse> {
  requireAccess(ctx, 'completeness.read');
  const today = vietnamDay(ctx.clock.now());
  const { cycleStatus, kinds, rows, total } = await repo.completenessBoard(ctx.db, id, q, today);
  if (!cycleStatus) throw cycleNotFound();
  const cycle = { id, status: cycleStatus };
  const zero = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, returned: 0, accepted: 0 };
  const byKind = kinds
    .map((k) => ({ kindGroup: k.kindGroup, expected: k.expected, submitted: k.submitted, onTime: k.onTime, late: k.late, missing: k.expected - k.submitted, returned: k.returned, accepted: k.accepted }))
    .sort((a, b) => ['department', 'locality', 'enterprise', 'other'].indexOf(a.kindGroup) - ['department', 'locality', 'enterprise', 'other'].indexOf(b.kindGroup));
  const totals = byKind.reduce(
    (acc, k) => ({
      expected: acc.expected + k.expected,
      submitted: acc.submitted + k.submitted,
      onTime: acc.onTime + k.onTime,
      late: acc.late + k.late,
      missing: acc.missing + k.missing,
      returned: acc.returned + k.returned,
      accepted: acc.accepted + k.accepted,
    }),
    zero,
  );
  return {
    cycleId: cycle.id,
    ...totals,
    byKind,
    units: rows.map((r) => ({
      unit: { id: r.orgUnitId, code: r.code, name: r.name, fullName: r.fullName, kind: r.kind as OrgUnitKind, kindGroup: kindGroupOf(r.kind as OrgUnitKind) },
      status: r.status,
      reportId: r.reportId,
      firstSubmittedAt: iso(r.firstSubmittedAt),
      submittedAt: iso(r.submittedAt),
      isLate: Boolean(r.isLate),
      daysLate: cycle.status === 'draft' ? 0 : r.daysLate,
      deadline: r.deadline,
      hasExtension: r.hasExtension,
      lastRemindedAt: iso(r.lastRemindedAt),
    })),
    page: { page: q.page, pageSize: q.pageSize, total },
  };
}

export { requireOpen, cycleLabel };
