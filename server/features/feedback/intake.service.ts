import { randomUUID } from 'node:crypto';
import {
  contactKind,
  FEEDBACK_LIMITS,
  type CreateFeedbackRequest,
  type CreateFeedbackResponse,
  type FeedbackTrackingResponse,
} from '../../../shared/contracts/feedback.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { checkAttachment } from '../../lib/storage.js';
import { getUnit } from '../org-units/index.js';
import * as repo from './feedback.repository.js';
import { canSendFeedback } from './policy.js';
import { feedbackStorage, newTrackingCode, resolvePlanItem, searchTextOf } from './records.js';

/** An uploaded file, read into memory by the route before validation. */
export interface UploadedFile {
  fileName: string;
  body: Buffer;
}

/**
 * Receives feedback from anyone (POST /feedback). Without an account, organisation and contact
 * are required; with one, the feedback is linked to the account's unit. The honeypot field
 * answers as if accepted and stores nothing. Every file is checked before anything is stored.
 */
export async function createFeedback(
  ctx: Ctx,
  input: CreateFeedbackRequest,
  files: UploadedFile[] = [],
): Promise<CreateFeedbackResponse> {
  if (input.website && input.website.trim() !== '') {
    // A bot filled the hidden field: answer like a success so it learns nothing, store nothing.
    return { id: randomUUID(), trackingCode: newTrackingCode() };
  }
  const actor = ctx.actor ? requireAbility(ctx, canSendFeedback) : null;
  const unit = actor?.orgUnitId ? await getUnit(ctx.db, actor.orgUnitId) : undefined;

  const organisation = input.organisation || unit?.fullName || null;
  const contact = input.contact || actor?.email || null;
  if (!organisation)
    throw invalidField('organisation', msg('Vui lòng nhập tên cơ quan, tổ chức', 'Organisation is required'));
  if (!contact)
    throw invalidField('contact', msg('Vui lòng nhập email hoặc số điện thoại', 'E-mail or phone number is required'));
  const kind = contactKind(contact);
  if (!kind) {
    throw invalidField(
      'contact',
      msg(
        'Liên hệ phải là địa chỉ email hoặc số điện thoại Việt Nam (ví dụ 0912345678)',
        'Contact must be an e-mail address or a Vietnamese phone number (e.g. 0912345678)',
      ),
    );
  }
  if (input.reportId && !unit) {
    throw invalidField(
      'reportId',
      msg('Chỉ đơn vị đã đăng nhập mới gắn ý kiến với báo cáo', 'Only a signed-in unit can link a report'),
    );
  }
  // Only the unit's own report, and one that exists; another unit's answers like an unknown one.
  if (input.reportId && unit && (await repo.reportUnitId(ctx.db, input.reportId)) !== unit.id) {
    throw new AppError('NOT_FOUND', msg('Không tìm thấy báo cáo', 'Report not found'), {
      status: 404,
      issues: [{ path: 'reportId', message: msg('Không có báo cáo này của đơn vị', 'No such report of your unit') }],
    });
  }
  const item = input.planItemId ? await resolvePlanItem(ctx.db, input.planItemId, 'planItemId', ctx.clock.now()) : null;
  if (files.length > FEEDBACK_LIMITS.attachments) {
    throw invalidField(
      'attachments',
      msg(`Tối đa ${FEEDBACK_LIMITS.attachments} tệp đính kèm`, `At most ${FEEDBACK_LIMITS.attachments} attachments`),
    );
  }
  const checked: Array<UploadedFile & { mime: string }> = [];
  for (const [i, file] of files.entries()) {
    const { mime } = await checkAttachment(file.body, file.fileName, `attachments.${i}`);
    checked.push({ ...file, mime });
  }

  const storage = feedbackStorage(ctx);
  const stored: Array<{ key: string; sha256: string; size: number; fileName: string; mime: string }> = [];
  try {
    for (const file of checked)
      stored.push({ ...(await storage.put(file.body)), fileName: file.fileName, mime: file.mime });
    const trackingCode = newTrackingCode();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await repo.insertFeedback(tx, {
        trackingCode,
        source: unit ? 'unit' : 'public',
        senderName: input.name || actor?.name || null,
        organisation,
        contact,
        contactKind: kind,
        subject: input.subject,
        text: input.text,
        orgUnitId: unit?.id ?? null,
        createdById: actor?.id ?? null,
        reportId: input.reportId ?? null,
        planId: item?.planId ?? null,
        planItemKey: item?.key ?? null,
        searchText: searchTextOf({ ...input, organisation, trackingCode }),
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      });
      await repo.insertAttachments(
        tx,
        stored.map((s) => ({
          feedbackId: created.id,
          fileName: s.fileName,
          mime: s.mime,
          size: s.size,
          sha256: s.sha256,
          storageKey: s.key,
        })),
      );
      await repo.insertEvent(tx, {
        feedbackId: created.id,
        at: ctx.clock.now(),
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        action: 'created',
        data: { source: created.source, attachments: stored.length },
      });
      await writeAudit(tx, {
        actor,
        action: 'feedback.create',
        entityType: 'feedback',
        entityId: created.id,
        requestId: ctx.requestId,
        at: ctx.clock.now(),
        data: { source: created.source, trackingCode, ip: ctx.ip, attachments: stored.length },
      });
      return created;
    });
    return { id: row.id, trackingCode: row.trackingCode };
  } catch (err) {
    // Nothing is kept when the record could not be written.
    await Promise.all(stored.map((s) => storage.remove(s.key)));
    throw err;
  }
}

/** Public lookup by tracking code: the status and the answer once given — nothing else. */
export async function trackFeedback(ctx: Ctx, code: string): Promise<FeedbackTrackingResponse> {
  const row = await repo.getByTrackingCode(ctx.db, code.trim().toUpperCase());
  if (!row) throw notFound(msg('Không tìm thấy mã tra cứu', 'Unknown tracking code'));
  const answered = row.answer !== null && (row.status === 'answered' || row.status === 'closed' || row.isPublished);
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    answer: answered ? row.answer : null,
    answeredAt: answered && row.answeredAt ? row.answeredAt.toISOString() : null,
  };
}
