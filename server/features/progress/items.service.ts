// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { ItemProgressDto, ItemsResponse, ProgressQuery } from '../../../shared/contracts/progress.js';

import type { Ctx } from '../../lib/context.js';

import { itemProgress, latestNarratives } from '../reporting/index.js';
import { chartLabel, figure, n, say, series } from './figures.js';

import { cycleRef, planItemsByKey, scopeOf } from './scope.js';

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
