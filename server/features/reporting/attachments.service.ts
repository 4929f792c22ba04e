// Files attached to a report: added and deleted only while the report may be edited (the same
// policy rule as a save), read by whoever may read the report.
import type { AttachmentDto } from '../../../shared/contracts/reporting.js';
import { LIMITS } from '../../../shared/limits.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { checkAttachment, fileStorage } from '../../lib/storage.js';
import * as repo from './attachments.repository.js';
import { loadCycle } from './cycles.service.js';
import { canDeleteAttachment, canUploadAttachment } from './policy.js';
import { enforceEdit, loadReport, requireRead, requireWrite } from './report-access.js';
import { iso, person } from './reporting.dto.js';

const attachmentNotFound = () => notFound(msg('Không tìm thấy tệp đính kèm', 'Attachment not found'));

function toAttachmentDto(attachment: repo.AttachmentRow): AttachmentDto {
  return {
    id: attachment.id,
    reportId: attachment.reportId,
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    size: attachment.size,
    sha256: attachment.sha256,
    uploadedAt: iso(attachment.uploadedAt)!,
    uploadedBy: person(attachment.uploadedBy, attachment.uploadedByName, null),
  };
}

function cleanFileName(name: string): string {
  // Keep the name readable but harmless: no path, no control characters, bounded length.
  const base = name.split(/[\\/]/).pop() ?? 'tep';
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'tep').slice(0, LIMITS.name);
}

/** Attaches a file (PDF, DOCX, XLSX, JPEG, PNG; ≤ 20 MB; type from the content) to an editable report. */
export async function uploadAttachment(
  ctx: Ctx,
  id: string,
  file: { fileName: string; body: Buffer },
): Promise<AttachmentDto> {
  const report = await loadReport(ctx.db, id);
  const actor = requireWrite(ctx, report);
  const cycle = await loadCycle(ctx.db, report.cycleId);
  await enforceEdit(ctx.db, canUploadAttachment(actor, report, cycle), cycle, report);
  const fileName = cleanFileName(file.fileName);
  const { mime } = await checkAttachment(file.body, fileName);
  const storage = fileStorage(ctx);
  const stored = await storage.put(file.body);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const attachment = await repo.insertAttachment(tx, {
        reportId: id,
        fileName,
        mimeType: mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedAt: now,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
      });
      await writeAudit(tx, {
        actor,
        action: 'report.attachment.add',
        entityType: 'report',
        entityId: id,
        data: { attachmentId: attachment.id, fileName, sha256: stored.sha256, size: stored.size },
        requestId: ctx.requestId,
        at: now,
      });
      return attachment;
    });
    return toAttachmentDto(row);
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}

export async function listAttachments(ctx: Ctx, id: string) {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  return { data: (await repo.listAttachments(ctx.db, id)).map(toAttachmentDto) };
}

/** The file, for those who may read the report. */
export async function downloadAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const attachment = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!attachment) throw attachmentNotFound();
  const body = await fileStorage(ctx).get(attachment.storageKey);
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, sha256: attachment.sha256, body };
}

/** Deletes an attached file: only while the report may be edited, as adding one (a closed cycle answers 409). */
export async function deleteAttachment(ctx: Ctx, id: string, attachmentId: string): Promise<void> {
  const report = await loadReport(ctx.db, id);
  const actor = requireWrite(ctx, report);
  const cycle = await loadCycle(ctx.db, report.cycleId);
  await enforceEdit(ctx.db, canDeleteAttachment(actor, report, cycle), cycle, report);
  const attachment = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!attachment) throw attachmentNotFound();
  await ctx.db.transaction(async (tx) => {
    await repo.deleteAttachment(tx, attachmentId);
    await writeAudit(tx, {
      actor,
      action: 'report.attachment.delete',
      entityType: 'report',
      entityId: id,
      data: { attachmentId, fileName: attachment.fileName },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
  });
  await fileStorage(ctx).remove(attachment.storageKey);
}
