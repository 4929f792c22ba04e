// The leader's overview and a figure by id (for the exports); the dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { FigureDto, IndicatorRef, OverviewResponse, ProgressQuery } from '../../../shared/contracts/progress.js';

import type { Ctx } from '../../lib/context.js';

import {
  indicatorCatalogue,
  itemProgress,
  timelinessByCycle,
  yearTotals,
  type CatalogueIndicator,
} from '../reporting/index.js';
import { indicatorValue, n, say } from './figures.js';

import { getIndicators } from './indicators.service.js';
import { getItems } from './items.service.js';
import { loadTargets, targetPoints } from './targets.js';
import { getTimeliness } from './timeliness.service.js';
import { chartable, cycleRef, difficultiesOf, planItemsByKey, scopeOf, skipped } from './scope.js';

/* ─────────────────────────────── the leader's one-page overview ─────────────────────────────── */

/** The indicators the overview shows (the plan's headline figures), in this order when present. */
const OVERVIEW_INDICATORS = 6;

export async function getOverview(ctx: Ctx, q: ProgressQuery): Promise<OverviewResponse> {
  const scope = await scopeOf(ctx, q);
  const { lang } = scope;
  // The cycle a director asks about: the open one, else the latest.
  const cycle =
    q.year !== undefined ? scope.cycle : ([...scope.cycles].reverse().find((c) => c.status === 'open') ?? scope.cycle);
  const year = cycle?.year ?? null;
  const [timeliness, catalogue, totals, items, difficulties, targets, cite] = await Promise.all([
    cycle ? skipped(ctx, [cycle]).then((skip) => timelinessByCycle(ctx.db, scope.plan.id, skip)) : Promise.resolve([]),
    indicatorCatalogue(ctx.db),
    year !== null ? yearTotals(ctx.db, scope.plan.id, [year, year - 1]) : Promise.resolve([]),
    cycle ? itemProgress(ctx.db, cycle.id) : Promise.resolve([]),
    cycle ? difficultiesOf(ctx, { ...scope, cycle }) : Promise.resolve([]),
    loadTargets(ctx.db, scope.plan.id, ctx.clock.now()),
    planItemsByKey(ctx, scope.plan.id),
  ]);
  const row = timeliness.find((r) => r.cycleId === cycle?.id);
  const completeness = row
    ? {
        expected: row.expected,
        submitted: row.onTime + row.late,
        onTime: row.onTime,
        late: row.late,
        missing: row.missing,
        accepted: row.accepted,
        method: say(
          lang,
          `Kỳ ${year}: ${n(row.expected, lang)} đơn vị phải báo cáo (trừ cơ quan tổng hợp); đã nộp ${n(row.onTime + row.late, lang)}, trong đó đúng hạn ${n(row.onTime, lang)}; đã tiếp nhận ${n(row.accepted, lang)}.`,
          `Cycle ${year}: ${n(row.expected, lang)} units expected (without the compiling agency); ${n(row.onTime + row.late, lang)} submitted, ${n(row.onTime, lang)} on time; ${n(row.accepted, lang)} accepted.`,
        ),
      }
    : null;
  const points = targetPoints(targets);
  const total = (code: string, y: number, ind: CatalogueIndicator & { valueType: IndicatorRef['valueType'] }) =>
    indicatorValue(
      ind.valueType,
      totals.find((t) => t.code === code && t.year === y),
    );
  const indicators = catalogue
    .filter(chartable)
    .filter((i) => points.has(i.code) || totals.some((t) => t.code === i.code))
    .slice(0, OVERVIEW_INDICATORS)
    .map((i) => {
      const target = points.get(i.code);
      return {
        code: i.code,
        name: lang === 'en' ? i.nameEn : i.name,
        unit: i.valueType === 'boolean' ? say(lang, 'báo cáo "Có"', '"yes" reports') : i.unit,
        value: year !== null ? total(i.code, year, i) : null,
        lastYear: year !== null ? total(i.code, year - 1, i) : null,
        target: target ? { year: target.year, value: target.value } : null,
      };
    });
  const reportsThisYear = Math.max(0, ...totals.filter((t) => t.year === year).map((t) => t.reports));
  const noReport = items
    .filter((i) => i.assigned > 0 && i.reporting === 0)
    .sort((a, b) => cite.position(a.key) - cite.position(b.key))
    .map((i) => ({
      key: i.key,
      citation: cite.cite(i.key, i.label, i.title, lang),
      title: cite.title(i.key, i.title),
    }));
  return {
    plan: scope.plan,
    cycle: cycle ? { ...cycleRef(cycle)!, deadline: cycle.deadline } : null,
    completeness,
    indicators,
    indicatorsMethod: say(
      lang,
      `Tổng (tỷ lệ: trung bình; câu hỏi Có/Không: số báo cáo "Có") của ${n(reportsThisYear, lang)} báo cáo đã tiếp nhận, kỳ ${year ?? '—'}, so với kỳ năm trước và mục tiêu của kế hoạch nếu có.`,
      `Sum (percentages: mean; yes/no: "yes" reports) over ${n(reportsThisYear, lang)} accepted reports, cycle ${year ?? '—'}, against the year before and the plan's target where one exists.`,
    ),
    itemsWithoutReport: noReport,
    itemsMethod: say(
      lang,
      `Các mục có đơn vị được giao trong kỳ ${year ?? '—'} nhưng chưa có báo cáo đã tiếp nhận nào ghi kết quả (${n(noReport.length, lang)}/${n(items.length, lang)} mục).`,
      `Items assigned in cycle ${year ?? '—'} with no accepted report writing a result yet (${n(noReport.length, lang)}/${n(items.length, lang)} items).`,
    ),
    difficulties: difficulties.slice(0, 5).map((d) => ({
      key: d.key,
      citation: d.citation,
      title: d.title,
      count: d.difficulties + d.proposals,
    })),
    difficultiesMethod: say(
      lang,
      `Các mục được nêu khó khăn hoặc đề xuất nhiều nhất trong báo cáo đã nộp hoặc đã tiếp nhận, kỳ ${year ?? '—'}.`,
      `The items most often raised with difficulties or proposals in submitted or accepted reports, cycle ${year ?? '—'}.`,
    ),
    at: ctx.clock.now().toISOString(),
  };
}

/** The figure a dashboard shows, computed as the page computes it (for its CSV or XLSX). */
export async function figureById(ctx: Ctx, id: FigureDto['id'], q: ProgressQuery): Promise<FigureDto> {
  if (id === 'items') return (await getItems(ctx, q)).figure;
  if (id === 'timeliness' || id === 'difficulties')
    return (await getTimeliness(ctx, q)).figures.find((f) => f.id === id)!;
  return (await getIndicators(ctx, q)).figures.find((f) => f.id === id)!;
}
