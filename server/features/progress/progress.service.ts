// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type {
  CycleRef,
  DifficultyDto,
  FigureDto,
  IndicatorRef,
  IndicatorsResponse,
  ItemProgressDto,
  ItemsResponse,
  OverviewResponse,
  ProgressQuery,
  TimelinessResponse,
} from '../../../shared/contracts/progress.js';
import { itemCitation, type CitableItem } from '../../../shared/plan-citation.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { reportDeskItems } from '../feedback/index.js';
import { getPlan, latestVersion, listPlans, loadItems } from '../plan/index.js';
import {
  indicatorCatalogue,
  indicatorSeries,
  itemProgress,
  latestNarratives,
  localityValues,
  notExpectedUnitIds,
  planCycles,
  raisedByItem,
  timelinessByCycle,
  yearTotals,
  type CatalogueIndicator,
  type PlanCycleRow,
} from '../reporting/index.js';
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
import { canReadProgress } from './policy.js';
import { loadTargets, targetPoints } from './targets.js';

/** What every dashboard starts from: the plan, its cycles past draft, the chosen cycle. */
interface Scope {
  plan: { id: string; number: string; title: string };
  cycles: PlanCycleRow[];
  cycle: PlanCycleRow | null;
  lang: Lang;
}

const cycleRef = (c: PlanCycleRow | null): CycleRef | null => (c ? { id: c.id, year: c.year, status: c.status } : null);

async function scopeOf(ctx: Ctx, q: ProgressQuery): Promise<Scope> {
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
async function planItemsByKey(ctx: Ctx, planId: string) {
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
function itemsById(rows: Array<{ planItemId: string; key: string; label: string; title: string | null }>) {
  return new Map(rows.map((r) => [r.planItemId, r]));
}

/* ─────────────────────────────── progress per plan item ─────────────────────────────── */

export async function getItems(ctx: Ctx, q: ProgressQuery): Promise<ItemsResponse> {
  const scope = await scopeOf(ctx, q);
  const { lang, cycle } = scope;
  const title = say(lang, 'Tiến độ theo nhiệm vụ của kế hoạch', 'Progress per plan item');
  if (!cycle) {
    return {
      cycles: [],
      cycle: null,
      items: [],
      figure: figure(
        'items',
        title,
        say(lang, 'Chưa có kỳ báo cáo nào được mở.', 'No reporting cycle opened yet.'),
        null,
        {
          columns: [],
          rows: [],
        },
      ),
    };
  }
  const [rows, narratives, cite] = await Promise.all([
    itemProgress(ctx.db, cycle.id),
    latestNarratives(ctx.db, cycle.id, 3, 240),
    planItemsByKey(ctx, scope.plan.id),
  ]);
  const excerpts = new Map<string, ItemProgressDto['excerpts']>();
  for (const r of narratives) {
    const list = excerpts.get(r.planItemId) ?? [];
    list.push({ reportId: r.reportId, unitName: r.unitName, excerpt: r.excerpt });
    excerpts.set(r.planItemId, list);
  }
  const items: ItemProgressDto[] = rows
    .sort((a, b) => cite.position(a.key) - cite.position(b.key) || a.key.localeCompare(b.key))
    .map((r) => ({
      key: r.key,
      citation: cite.cite(r.key, r.label, r.title, lang),
      title: cite.title(r.key, r.title),
      assigned: r.assigned,
      reporting: r.reporting,
      excerpts: excerpts.get(r.planItemId) ?? [],
    }));
  const accepted = new Set(narratives.map((x) => x.reportId)).size;
  const reportingTotal = items.reduce((s, i) => s + i.reporting, 0);
  const method = say(
    lang,
    `Kỳ ${cycle.year}: "được giao" là số đơn vị phải báo cáo có mục trong biểu mẫu của kỳ (chốt khi mở kỳ); "đã báo cáo" là số báo cáo đã tiếp nhận có ghi kết quả cho mục (${n(reportingTotal, lang)} lượt trên ${n(items.length, lang)} mục).`,
    `Cycle ${cycle.year}: "assigned" counts the units expected to report whose form of the cycle holds the item (fixed at opening); "reporting" counts the accepted reports writing a result for it (${n(reportingTotal, lang)} over ${n(items.length, lang)} items).`,
  );
  void accepted;
  const chart = {
    categories: items.map((i) => i.citation),
    series: [
      series(
        say(lang, 'Đơn vị được giao', 'Units assigned'),
        items.map((i) => i.assigned),
      ),
      series(
        say(lang, 'Đơn vị đã báo cáo', 'Units reporting'),
        items.map((i) => i.reporting),
      ),
    ],
    unit: say(lang, 'đơn vị', 'units'),
    horizontal: true,
  };
  const table = {
    columns: [
      say(lang, 'Mục', 'Item'),
      say(lang, 'Nội dung', 'Title'),
      say(lang, 'Đơn vị được giao', 'Units assigned'),
      say(lang, 'Đơn vị đã báo cáo', 'Units reporting'),
    ],
    rows: items.map((i) => [i.citation, i.title, i.assigned, i.reporting]),
  };
  return {
    cycles: scope.cycles.map((c) => cycleRef(c)!),
    cycle: cycleRef(cycle),
    items,
    figure: figure('items', `${title} — ${say(lang, 'kỳ', 'cycle')} ${cycle.year}`, method, chart, table),
  };
}

/* ─────────────────────────────── indicators over the years ─────────────────────────────── */

const chartable = (i: CatalogueIndicator): i is CatalogueIndicator & { valueType: IndicatorRef['valueType'] } =>
  i.valueType !== 'text';

function indicatorRef(i: CatalogueIndicator & { valueType: IndicatorRef['valueType'] }, lang: Lang): IndicatorRef {
  return { code: i.code, name: lang === 'en' ? i.nameEn : i.name, unit: i.unit, valueType: i.valueType };
}

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
  const [rows, targets, localities] = await Promise.all([
    indicatorSeries(ctx.db, scope.plan.id, ind.code),
    loadTargets(ctx.db, scope.plan.id, ctx.clock.now()),
    cycle ? localityValues(ctx.db, cycle.id, ind.code) : Promise.resolve([]),
  ]);
  const target = targetPoints(targets).get(ind.code) ?? null;
  const years = yearAxis(
    scope.cycles.map((c) => c.year),
    Number(ctx.clock.now().toISOString().slice(0, 4)),
  );
  const cats = years.map(String);
  const byYear = new Map(rows.filter((r) => r.g === 3).map((r) => [r.year, r]));
  const agg = aggregation(ind, lang);
  const unitText = ind.valueType === 'boolean' ? say(lang, 'báo cáo', 'reports') : ind.unit;
  const reportsPerYear = scope.cycles.map((c) => `${c.year}: ${n(byYear.get(c.year)?.reports ?? 0, lang)}`).join('; ');
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
    `Mỗi năm: ${agg} "${ind.name}" của các báo cáo đã tiếp nhận trong kỳ năm đó (số báo cáo: ${reportsPerYear || 'chưa có'}).${targetText}`,
    `Each year: ${agg} of "${ind.name}" over the accepted reports of that year's cycle (reports: ${reportsPerYear || 'none yet'}).${targetText}`,
  );
  const totals = years.map((y) => indicatorValue(ind.valueType, byYear.get(y)));
  const yearsFigure = figure(
    'indicator-years',
    `${ind.code} — ${ind.name}`,
    yearsMethod,
    {
      categories: cats,
      series: [series(ind.name, totals, { type: 'bar' }), ...targetSeries(years, target, lang)],
      unit: unitText,
      horizontal: false,
    },
    {
      columns: [
        say(lang, 'Năm', 'Year'),
        `${ind.name} (${unitText})`,
        say(lang, 'Số báo cáo', 'Reports'),
        say(lang, 'Mục tiêu', 'Target'),
      ],
      rows: years.map((y, i) => [
        y,
        totals[i],
        byYear.get(y)?.reports ?? null,
        target && y === target.year ? target.value : null,
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
      rows: localities.map((r) => [r.code, r.name, r.status ?? 'missing', locValue(r)]),
    },
  );
  return {
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

/* ─────────────────────────────── timeliness, completeness, difficulties ─────────────────────────────── */

/** The compiling agency is not expected to report to itself (as on the board), in every cycle. */
async function skipped(ctx: Ctx, cycles: PlanCycleRow[]): Promise<string[]> {
  const ids = await Promise.all(cycles.map((c) => notExpectedUnitIds(ctx.db, c.id)));
  return [...new Set(ids.flat())];
}

async function difficultiesOf(ctx: Ctx, scope: Scope) {
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

export async function getTimeliness(ctx: Ctx, q: ProgressQuery): Promise<TimelinessResponse> {
  const scope = await scopeOf(ctx, q);
  const { lang, cycle } = scope;
  const [rows, difficulties] = await Promise.all([
    skipped(ctx, scope.cycles).then((skip) => timelinessByCycle(ctx.db, scope.plan.id, skip)),
    difficultiesOf(ctx, scope),
  ]);
  const cats = rows.map((r) => String(r.year));
  const timeliness = figure(
    'timeliness',
    say(lang, 'Đúng hạn và đầy đủ qua các kỳ', 'Timeliness and completeness per cycle'),
    say(
      lang,
      `Mỗi kỳ: các đơn vị phải báo cáo theo danh sách chốt khi mở kỳ (${rows.map((r) => `${r.year}: ${n(r.expected, lang)}`).join('; ') || 'chưa có kỳ'}), trừ cơ quan tổng hợp; đúng hạn, trễ hạn theo lần nộp đầu tiên; chưa nộp là đơn vị chưa từng nộp; đã tiếp nhận theo trạng thái hiện tại.`,
      `Each cycle: the units expected to report as listed at opening (${rows.map((r) => `${r.year}: ${n(r.expected, lang)}`).join('; ') || 'no cycle yet'}), without the compiling agency; on time or late by the first submission; missing: never submitted; accepted: current status.`,
    ),
    {
      categories: cats,
      series: [
        series(
          say(lang, 'Đúng hạn', 'On time'),
          rows.map((r) => r.onTime),
          { stack: 'units' },
        ),
        series(
          say(lang, 'Trễ hạn', 'Late'),
          rows.map((r) => r.late),
          { stack: 'units' },
        ),
        series(
          say(lang, 'Chưa nộp', 'Missing'),
          rows.map((r) => r.missing),
          { stack: 'units' },
        ),
        series(
          say(lang, 'Đã tiếp nhận', 'Accepted'),
          rows.map((r) => r.accepted),
          { type: 'line' },
        ),
      ],
      unit: say(lang, 'đơn vị', 'units'),
      horizontal: false,
    },
    {
      columns: [
        say(lang, 'Năm', 'Year'),
        say(lang, 'Phải báo cáo', 'Expected'),
        say(lang, 'Đúng hạn', 'On time'),
        say(lang, 'Trễ hạn', 'Late'),
        say(lang, 'Chưa nộp', 'Missing'),
        say(lang, 'Đã tiếp nhận', 'Accepted'),
      ],
      rows: rows.map((r) => [r.year, r.expected, r.onTime, r.late, r.missing, r.accepted]),
    },
  );
  const deskItems = difficulties.reduce((s, d) => s + d.deskItems, 0);
  const top = difficulties.slice(0, 15);
  const difficultiesFigure = figure(
    'difficulties',
    say(
      lang,
      `Khó khăn, đề xuất theo nhiệm vụ — kỳ ${cycle?.year ?? ''}`,
      `Difficulties and proposals per item — ${cycle?.year ?? ''}`,
    ),
    cycle
      ? say(
          lang,
          `Kỳ ${cycle.year}: số báo cáo đã nộp hoặc đã tiếp nhận nêu khó khăn, vướng mắc hoặc đề xuất ở từng mục; các báo cáo này có ${n(deskItems, lang)} lượt phản ánh trên bàn tiếp nhận (mỗi báo cáo một phản ánh).`,
          `Cycle ${cycle.year}: the submitted or accepted reports raising a difficulty or a proposal under each item; these reports have ${n(deskItems, lang)} items on the feedback desk (one per report).`,
        )
      : say(lang, 'Chưa có kỳ báo cáo nào được mở.', 'No reporting cycle opened yet.'),
    {
      categories: top.map((d) => d.citation),
      series: [
        series(
          say(lang, 'Khó khăn, vướng mắc', 'Difficulties'),
          top.map((d) => d.difficulties),
        ),
        series(
          say(lang, 'Đề xuất', 'Proposals'),
          top.map((d) => d.proposals),
        ),
      ],
      unit: say(lang, 'báo cáo', 'reports'),
      horizontal: true,
    },
    {
      columns: [
        say(lang, 'Mục', 'Item'),
        say(lang, 'Nội dung', 'Title'),
        say(lang, 'Báo cáo nêu khó khăn', 'Reports raising difficulties'),
        say(lang, 'Báo cáo nêu đề xuất', 'Reports raising proposals'),
        say(lang, 'Phản ánh trên bàn tiếp nhận', 'Desk items'),
        say(lang, 'Đã trả lời', 'Answered'),
      ],
      rows: difficulties.map((d) => [d.citation, d.title, d.difficulties, d.proposals, d.deskItems, d.answered]),
    },
  );
  return {
    cycles: scope.cycles.map((c) => cycleRef(c)!),
    cycle: cycleRef(cycle),
    figures: [timeliness, difficultiesFigure],
    difficulties,
  };
}

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
