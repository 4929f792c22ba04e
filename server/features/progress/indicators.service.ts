// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { EarlierPlanRef, IndicatorsResponse, ProgressQuery } from '../../../shared/contracts/progress.js';

import type { Ctx } from '../../lib/context.js';
import { invalidField, msg } from '../../lib/errors.js';
import { planLineage } from '../plan/index.js';
import { indicatorCatalogue, indicatorSeries, localityValues, type IndicatorSeriesRow } from '../reporting/index.js';
import {
  aggregation,
  figure,
  indicatorValue,
  KIND_GROUPS,
  kindGroupLabel,
  n,
  say,
  series,
  streamLabelOf,
  targetSeries,
  yearAxis,
  type Lang,
} from './figures.js';

import { loadTargets, targetPoints } from './targets.js';
import { chartable, cycleRef, indicatorRef, scopeOf } from './scope.js';

export async function getIndicators(ctx: Ctx, q: ProgressQuery): Promise<IndicatorsResponse> {
  const scope = await scopeOf(ctx, q);
  const { lang, cycle } = scope;
  const catalogue = (await indicatorCatalogue(ctx.db)).filter(chartable);
  const pick = q.indicator
    ? catalogue.find((i) => i.code === q.indicator)
    : (catalogue.find((i) => i.valueType === 'number') ?? catalogue[0]);
  if (!pick)
    throw invalidField('indicator', msg('Chỉ tiêu: không có trong danh mục', 'Indicator: not in the catalogue'));
  const ind = indicatorRef(pick, lang);
  const [ownRows, targets, localities, earlier] = await Promise.all([
    indicatorSeries(ctx.db, scope.plan.id, ind.code),
    loadTargets(ctx.db, scope.plan.id, ctx.clock.now()),
    cycle ? localityValues(ctx.db, cycle.id, ind.code) : Promise.resolve([]),
    earlierSeries(
      ctx,
      scope.plan.id,
      ind.code,
      scope.cycles.map((c) => c.year),
    ),
  ]);
  const rows = [...ownRows, ...earlier.rows];
  const target = targetPoints(targets).get(ind.code) ?? null;
  const cycleYears = [...earlier.plans.flatMap((p) => p.years), ...scope.cycles.map((c) => c.year)].sort(
    (x, y) => x - y,
  );
  const years = yearAxis(cycleYears, Number(ctx.clock.now().toISOString().slice(0, 4)));
  const cats = years.map(String);
  const byYear = new Map(rows.filter((r) => r.g === 3).map((r) => [r.year, r]));
  const agg = aggregation(ind, lang);
  const unitText = ind.valueType === 'boolean' ? say(lang, 'báo cáo', 'reports') : ind.unit;
  const reportsPerYear = cycleYears.map((y) => `${y}: ${n(byYear.get(y)?.reports ?? 0, lang)}`).join('; ');
  const planOfYear = new Map(earlier.plans.flatMap((p) => p.years.map((y) => [y, p] as const)));
  const earlierText = earlier.plans.length
    ? say(
        lang,
        ` ${earlier.plans.map((p) => `${p.years.join(', ')} từ Kế hoạch ${p.number} (đã được thay thế)`).join('; ')}: cùng mã chỉ tiêu ${ind.code}, nối tiếp chuỗi số liệu.`,
        ` ${earlier.plans.map((p) => `${p.years.join(', ')} from Plan ${p.number} (replaced)`).join('; ')}: same indicator code ${ind.code}, continuing the series.`,
      )
    : '';
  const targetText = target
    ? say(
        lang,
        ` Đường mục tiêu: ${n(target.value, lang)} ${ind.unit} năm ${target.year}${target.baseline ? ` (năm gốc ${target.baseline.year}: ${n(target.baseline.value, lang)})` : ''}.`,
        ` Target line: ${n(target.value, lang)} ${ind.unit} in ${target.year}${target.baseline ? ` (baseline ${target.baseline.year}: ${n(target.baseline.value, lang)})` : ''}.`,
      )
    : say(
        lang,
        ' Kế hoạch chưa có mục tiêu số cho chỉ tiêu này.',
        ' The plan has no numeric target for this indicator.',
      );
  const yearsMethod = say(
    lang,
    `Mỗi năm: ${agg} "${ind.name}" của các báo cáo đã tiếp nhận trong kỳ năm đó (số báo cáo: ${reportsPerYear || 'chưa có'}).${earlierText}${targetText}`,
    `Each year: ${agg} of "${ind.name}" over the accepted reports of that year's cycle (reports: ${reportsPerYear || 'none yet'}).${earlierText}${targetText}`,
  );
  const totals = years.map((y) => indicatorValue(ind.valueType, byYear.get(y)));
  // The replaced plans' years are bars of their own series (own colour and legend), in the same slot.
  const yearBars = () =>
    earlier.plans.length === 0
      ? [series(ind.name, totals, { type: 'bar' })]
      : [
          series(
            `${ind.name} — ${say(lang, 'Kế hoạch', 'Plan')} ${scope.plan.number}`,
            totals.map((v, i) => (planOfYear.has(years[i]) ? null : v)),
            { stack: 'years' },
          ),
          ...earlier.plans.map((p) =>
            series(
              `${ind.name} — ${say(lang, `Kế hoạch ${p.number} (đã được thay thế)`, `Plan ${p.number} (replaced)`)}`,
              totals.map((v, i) => (planOfYear.get(years[i]) === p ? v : null)),
              { stack: 'years' },
            ),
          ),
        ];
  const yearsFigure = figure(
    'indicator-years',
    `${ind.code} — ${ind.name}`,
    yearsMethod,
    {
      categories: cats,
      series: [...yearBars(), ...targetSeries(years, target, lang)],
      unit: unitText,
      horizontal: false,
    },
    {
      columns: [
        say(lang, 'Năm', 'Year'),
        `${ind.name} (${unitText})`,
        say(lang, 'Số báo cáo', 'Reports'),
        say(lang, 'Mục tiêu', 'Target'),
        say(lang, 'Kế hoạch', 'Plan'),
      ],
      rows: years.map((y, i) => [
        y,
        totals[i],
        byYear.get(y)?.reports ?? null,
        target && y === target.year ? target.value : null,
        byYear.has(y)
          ? planOfYear.has(y)
            ? say(lang, `${planOfYear.get(y)!.number} (đã được thay thế)`, `${planOfYear.get(y)!.number} (replaced)`)
            : scope.plan.number
          : null,
      ]),
    },
  );

  // By waste stream and by unit kind: one series per stream or kind group, bars stacked per year.
  const split = (
    g: 1 | 2,
    keyOf: (r: (typeof rows)[number]) => string,
    keys: string[],
    label: (k: string) => string,
  ) => {
    const present = keys.filter((k) => rows.some((r) => r.g === g && keyOf(r) === k));
    const value = (y: number, k: string) =>
      indicatorValue(
        ind.valueType,
        rows.find((r) => r.g === g && r.year === y && keyOf(r) === k),
      );
    return {
      series: present.map((k) =>
        series(
          label(k),
          years.map((y) => value(y, k)),
          { stack: ind.valueType === 'percent' ? null : 'total' },
        ),
      ),
      rows: years.flatMap((y) => present.map((k) => [y, label(k), value(y, k)] as Array<string | number | null>)),
    };
  };
  const streamKeys = [...new Set(rows.filter((r) => r.g === 1).map((r) => r.stream ?? ''))].sort();
  const streams = split(
    1,
    (r) => r.stream ?? '',
    streamKeys,
    (k) => streamLabelOf(k, lang),
  );
  const kinds = split(
    2,
    (r) => r.kindGroup ?? 'other',
    [...KIND_GROUPS],
    (k) => kindGroupLabel(k, lang),
  );
  const splitMethod = (by: string, byEn: string) =>
    say(
      lang,
      `Mỗi năm: ${agg} "${ind.name}" của các báo cáo đã tiếp nhận, tách theo ${by}.`,
      `Each year: ${agg} of "${ind.name}" over the accepted reports, split by ${byEn}.`,
    );
  const streamsFigure = figure(
    'indicator-streams',
    say(lang, `${ind.code} theo dòng chất thải`, `${ind.code} by waste stream`),
    splitMethod('dòng chất thải', 'waste stream'),
    { categories: cats, series: streams.series, unit: unitText, horizontal: false },
    { columns: [say(lang, 'Năm', 'Year'), say(lang, 'Dòng chất thải', 'Waste stream'), ind.unit], rows: streams.rows },
  );
  const kindsFigure = figure(
    'indicator-kinds',
    say(lang, `${ind.code} theo loại đơn vị`, `${ind.code} by kind of unit`),
    splitMethod('loại đơn vị (theo danh sách chốt khi mở kỳ)', 'kind of unit (as listed at the cycle’s opening)'),
    { categories: cats, series: kinds.series, unit: unitText, horizontal: false },
    { columns: [say(lang, 'Năm', 'Year'), say(lang, 'Loại đơn vị', 'Kind of unit'), ind.unit], rows: kinds.rows },
  );

  // The communes and wards of the chosen cycle.
  const locValue = (r: (typeof localities)[number]) =>
    r.status !== 'accepted' ? null : ind.valueType === 'boolean' ? (r.yes ?? 0) : r.total;
  const withValue = localities.filter((r) => r.status === 'accepted').length;
  const locFigure = figure(
    'indicator-localities',
    say(
      lang,
      `${ind.code} theo xã, phường — kỳ ${cycle?.year ?? ''}`,
      `${ind.code} by commune and ward — ${cycle?.year ?? ''}`,
    ),
    cycle
      ? say(
          lang,
          `Giá trị trong báo cáo đã tiếp nhận của từng xã, phường phải báo cáo kỳ ${cycle.year} (${n(withValue, lang)}/${n(localities.length, lang)} xã, phường có báo cáo đã tiếp nhận; ô trống: chưa tiếp nhận).`,
          `The value in each expected commune's and ward's accepted report, cycle ${cycle.year} (${n(withValue, lang)}/${n(localities.length, lang)} with an accepted report; blank: not accepted).`,
        )
      : say(lang, 'Chưa có kỳ báo cáo nào được mở.', 'No reporting cycle opened yet.'),
    null,
    {
      columns: [
        say(lang, 'Mã', 'Code'),
        say(lang, 'Xã, phường', 'Commune, ward'),
        say(lang, 'Trạng thái', 'Status'),
        `${ind.name} (${unitText})`,
      ],
      rows: localities.map((r) => [r.code, r.name, statusLabel(r.status, lang), locValue(r)]),
    },
  );
  return {
    plan: scope.plan,
    earlierPlans: earlier.plans,
    cycles: scope.cycles.map((c) => cycleRef(c)!),
    cycle: cycleRef(cycle),
    indicators: catalogue.map((i) => indicatorRef(i, lang)),
    indicator: ind,
    target: target
      ? {
          year: target.year,
          value: target.value,
          text: say(
            lang,
            `${n(target.value, lang)} ${ind.unit} năm ${target.year}`,
            `${n(target.value, lang)} ${ind.unit} by ${target.year}`,
          ),
        }
      : null,
    figures: [yearsFigure, streamsFigure, kindsFigure, locFigure],
  };
}

/**
 * The series of the plans this plan replaced (nearest first, through the lineage), for the years
 * no newer plan has a cycle for: where the indicator code matches, the accepted reports of the
 * old plan's cycles continue the new plan's series. Each such plan with the years it gives.
 */
async function earlierSeries(
  ctx: Ctx,
  planId: string,
  code: string,
  ownYears: number[],
): Promise<{ rows: IndicatorSeriesRow[]; plans: EarlierPlanRef[] }> {
  const { ancestors } = await planLineage(ctx.db, planId);
  if (ancestors.length === 0) return { rows: [], plans: [] };
  const found = await Promise.all(ancestors.map((a) => indicatorSeries(ctx.db, a.planId, code)));
  const covered = new Set(ownYears);
  const rows: IndicatorSeriesRow[] = [];
  const plans: EarlierPlanRef[] = [];
  ancestors.forEach((a, i) => {
    const years = [...new Set(found[i].filter((r) => r.g === 3 && !covered.has(r.year)).map((r) => r.year))].sort(
      (x, y) => x - y,
    );
    if (years.length === 0) return;
    for (const y of years) covered.add(y);
    rows.push(...found[i].filter((r) => years.includes(r.year)));
    plans.push({ id: a.planId, number: a.number, title: a.title, years });
  });
  return { rows, plans };
}

/** A report's status as the table says it (a report never sent reads "not sent", as on the board). */
function statusLabel(status: string | null, lang: Lang): string {
  if (status === 'accepted') return say(lang, 'Đã tiếp nhận', 'Accepted');
  if (status === 'submitted') return say(lang, 'Đã nộp', 'Submitted');
  if (status === 'returned') return say(lang, 'Bị trả lại', 'Returned');
  return say(lang, 'Chưa nộp', 'Not sent');
}
