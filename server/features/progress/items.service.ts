// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { ItemProgressDto, ItemsResponse, ProgressQuery } from '../../../shared/contracts/progress.js';

import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from '../../../shared/contracts/activities.js';
import type { Ctx } from '../../lib/context.js';
import { derivations } from '../../lib/derivations.js';
import { activityStatusByItem } from '../activities/index.js';
import { indicatorCatalogue, itemProgress, itemReports, latestNarratives } from '../reporting/index.js';
import { chartLabel, figure, n, say, series } from './figures.js';

import { cycleRef, planItemsByKey, scopeOf } from './scope.js';

/* ─────────────────────────────── progress per plan item ─────────────────────────────── */

export async function getItems(ctx: Ctx, q: ProgressQuery): Promise<ItemsResponse> {
  const scope = await scopeOf(ctx, q);
  const { lang, cycle } = scope;
  const title = say(lang, 'Tiến độ theo nhiệm vụ của kế hoạch', 'Progress per plan item');
  if (!cycle) {
    return {
      plan: scope.plan,
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
  const [rows, narratives, cite, reportRows, activityRows, catalogue] = await Promise.all([
    itemProgress(ctx.db, cycle.id),
    latestNarratives(ctx.db, cycle.id, 3, 240),
    planItemsByKey(ctx, scope.plan.id),
    itemReports(ctx.db, cycle.id),
    activityStatusByItem(ctx.db, scope.plan.id),
    indicatorCatalogue(ctx.db),
  ]);
  const reportsOf = new Map<string, ItemProgressDto['reports']>();
  for (const r of reportRows) {
    const list = reportsOf.get(r.planItemId) ?? [];
    list.push({ reportId: r.reportId, unitName: r.unitName });
    reportsOf.set(r.planItemId, list);
  }
  const activityCount = new Map(activityRows.map((a) => [`${a.key}|${a.status}`, a.count]));
  const registriesOf = registryLinks(catalogue, { from: cycle.windowStart, to: cycle.windowEnd });
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
      reports: reportsOf.get(r.planItemId) ?? [],
      activities: ACTIVITY_STATUSES.map((status) => ({ status, count: activityCount.get(`${r.key}|${status}`) ?? 0 })),
      activitiesTotal: ACTIVITY_STATUSES.reduce(
        (sum, status) => sum + (activityCount.get(`${r.key}|${status}`) ?? 0),
        0,
      ),
      registries: registriesOf.get(r.key) ?? [],
    }));
  const reportingTotal = items.reduce((s, i) => s + i.reporting, 0);
  const activitiesTotal = items.reduce((s, i) => s + i.activitiesTotal, 0);
  const method = say(
    lang,
    `Kỳ ${cycle.year}: "được giao" là số đơn vị phải báo cáo có mục trong biểu mẫu của kỳ (chốt khi mở kỳ); "đã báo cáo" là số báo cáo đã tiếp nhận có ghi kết quả cho mục (${n(reportingTotal, lang)} lượt trên ${n(items.length, lang)} mục). Hoạt động: số hoạt động các đơn vị đăng ký phục vụ mục, theo trạng thái hiện tại (tính đến lúc xem, không theo kỳ; một hoạt động phục vụ hai mục được tính ở cả hai — ${n(activitiesTotal, lang)} lượt).`,
    `Cycle ${cycle.year}: "assigned" counts the units expected to report whose form of the cycle holds the item (fixed at opening); "reporting" counts the accepted reports writing a result for it (${n(reportingTotal, lang)} over ${n(items.length, lang)} items). Activities: the activities units registered for the item, by their current status (as of now, not per cycle; an activity serving two items counts under both — ${n(activitiesTotal, lang)} in all).`,
  );
  const chart = {
    categories: items.map((i) => chartLabel(i.citation, i.title)),
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
      ...ACTIVITY_STATUSES.map((st) => `${say(lang, 'Hoạt động', 'Activities')}: ${ACTIVITY_STATUS_LABELS[st][lang]}`),
      say(lang, 'Tổng số hoạt động', 'Activities in all'),
    ],
    rows: items.map((i) => [
      i.citation,
      i.title,
      i.assigned,
      i.reporting,
      ...i.activities.map((a) => a.count),
      i.activitiesTotal,
    ]),
  };
  return {
    plan: scope.plan,
    cycles: scope.cycles.map((c) => cycleRef(c)!),
    cycle: cycleRef(cycle),
    items,
    figure: figure('items', `${title} — ${say(lang, 'kỳ', 'cycle')} ${cycle.year}`, method, chart, table),
  };
}

/**
 * Per plan item key, the registries its indicators are derived from (a derivation registered by
 * the module keeping the records), each as the list over the cycle's window; one link per indicator.
 */
function registryLinks(
  catalogue: Array<{ code: string; planItemKeys: string[] }>,
  window: { from: string; to: string },
): Map<string, ItemProgressDto['registries']> {
  const byKey = new Map<string, ItemProgressDto['registries']>();
  const all = derivations();
  for (const ind of catalogue) {
    const derivation = all.find((d) => d.indicatorCode === ind.code);
    if (!derivation) continue;
    for (const key of ind.planItemKeys) {
      const list = byKey.get(key) ?? [];
      list.push({ indicatorCode: ind.code, link: derivation.recordsLink(window) });
      byKey.set(key, list);
    }
  }
  return byKey;
}
