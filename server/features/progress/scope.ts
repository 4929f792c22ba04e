// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { CycleRef, DifficultyDto, IndicatorRef, ProgressQuery } from '../../../shared/contracts/progress.js';
import { itemCitation, type CitableItem } from '../../../shared/plan-citation.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { reportDeskItems } from '../feedback/index.js';
import { getAgencySettings } from '../settings/index.js';
import { getPlan, latestVersion, listPlans, loadItems } from '../plan/index.js';
import {
  itemProgress,
  notExpectedUnitIds,
  planCycles,
  raisedByItem,
  type CatalogueIndicator,
  type PlanCycleRow,
} from '../reporting/index.js';
import { type Lang } from './figures.js';
import { canReadProgress } from './policy.js';

/** What every dashboard starts from: the plan, its cycles past draft, the chosen cycle. */
export interface Scope {
  plan: { id: string; number: string; title: string };
  cycles: PlanCycleRow[];
  cycle: PlanCycleRow | null;
  lang: Lang;
}

export const cycleRef = (c: PlanCycleRow | null): CycleRef | null =>
  c ? { id: c.id, year: c.year, status: c.status } : null;

export async function scopeOf(ctx: Ctx, q: ProgressQuery): Promise<Scope> {
  requireAbility(ctx, canReadProgress);
  const plan = q.planId ? await getPlan(ctx.db, q.planId) : (await listPlans(ctx.db))[0];
  if (!plan) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  const cycles = await planCycles(ctx.db, plan.id);
  let cycle: PlanCycleRow | null = cycles.at(-1) ?? null;
  if (q.year !== undefined) {
    cycle = cycles.find((c) => c.year === q.year) ?? null;
    if (!cycle)
      throw invalidField(
        'year',
        msg(
          `Năm: không có kỳ báo cáo năm ${q.year} của kế hoạch`,
          `Year: the plan has no reporting cycle for ${q.year}`,
        ),
      );
  }
  return { plan: { id: plan.id, number: plan.number, title: plan.title }, cycles, cycle, lang: ctx.lang };
}

/** The plan's items (latest version) by key, to cite them as issued and order them as the plan does. */
export async function planItemsByKey(ctx: Ctx, planId: string) {
  const version = await latestVersion(ctx.db, planId);
  const items = version ? (await loadItems(ctx.db, version.version.id)).items : [];
  const citable: CitableItem[] = items.map((i) => ({ key: i.key, label: i.label, title: i.title }));
  const byKey = new Map(items.map((i, position) => [i.key, { item: i, position }]));
  return {
    cite(key: string, label: string, title: string | null, lang: Lang) {
      const found = byKey.get(key);
      const text = found ? itemCitation({ key, label: found.item.label, title: found.item.title }, citable) : label;
      return lang === 'en' ? text.replace(/^mục/u, 'item') : text;
    },
    title(key: string, fallback: string | null) {
      return byKey.get(key)?.item.title ?? byKey.get(key)?.item.text?.slice(0, 160) ?? fallback ?? '';
    },
    position: (key: string) => byKey.get(key)?.position ?? Number.MAX_SAFE_INTEGER,
  };
}

/** Keys of plan items by item id, from the cycle's sections (the ids are those of the frozen version). */
export function itemsById(rows: Array<{ planItemId: string; key: string; label: string; title: string | null }>) {
  return new Map(rows.map((r) => [r.planItemId, r]));
}

/* ─────────────────────────────── indicators over the years ─────────────────────────────── */

export const chartable = (i: CatalogueIndicator): i is CatalogueIndicator & { valueType: IndicatorRef['valueType'] } =>
  i.valueType !== 'text';

export function indicatorRef(
  i: CatalogueIndicator & { valueType: IndicatorRef['valueType'] },
  lang: Lang,
): IndicatorRef {
  return { code: i.code, name: lang === 'en' ? i.nameEn : i.name, unit: i.unit, valueType: i.valueType };
}

/* ─────────────────────────────── timeliness, completeness, difficulties ─────────────────────────────── */

/** The compiling agency is not expected to report to itself (as on the board), in every cycle. */
export async function skipped(ctx: Ctx, cycles: PlanCycleRow[]): Promise<string[]> {
  const agency = (await getAgencySettings(ctx.db)).focalDepartment.name;
  const ids = await Promise.all(cycles.map((c) => notExpectedUnitIds(ctx.db, c.id, agency)));
  return [...new Set(ids.flat())];
}

export async function difficultiesOf(ctx: Ctx, scope: Scope) {
  const { cycle, lang } = scope;
  if (!cycle) return [];
  const [raised, sections, cite] = await Promise.all([
    raisedByItem(ctx.db, cycle.id),
    itemProgress(ctx.db, cycle.id),
    planItemsByKey(ctx, scope.plan.id),
  ]);
  const byId = itemsById(sections);
  const desk = await reportDeskItems(ctx.db, [...new Set(raised.flatMap((r) => r.reportIds))]);
  const deskByReport = new Map(desk.map((d) => [d.reportId, d]));
  const list: DifficultyDto[] = raised.map((r) => {
    const s = byId.get(r.planItemId);
    const key = s?.key ?? r.planItemId;
    const items = r.reportIds.map((id) => deskByReport.get(id)).filter((d) => d !== undefined);
    return {
      key,
      citation: s ? cite.cite(key, s.label, s.title, lang) : key,
      title: s ? cite.title(key, s.title) : '',
      difficulties: r.difficulties,
      proposals: r.proposals,
      deskItems: items.length,
      answered: items.filter((d) => d.status === 'answered' || d.status === 'closed').length,
      reportIds: r.reportIds.slice(0, 10),
    };
  });
  return list.sort(
    (a, b) =>
      b.difficulties + b.proposals - (a.difficulties + a.proposals) || cite.position(a.key) - cite.position(b.key),
  );
}
