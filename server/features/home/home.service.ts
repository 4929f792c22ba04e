// The home page's work queue of the signed-in account, by role. Read-only; it reads other modules
// only through their index.ts (reporting's cycles, reports and board; the plan's amendments; the
// unit accounts notices go to).
import type {
  AdminHomeDto,
  FocalHomeDto,
  HomeCycleDto,
  HomePlanDto,
  HomeResponse,
  HomeUnitReportDto,
  LeaderHomeDto,
  UnitHomeDto,
} from '../../../shared/contracts/home.js';
import type { CompletenessQuery, CycleDto } from '../../../shared/contracts/reporting.js';
import { periodOf, periodSortKey } from '../../../shared/periods.js';
import { kindGroupOf, validateForSubmit } from '../../../shared/reporting-rules.js';
import { requireActor } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { unitAccounts } from '../notifications/index.js';
import { listAmendments, listPlanSummaries, listPlans } from '../plan/index.js';
import { expectedUnitsOf, getCompleteness, getMyReport, listCycles } from '../reporting/index.js';

/** The first points of what is missing that the home page lists. */
const MISSING_SHOWN = 10;

const boardQuery = (q: Partial<CompletenessQuery>): CompletenessQuery => ({
  sort: 'name',
  dir: 'asc',
  page: 1,
  pageSize: 50,
  ...q,
});

/** The latest open cycle (and, when asked, the latest draft when none is open). */
function currentCycle(cycles: CycleDto[], opts: { orDraft: boolean }): CycleDto | null {
  const latest = (status: CycleDto['status']) =>
    cycles
      .filter((c) => c.status === status)
      .sort((a, b) => periodSortKey(periodOf(b)).localeCompare(periodSortKey(periodOf(a))))[0];
  return latest('open') ?? (opts.orDraft ? latest('draft') : undefined) ?? null;
}

/** What the home says of a cycle before its counts. */
const cycleHeader = (cycle: CycleDto) => ({
  id: cycle.id,
  planId: cycle.planId,
  year: cycle.year,
  periodKind: cycle.periodKind,
  periodNumber: cycle.periodNumber,
  deadline: cycle.deadline,
  status: cycle.status,
});

async function cycleSummary(ctx: Ctx, cycle: CycleDto): Promise<HomeCycleDto> {
  const base = cycleHeader(cycle);
  if (cycle.status === 'draft') return { ...base, counts: null };
  const awaiting = await getCompleteness(ctx, cycle.id, boardQuery({ status: 'submitted', pageSize: 1 }));
  const { expected, submitted, onTime, late, missing, returned, accepted } = awaiting;
  return {
    ...base,
    counts: { expected, submitted, onTime, late, missing, returned, accepted, awaitingReview: awaiting.page.total },
  };
}

/**
 * The plans a focal officer or a leader follows: every plan in force and the latest replaced one
 * (its last cycle may still be under review), each with its current cycle — the latest open one,
 * else the latest draft — nearest deadline first, plans without a cycle last.
 */
async function plansOverview(ctx: Ctx, cycles: CycleDto[]): Promise<HomePlanDto[]> {
  const plans = (await listPlanSummaries(ctx)).data;
  const latestReplaced = plans
    .filter((p) => p.status === 'replaced')
    .sort((a, b) => (b.replacedBy?.fromDate ?? '').localeCompare(a.replacedBy?.fromDate ?? ''))[0];
  const shown = plans.filter((p) => p.status === 'in_force' || p.id === latestReplaced?.id);
  const rows = await Promise.all(
    shown.map(async (plan): Promise<HomePlanDto> => {
      const own = cycles.filter((c) => c.planId === plan.id);
      const latest = (status: CycleDto['status']) =>
        own.filter((c) => c.status === status).sort((a, b) => b.year - a.year)[0];
      const cycle = latest('open') ?? latest('draft');
      return {
        planId: plan.id,
        number: plan.number,
        title: plan.title,
        status: plan.status,
        endedOn: plan.endedOn,
        cycle: cycle ? await cycleSummary(ctx, cycle) : null,
      };
    }),
  );
  return rows.sort(
    (a, b) =>
      (a.cycle?.deadline ?? '9999').localeCompare(b.cycle?.deadline ?? '9999') ||
      a.number.localeCompare(b.number, 'vi', { numeric: true }),
  );
}

async function unitHome(ctx: Ctx): Promise<UnitHomeDto> {
  const open = (await listCycles(ctx, { status: 'open' })).data.filter((c) => c.isExpected);
  const planNumbers = new Map((await listPlans(ctx.db)).map((p) => [p.id, p.number]));
  const reports: HomeUnitReportDto[] = [];
  for (const cycle of open) {
    const report = await getMyReport(ctx, cycle.id);
    const issues =
      report.status === 'draft' || report.status === 'returned'
        ? validateForSubmit(report.form, {
            values: report.values,
            sections: report.sections,
            otherResults: report.otherResults,
            proposalsToCommittee: report.proposalsToCommittee,
          })
        : [];
    reports.push({
      reportId: report.id,
      cycleId: cycle.id,
      planId: cycle.planId,
      planNumber: planNumbers.get(cycle.planId) ?? '',
      year: cycle.year,
      periodKind: cycle.periodKind,
      periodNumber: cycle.periodNumber,
      status: report.status,
      deadline: report.deadline,
      lockDate: report.lockDate,
      submittedAt: report.submittedAt,
      isLate: report.isLate,
      returnReason: report.status === 'returned' ? report.returnReason : null,
      missing: issues.slice(0, MISSING_SHOWN).map((issue) => issue.message[ctx.lang]),
      missingCount: issues.length,
    });
  }
  // Every plan's duties in one queue: the nearest deadline (the unit's own, extensions included) first.
  reports.sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.planNumber.localeCompare(b.planNumber, 'vi', { numeric: true }),
  );
  return { role: 'unit', reports };
}

async function focalHome(ctx: Ctx): Promise<FocalHomeDto> {
  const cycles = (await listCycles(ctx, {})).data;
  const plans = await plansOverview(ctx, cycles);
  const cycle = currentCycle(cycles, { orDraft: false });
  if (!cycle) return { role: 'focal', plans, cycle: null, awaitingReview: [], missingUnits: [], canRemind: false };
  const [summary, awaiting, missing] = await Promise.all([
    cycleSummary(ctx, cycle),
    getCompleteness(ctx, cycle.id, boardQuery({ status: 'submitted', sort: 'submittedAt' })),
    getCompleteness(ctx, cycle.id, boardQuery({ status: 'missing', pageSize: 200 })),
  ]);
  return {
    role: 'focal',
    plans,
    cycle: summary,
    awaitingReview: awaiting.units,
    missingUnits: missing.units,
    canRemind: cycle.abilities.canRemind,
  };
}

async function leaderHome(ctx: Ctx): Promise<LeaderHomeDto> {
  const all = await listPlans(ctx.db);
  // Proposals of every plan wait in one list, oldest submission first.
  const amendments = (
    await Promise.all(
      all.map(async (plan) =>
        (await listAmendments(ctx, plan.id, { status: 'submitted' })).data.map((a) => ({
          ...a,
          planNumber: plan.number,
        })),
      ),
    )
  )
    .flat()
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const cycles = (await listCycles(ctx, {})).data;
  const cycle = currentCycle(cycles, { orDraft: false });
  return {
    role: 'leader',
    plans: await plansOverview(ctx, cycles),
    amendments: amendments.map((a) => ({
      planNumber: a.planNumber,
      id: a.id,
      summary: a.summary,
      submittedAt: a.submittedAt,
      createdBy: a.createdBy?.name ?? null,
      changeCount: a.changes.length,
    })),
    cycle: cycle ? await cycleSummary(ctx, cycle) : null,
  };
}

async function adminHome(ctx: Ctx): Promise<AdminHomeDto> {
  const cycle = currentCycle((await listCycles(ctx, {})).data, { orDraft: true });
  if (!cycle) return { role: 'admin', cycle: null, unitsWithoutAccount: [] };
  const expected = await expectedUnitsOf(ctx.db, cycle.id);
  const withAccount = new Set(
    (
      await unitAccounts(
        ctx.db,
        expected.map((u) => u.orgUnitId),
      )
    ).map((a) => a.orgUnitId),
  );
  return {
    role: 'admin',
    cycle: { ...cycleHeader(cycle), counts: null },
    unitsWithoutAccount: expected
      .filter((u) => !withAccount.has(u.orgUnitId))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((u) => ({
        id: u.orgUnitId,
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        kind: u.kind,
        kindGroup: kindGroupOf(u.kind),
      })),
  };
}

/** GET /home — the signed-in account's work queue. */
export async function getHome(ctx: Ctx): Promise<HomeResponse> {
  const actor = requireActor(ctx);
  if (actor.role === 'unit') return actor.orgUnitId ? unitHome(ctx) : { role: 'unit', reports: [] };
  if (actor.role === 'focal') return focalHome(ctx);
  if (actor.role === 'leader') return leaderHome(ctx);
  return adminHome(ctx);
}
