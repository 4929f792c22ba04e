// The dashboards' figures, computed live from the cycles' accepted reports (no batch table, no
// nightly job). Reads reporting, the plan and the feedback desk only through their index.ts.
import type { ProgressQuery, TimelinessResponse } from '../../../shared/contracts/progress.js';

import type { Ctx } from '../../lib/context.js';

import { timelinessByCycle } from '../reporting/index.js';
import { chartLabel, figure, n, say, series } from './figures.js';

import { cycleRef, difficultiesOf, scopeOf, skipped } from './scope.js';

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
      categories: top.map((d) => chartLabel(d.citation, d.title)),
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
