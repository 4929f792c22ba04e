import ExcelJS from 'exceljs';
import type { AuditEntryDto, AuditFilter, ListAuditQuery } from '../../../shared/contracts/audit.js';
import { auditActionLabel, auditObjectLabel } from '../../../shared/audit-labels.js';
import { formatDateTime, vietnamDate } from '../../../shared/format.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import * as repo from './audit.repository.js';
import { canReadAuditLog } from './policy.js';

/** Rows an export may hold; a wider selection is refused with a request to narrow it. */
export const EXPORT_MAX_ROWS = 50_000;

function toDto(row: repo.AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId || row.actorEmail ? { id: row.actorId, email: row.actorEmail, name: row.actorName } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    requestId: row.requestId,
    data: row.data ?? null,
  };
}

/** A page of the audit log, filtered by user, object, action and dates, sorted by date. */
export async function listAudit(ctx: Ctx, query: ListAuditQuery) {
  requireAbility(ctx, canReadAuditLog);
  const { page, pageSize, ...filter } = query;
  const [rows, total] = await Promise.all([
    repo.listEntries(ctx.db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    repo.countEntries(ctx.db, filter),
  ]);
  return { data: rows.map(toDto), page: { page, pageSize, total } };
}

/** The actions and object types present, for the filters. */
export async function auditFacets(ctx: Ctx) {
  requireAbility(ctx, canReadAuditLog);
  return repo.facets(ctx.db);
}

/** The filtered log as an Excel workbook, with the actions and objects named in the user's language. */
export async function exportAuditXlsx(ctx: Ctx, filter: AuditFilter): Promise<{ fileName: string; body: Buffer }> {
  requireAbility(ctx, canReadAuditLog);
  const total = await repo.countEntries(ctx.db, filter);
  if (total > EXPORT_MAX_ROWS) {
    throw new AppError(
      'EXPORT_TOO_LARGE',
      msg(
        `Có ${total.toLocaleString('vi-VN')} dòng nhật ký; hãy thu hẹp bộ lọc (tối đa ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng)`,
        `${total} log lines; narrow the filters (at most ${EXPORT_MAX_ROWS})`,
      ),
      { status: 400 },
    );
  }
  const rows = await repo.listEntries(ctx.db, filter, { limit: EXPORT_MAX_ROWS, offset: 0 });
  const vi = ctx.lang === 'vi';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(vi ? 'Nhật ký' : 'Audit log', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: vi ? 'Thời điểm' : 'When', key: 'at', width: 18 },
    { header: vi ? 'Người thực hiện' : 'By', key: 'name', width: 26 },
    { header: 'Email', key: 'email', width: 30 },
    { header: vi ? 'Hành động' : 'Action', key: 'action', width: 30 },
    { header: vi ? 'Mã hành động' : 'Action code', key: 'code', width: 24 },
    { header: vi ? 'Đối tượng' : 'Object', key: 'object', width: 22 },
    { header: vi ? 'Mã đối tượng' : 'Object id', key: 'entityId', width: 38 },
    { header: vi ? 'Mã yêu cầu' : 'Request id', key: 'requestId', width: 38 },
    { header: vi ? 'Chi tiết' : 'Details', key: 'data', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({
      at: formatDateTime(row.at),
      name: row.actorName ?? (row.actorEmail ? '' : vi ? 'Hệ thống' : 'System'),
      email: row.actorEmail ?? '',
      action: auditActionLabel(row.action, ctx.lang),
      code: row.action,
      object: auditObjectLabel(row.entityType, ctx.lang),
      entityId: row.entityId ?? '',
      requestId: row.requestId ?? '',
      data: row.data == null ? '' : JSON.stringify(row.data).slice(0, 32_000),
    });
  }
  sheet.autoFilter = { from: 'A1', to: 'I1' };
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `nhat-ky-he-thong-${vietnamDate(ctx.clock.now())}.xlsx`, body };
}
