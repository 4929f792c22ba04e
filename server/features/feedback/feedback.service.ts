import { randomInt, randomUUID } from 'node:crypto';
import {
  contactKind,
  FEEDBACK_LIMITS,
  type CreateFeedbackRequest,
  type CreateFeedbackResponse,
  type FeedbackAmendmentRefDto,
  type FeedbackDto,
  type FeedbackListItemDto,
  type FeedbackTrackingResponse,
  type ListFeedbackQuery,
  type PublishedFeedbackDto,
  type TriageFeedbackRequest,
} from '../../../shared/contracts/feedback.js';
import { hasPermission } from '../../../shared/permissions.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { checkAttachment, localStorage, type FileStorage } from '../../lib/storage.js';
import { getUnit } from '../org-units/org-units.repository.js';
import * as repo from './feedback.repository.js';
import { currentItemsById, existingUnitIds, itemRefs, planHoldingKey, reportUnitId, unitDtos } from './plan-refs.repository.js';

/** An uploaded file, read into memory by the route before validation. */
export interface UploadedFile {
  fileName: string;
  body: Buffer;
}

const FEEDBACK_NOT_FOUND = msg('Không tìm thấy ý kiến phản ánh', 'Feedback not found');

// 32 symbols without 0/O and 1/I, so a code read over the phone is not misheard.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code such as "GY-7KQ4-M2XD" (40 random bits). */
export function newTrackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `GY-${part()}-${part()}`;
}

function feedbackStorage(ctx: Pick<Ctx, 'config'>): FileStorage {
  return localStorage(ctx.config.filesDir);
}

function searchTextOf(f: { subject: string; text: string; organisation?: string | null; senderName?: string | null; trackingCode: string }) {
  return foldText(`${f.trackingCode} ${f.subject} ${f.organisation ?? ''} ${f.senderName ?? ''} ${f.text}`).slice(0, 4000);
}

/** Resolves an item id of a plan's current version, or throws 400 naming the field. */
async function resolvePlanItem(db: DbOrTx, itemId: string, field: string) {
  const found = (await currentItemsById(db, [itemId])).get(itemId);
  if (!found) {
    throw invalidField(
      field,
      msg('Mục kế hoạch không tồn tại trong phiên bản hiện hành của kế hoạch', 'No such item in the current version of the plan'),
    );
  }
  return { planId: found.planId, key: found.item.key };
}

/**
 * Receives feedback from anyone (POST /feedback). Without an account, organisation and contact
 * are required; with one, the feedback is linked to the account's unit. The honeypot field
 * answers as if accepted and stores nothing. Every file is checked before anything is stored.
 */
export async function createFeedback(ctx: Ctx, input: CreateFeedbackRequest, files: UploadedFile[] = []): Promise<CreateFeedbackResponse> {
  if (input.website && input.website.trim() !== '') {
    // A bot filled the hidden field: answer like a success so it learns nothing, store nothing.
    return { id: randomUUID(), trackingCode: newTrackingCode() };
  }
  const actor = ctx.actor ? requireAccess(ctx, 'feedback.send') : null;
  const unit = actor?.orgUnitId ? await getUnit(ctx.db, actor.orgUnitId) : undefined;

  const organisation = input.organisation || unit?.fullName || null;
  const contact = input.contact || actor?.email || null;
  if (!organisation) throw invalidField('organisation', msg('Vui lòng nhập tên cơ quan, tổ chức', 'Organisation is required'));
  if (!contact) throw invalidField('contact', msg('Vui lòng nhập email hoặc số điện thoại', 'E-mail or phone number is required'));
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
    throw invalidField('reportId', msg('Chỉ đơn vị đã đăng nhập mới gắn ý kiến với báo cáo', 'Only a signed-in unit can link a report'));
  }
  // Only the unit's own report, and one that exists; another unit's answers like an unknown one.
  if (input.reportId && unit && (await reportUnitId(ctx.db, input.reportId)) !== unit.id) {
    throw new AppError('NOT_FOUND', msg('Không tìm thấy báo cáo', 'Report not found'), {
      status: 404,
      issues: [{ path: 'reportId', message: msg('Không có báo cáo này của đơn vị', 'No such report of your unit') }],
    });
  }
  const item = input.planItemId ? await resolvePlanItem(ctx.db, input.planItemId, 'planItemId') : null;
  if (files.length > FEEDBACK_LIMITS.attachments) {
    throw invalidField('attachments', msg(`Tối đa ${FEEDBACK_LIMITS.attachments} tệp đính kèm`, `At most ${FEEDBACK_LIMITS.attachments} attachments`));
  }
  const checked: Array<UploadedFile & { mime: string }> = [];
  for (const [i, f] of files.entries()) {
    const { mime } = await checkAttachment(f.body, f.fileName, `attachments.${i}`);
    checked.push({ ...f, mime });
  }

  const storage = feedbackStorage(ctx);
  const stored: Array<{ key: string; sha256: string; size: number; fileName: string; mime: string }> = [];
  try {
    for (const f of checked) stored.push({ ...(await storage.put(f.body)), fileName: f.fileName, mime: f.mime });
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
        stored.map((s) => ({ feedbackId: created.id, fileName: s.fileName, mime: s.mime, size: s.size, sha256: s.sha256, storageKey: s.key })),
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

function canTriage(actor: Actor): boolean {
  return hasPermission(actor.role, 'feedback.triage');
}

/** The focal department sees every item; others what their unit sent or was forwarded, or what they sent. */
function canSee(actor: Actor, row: repo.FeedbackRow): boolean {
  if (canTriage(actor)) return true;
  if (row.createdById === actor.id) return true;
  return actor.orgUnitId !== null && (row.orgUnitId === actor.orgUnitId || row.forwardedToUnitId === actor.orgUnitId);
}

function amendmentRef(a: { a: { id: string; summary: string; status: FeedbackAmendmentRefDto['status']; documentNumber: string | null; documentDate: string | null }; versionNumber: number | null }): FeedbackAmendmentRefDto {
  return {
    id: a.a.id,
    summary: a.a.summary,
    status: a.a.status,
    versionNumber: a.versionNumber,
    documentNumber: a.a.documentNumber,
    documentDate: a.a.documentDate,
  };
}

async function toListItems(db: DbOrTx, actor: Actor, rows: repo.FeedbackRow[]): Promise<FeedbackListItemDto[]> {
  const unit = await unitDtos(db, rows.flatMap((r) => [r.orgUnitId, r.forwardedToUnitId]));
  const ref = await itemRefs(db, rows.map((r) => ({ planId: r.planId, key: r.planItemKey })));
  const ids = rows.map((r) => r.id);
  const counts = await repo.attachmentCounts(db, ids);
  const amendments = await repo.amendmentsFor(db, ids);
  return rows.map((r) => {
    const answeredBy = r.answeredByAmendmentId ? amendments.find((a) => a.a.id === r.answeredByAmendmentId) : undefined;
    return {
      id: r.id,
      trackingCode: r.trackingCode,
      source: r.source,
      senderName: r.senderName,
      organisation: r.organisation,
      contact: r.contact,
      subject: r.subject,
      orgUnit: unit(r.orgUnitId),
      reportId: r.reportId,
      planId: r.planId,
      planItem: ref(r.planId, r.planItemKey),
      category: r.category,
      status: r.status,
      forwardedToUnit: unit(r.forwardedToUnitId),
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      isPublished: r.isPublished,
      answeredByAmendment: answeredBy ? amendmentRef(answeredBy) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      abilities: { canTriage: canTriage(actor) },
      attachmentCount: counts.get(r.id) ?? 0,
    };
  });
}

/** The desk: every item for the focal department, a unit's own (and forwarded) items for others. */
export async function listFeedback(ctx: Ctx, query: ListFeedbackQuery) {
  const actor = requireAccess(ctx, 'feedback.send');
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.listFeedback(
    ctx.db,
    { ...filter, visibleTo: canTriage(actor) ? undefined : { orgUnitId: actor.orgUnitId, userId: actor.id } },
    { page, pageSize },
  );
  return { data: await toListItems(ctx.db, actor, rows), page: { page, pageSize, total } };
}

/** One item with its history, attachments and the amendments citing it; another unit's item answers 404. */
export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackDto> {
  const actor = requireAccess(ctx, 'feedback.send');
  const row = await repo.getFeedback(ctx.db, id);
  if (!row || !canSee(actor, row)) throw notFound(FEEDBACK_NOT_FOUND);
  const [item] = await toListItems(ctx.db, actor, [row]);
  const { attachmentCount: _count, ...rest } = item;
  const attachments = await repo.listAttachments(ctx.db, [row.id]);
  const events = await repo.listEvents(ctx.db, row.id);
  const amendments = await repo.amendmentsFor(ctx.db, [row.id]);
  return {
    ...rest,
    text: row.text,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, sha256: a.sha256 })),
    history: events.map((e) => ({ id: e.id, at: e.at.toISOString(), actorName: e.actorName, action: e.action, data: e.data ?? null })),
    amendments: amendments.map(amendmentRef),
  };
}

/** An attachment's body, for whoever may read the item. */
export async function getAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const actor = requireAccess(ctx, 'feedback.send');
  const row = await repo.getFeedback(ctx.db, id);
  if (!row || !canSee(actor, row)) throw notFound(FEEDBACK_NOT_FOUND);
  const att = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!att) throw notFound(msg('Không tìm thấy tệp đính kèm', 'Attachment not found'));
  return { fileName: att.fileName, mime: att.mime, body: await feedbackStorage(ctx).get(att.storageKey) };
}

/**
 * Triage by the focal department: status, category, plan item, forwarding, answer, publication.
 * Each call is one step in the item's history with the fields it changed.
 */
export async function triageFeedback(ctx: Ctx, id: string, input: TriageFeedbackRequest): Promise<FeedbackDto> {
  const actor = requireAccess(ctx, 'feedback.triage');
  const row = await repo.getFeedback(ctx.db, id);
  if (!row) throw notFound(FEEDBACK_NOT_FOUND);

  const next: Partial<repo.FeedbackRow> = { status: input.status };
  if (input.category !== undefined) next.category = input.category;
  if (input.planItemId !== undefined) {
    const item = input.planItemId ? await resolvePlanItem(ctx.db, input.planItemId, 'planItemId') : null;
    next.planId = item?.planId ?? null;
    next.planItemKey = item?.key ?? null;
  }
  if (input.forwardedToUnitId !== undefined) {
    if (input.forwardedToUnitId && !(await existingUnitIds(ctx.db, [input.forwardedToUnitId])).has(input.forwardedToUnitId)) {
      throw invalidField('forwardedToUnitId', msg('Đơn vị không tồn tại', 'Unknown unit'));
    }
    next.forwardedToUnitId = input.forwardedToUnitId;
  }
  if (input.answer !== undefined) next.answer = input.answer ? input.answer : null;
  if (input.published !== undefined) next.isPublished = input.published;

  const answer = next.answer !== undefined ? next.answer : row.answer;
  if (input.status === 'answered' && !answer) {
    throw invalidField('answer', msg('Cần nhập nội dung trả lời trước khi chuyển sang "Đã trả lời"', 'An answer is required for status "answered"'));
  }
  if ((next.isPublished ?? row.isPublished) && !answer) {
    throw invalidField('published', msg('Chỉ công khai được ý kiến đã có câu trả lời', 'Only answered feedback can be published'));
  }

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(next) as Array<[keyof repo.FeedbackRow, unknown]>) {
    if (row[field] !== value) changes[field] = { from: row[field], to: value };
  }
  if (Object.keys(changes).length === 0) return getFeedback(ctx, id);
  const now = ctx.clock.now();
  if (changes.answer && answer) {
    next.answeredAt = now;
    next.answeredById = actor.id;
  }

  await ctx.db.transaction(async (tx) => {
    await repo.updateFeedback(tx, id, { ...next, updatedAt: now });
    await repo.insertEvent(tx, { feedbackId: id, at: now, actorId: actor.id, actorName: actor.name, action: 'triaged', data: changes });
    await writeAudit(tx, { actor, action: 'feedback.triage', entityType: 'feedback', entityId: id, requestId: ctx.requestId, at: now, data: changes });
  });
  return getFeedback(ctx, id);
}

/** Published questions and answers, for the public portal: no sender data. */
export async function listPublished(ctx: Ctx, query: { page: number; pageSize: number; q?: string }) {
  const { rows, total } = await repo.listFeedback(ctx.db, { isPublished: true, q: query.q }, query);
  const ref = await itemRefs(ctx.db, rows.map((r) => ({ planId: r.planId, key: r.planItemKey })));
  const data: PublishedFeedbackDto[] = rows
    .filter((r) => r.answer)
    .map((r) => ({
      id: r.id,
      subject: r.subject,
      text: r.text,
      category: r.category,
      planItem: ref(r.planId, r.planItemKey),
      answer: r.answer!,
      answeredAt: r.answeredAt?.toISOString() ?? null,
    }));
  return { data, page: { page: query.page, pageSize: query.pageSize, total } };
}

function reportText(difficulties: string, proposals: string): string {
  const parts: string[] = [];
  if (difficulties) parts.push(`Khó khăn, vướng mắc:\n${difficulties}`);
  if (proposals) parts.push(`Đề xuất, kiến nghị:\n${proposals}`);
  return parts.join('\n\n').slice(0, FEEDBACK_LIMITS.text * 2);
}

/**
 * Puts the difficulties and proposals written in a unit's yearly report on the feedback desk,
 * linked to the report, so nothing raised in a report is lost. Call it inside the transaction
 * that submits the report. Idempotent per report and plan item: a report submitted again
 * updates its desk item (keeping the triage) instead of adding another. Nothing is written when
 * both texts are empty and no item exists yet.
 */
export async function recordReportFeedback(
  tx: DbOrTx,
  input: {
    reportId: string;
    orgUnitId: string;
    planItemKey?: string | null;
    /** The plan the key belongs to; defaults to the plan whose current version holds the key. */
    planId?: string | null;
    difficulties: string | null | undefined;
    proposals: string | null | undefined;
    actor: Actor | null;
    /** When it happens (defaults to now). */
    at?: Date;
  },
): Promise<{ feedbackId: string | null; created: boolean }> {
  const difficulties = (input.difficulties ?? '').trim();
  const proposals = (input.proposals ?? '').trim();
  const key = input.planItemKey ?? null;
  const slot = `${input.reportId}:${key ?? ''}`;
  const at = input.at ?? new Date();
  const existing = await repo.getByReportSlot(tx, slot);
  if (!difficulties && !proposals) return { feedbackId: existing?.id ?? null, created: false };

  const unit = await getUnit(tx, input.orgUnitId);
  const unitName = unit?.fullName ?? '';
  const text = reportText(difficulties, proposals);
  const subject = `Khó khăn, đề xuất trong báo cáo của ${unitName}${key ? ` (mục ${key})` : ''}`.slice(0, FEEDBACK_LIMITS.subject);
  let planId = input.planId ?? null;
  if (key && !planId) {
    planId = (await planHoldingKey(tx, key)) ?? null;
  }

  if (existing) {
    if (existing.text === text && existing.subject === subject) return { feedbackId: existing.id, created: false };
    await repo.updateFeedback(tx, existing.id, {
      text,
      subject,
      searchText: searchTextOf({ subject, text, organisation: unitName, trackingCode: existing.trackingCode }),
      updatedAt: at,
    });
    await repo.insertEvent(tx, {
      feedbackId: existing.id,
      at,
      actorId: input.actor?.id ?? null,
      actorName: input.actor?.name ?? null,
      action: 'report_updated',
      data: { reportId: input.reportId },
    });
    await writeAudit(tx, { actor: input.actor, action: 'feedback.report_update', entityType: 'feedback', entityId: existing.id, at, data: { reportId: input.reportId } });
    return { feedbackId: existing.id, created: false };
  }

  const trackingCode = newTrackingCode();
  const created = await repo.insertFeedback(tx, {
    trackingCode,
    source: 'report',
    senderName: input.actor?.name ?? null,
    organisation: unitName || null,
    contact: input.actor?.email ?? null,
    contactKind: input.actor?.email ? 'email' : null,
    subject,
    text,
    orgUnitId: input.orgUnitId,
    createdById: input.actor?.id ?? null,
    reportId: input.reportId,
    reportSlot: slot,
    planId,
    planItemKey: key,
    searchText: searchTextOf({ subject, text, organisation: unitName, trackingCode }),
    createdAt: at,
    updatedAt: at,
  });
  await repo.insertEvent(tx, {
    feedbackId: created.id,
    at,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    action: 'created',
    data: { source: 'report', reportId: input.reportId },
  });
  await writeAudit(tx, { actor: input.actor, action: 'feedback.create', entityType: 'feedback', entityId: created.id, at, data: { source: 'report', reportId: input.reportId } });
  return { feedbackId: created.id, created: true };
}
