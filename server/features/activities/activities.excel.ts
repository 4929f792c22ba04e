// The activity list, filtered as on screen, as an Excel workbook (one row per activity).
import ExcelJS from 'exceljs';
import {
  ACTIVITY_STATUS_LABELS,
  BUDGET_SOURCE_LABELS,
  periodLabel,
  type ActivityStatus,
  type BudgetSource,
  type ListActivitiesQuery,
} from '../../../shared/contracts/activities.js';
import { vietnamDate } from '../../../shared/format.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import * as repo from './activities.repository.js';
import { scopeOf } from './activities.service.js';
import { canReadActivities } from './policy.js';

export const SHEET = 'Hoạt động';
export const HEADERS = [
  'Tên hoạt động',
  'Mục kế hoạch',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian thực hiện',
  'Kinh phí (triệu đồng)',
  'Nguồn kinh phí',
  'Sản phẩm dự kiến',
  'Trạng thái',
  'Lý do tạm dừng, hủy bỏ',
  'Quá hạn',
  'Số lần cập nhật tiến độ',
] as const;

export async function exportActivities(ctx: Ctx, q: ListActivitiesQuery): Promise<{ fileName: string; body: Buffer }> {
  const actor = requireAbility(ctx, canReadActivities);
  const today = vietnamDate(ctx.clock.now());
  const rows = await repo.allActivities(ctx.db, q, scopeOf(actor, q.mine === 'true'), today);
  const names = await repo.unitNames(
    ctx.db,
    rows.flatMap((r) => r.row.coordinatingUnitIds),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [48, 14, 32, 32, 16, 14, 20, 40, 16, 28, 10, 12].map((width) => ({ width }));
  ws.getRow(1).values = [...HEADERS];
  ws.getRow(1).font = { bold: true };
  rows.forEach(({ row, unitName, overdue, noteCount }, i) => {
    const r = ws.getRow(i + 2);
    r.values = [
      row.title,
      row.planItemKeys.join(', '),
      unitName,
      row.coordinatingUnitIds.map((id) => names.get(id) ?? '').join('; '),
      periodLabel({ kind: row.periodKind, year: row.periodYear, number: row.periodNumber }),
      row.budget ?? '',
      row.budgetSource ? BUDGET_SOURCE_LABELS[row.budgetSource as BudgetSource].vi : '',
      row.expectedOutput,
      ACTIVITY_STATUS_LABELS[row.status as ActivityStatus]?.vi ?? row.status,
      row.statusReason ?? '',
      overdue ? 'Quá hạn' : '',
      noteCount,
    ];
    r.getCell(6).numFmt = '#,##0.###';
    r.alignment = { wrapText: true, vertical: 'top' };
  });
  return { fileName: `hoat-dong-${today}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
