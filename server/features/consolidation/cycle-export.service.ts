// A cycle's indicator data as Excel: one row per unit × indicator × waste stream, and the per-unit
// table of the consolidation.
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { formatDate, vietnamDate } from '../../../shared/format.js';
import { STATUS_LABELS, WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';
import { requireAccess } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { buildCycleExport } from '../../lib/spreadsheets/workbooks.js';
import { planContext } from '../reporting/index.js';
import { compileTables } from './compile-tables.js';
import { loadCompileInput } from './consolidation.repository.js';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const streamList = () =>
  WASTE_STREAMS.map((stream) => ({ code: stream, label: capital(WASTE_STREAM_LABELS[stream].vi) }));

const KIND_LABELS: Record<string, string> = {
  department: 'Sở, ngành',
  commune: 'Xã',
  ward: 'Phường',
  district: 'Huyện',
  committee: 'UBND',
  enterprise: 'Doanh nghiệp',
  institute: 'Viện',
  school: 'Trường',
  other: 'Khác',
};
const TIMING_LABELS = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi' } as const;

/** A cycle's indicator data as .xlsx (focal officers and leaders). */
export async function exportCycleXlsx(ctx: Ctx, cycleId: string): Promise<{ fileName: string; body: Buffer }> {
  requireAccess(ctx, 'consolidation.read');
  const context = await planContext(ctx.db, cycleId, vietnamDate(ctx.clock.now()));
  if (!context) throw notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));
  const input = await loadCompileInput(ctx.db, cycleId, true);
  if (!input) {
    throw new AppError(
      'CYCLE_NOT_OPEN',
      msg(
        `Kỳ báo cáo năm ${context.cycle.year} chưa mở; chưa có số liệu`,
        `The ${context.cycle.year} cycle is not open; there is no data`,
      ),
      { status: 409 },
    );
  }
  const tables = compileTables(input);
  const reportByUnit = new Map(input.reports.map((report) => [report.orgUnitId, report]));
  const valuesByReport = new Map<string, Map<string, number | boolean | string | null>>();
  for (const value of input.values) {
    let ofReport = valuesByReport.get(value.reportId);
    if (!ofReport) valuesByReport.set(value.reportId, (ofReport = new Map()));
    ofReport.set(`${value.indicatorCode}|${value.stream}`, (value.value ?? null) as number | boolean | string | null);
  }
  const body = await buildCycleExport({
    year: context.cycle.year,
    planNumber: context.plan.number,
    indicators: [...input.indicators].sort((a, b) => a.position - b.position),
    streams: streamList(),
    units: tables.units.map((unit) => {
      const report = reportByUnit.get(unit.orgUnitId);
      return {
        code: unit.code,
        name: unit.name,
        kindLabel: KIND_LABELS[unit.kind] ?? unit.kind,
        statusLabel: report ? capital(STATUS_LABELS[report.status].vi) : 'Chưa mở báo cáo',
        timingLabel: TIMING_LABELS[unit.timing],
        submittedAt: unit.submittedAt ? formatDate(vietnamDate(new Date(unit.submittedAt))) : '',
        values: (report && valuesByReport.get(report.id)) || new Map(),
        totals: unit.values,
      };
    }),
  });
  return { fileName: `so-lieu-chi-tieu-${context.cycle.year}.xlsx`, body };
}
