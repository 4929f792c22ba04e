import type {
  FeedbackDto,
  FeedbackListItemDto,
  ListFeedbackQuery,
  PublishedFeedbackDto,
  TriageFeedbackRequest,
} from '../../../shared/contracts/feedback.js';
import { routes } from '../../../shared/routes.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { notifyUnit } from '../notifications/index.js';
import { existingUnitIds, unitDtos } from '../org-units/index.js';
import { amendmentsCitingFeedback, itemRefs } from '../plan/index.js';
import * as repo from './feedback.repository.js';
import { canSeeFeedback, canSendFeedback, canTriageFeedback } from './policy.js';
import { checkForwardTarget } from './forwarding.js';
import { FEEDBACK_NOT_FOUND, feedbackStorage, resolvePlanItem } from './records.js';

async function toListItems(
  db: DbOrTx,
  actor: Actor,
  rows: repo.FeedbackRow[],
  at: Date,
): Promise<FeedbackListItemDto[]> {
  const unit = await unitDtos(
    db,
    rows.flatMap((r) => [r.orgUnitId, r.forwardedToUnitId]),
  );
  const ref = await itemRefs(
    db,
    rows.map((r) => ({ planId: r.planId, key: r.planItemKey })),
    at,
  );
  const ids = rows.map((r) => r.id);
  const counts = await repo.attachmentCounts(db, ids);
  const amendments = await amendmentsCitingFeedback(db, ids);
  return rows.map((r) => {
    const answeredBy = r.answeredByAmendmentId
      ? amendments.find((link) => link.amendment.id === r.answeredByAmendmentId)
      : undefined;
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
      answeredByAmendment: answeredBy?.amendment ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      abilities: { canTriage: canTriageFeedback(actor) },
      attachmentCount: counts.get(r.id) ?? 0,
    };
  });
}

/** The desk: every item for the focal department, a unit's own (and forwarded) items for others. */
export async function listFeedback(ctx: Ctx, query: ListFeedbackQuery) {
  const actor = requireAbility(ctx, canSendFeedback);
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.listFeedback(
    ctx.db,
    { ...filter, visibleTo: canTriageFeedback(actor) ? undefined : { orgUnitId: actor.orgUnitId, userId: actor.id } },
    { page, pageSize },
  );
  return { data: await toListItems(ctx.db, actor, rows, ctx.clock.now()), page: { page, pageSize, total } };
}

/** One item with its history, attachments and the amendments citing it; another unit's item answers 404. */
export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackDto> {
  const actor = requireAbility(ctx, canSendFeedback);
  const row = await repo.getFeedback(ctx.db, id);
  if (!row || !canSeeFeedback(actor, row)) throw notFound(FEEDBACK_NOT_FOUND);
  const [item] = await toListItems(ctx.db, actor, [row], ctx.clock.now());
  const { attachmentCount: _count, ...rest } = item;
  const attachments = await repo.listAttachments(ctx.db, [row.id]);
  const events = await repo.listEvents(ctx.db, row.id);
  const amendments = await amendmentsCitingFeedback(ctx.db, [row.id]);
  return {
    ...rest,
    text: row.text,
    attachments: attachments.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
    })),
    history: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorName: event.actorName,
      action: event.action,
      data: event.data ?? null,
    })),
    amendments: amendments.map((link) => link.amendment),
  };
}

/** An attachment's body, for whoever may read the item. */
export async function getAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const actor = requireAbility(ctx, canSendFeedback);
  const row = await repo.getFeedback(ctx.db, id);
  if (!row || !canSeeFeedback(actor, row)) throw notFound(FEEDBACK_NOT_FOUND);
  const attachment = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!attachment) throw notFound(msg('Không tìm thấy tệp đính kèm', 'Attachment not found'));
  return {
    fileName: attachment.fileName,
    mime: attachment.mime,
    body: await feedbackStorage(ctx).get(attachment.storageKey),
  };
}

/**
 * Triage by the focal department: status, category, plan item, forwarding, answer, publication.
 * Each call is one step in the item's history with the fields it changed.
 */
export async function triageFeedback(ctx: Ctx, id: string, input: TriageFeedbackRequest): Promise<FeedbackDto> {
  const actor = requireAbility(ctx, canTriageFeedback);
  const row = await repo.getFeedback(ctx.db, id);
  if (!row) throw notFound(FEEDBACK_NOT_FOUND);

  const next: Partial<repo.FeedbackRow> = { status: input.status };
  if (input.category !== undefined) next.category = input.category;
  if (input.planItemId !== undefined) {
    const item = input.planItemId
      ? await resolvePlanItem(ctx.db, input.planItemId, 'planItemId', ctx.clock.now())
      : null;
    next.planId = item?.planId ?? null;
    next.planItemKey = item?.key ?? null;
  }
  if (input.forwardedToUnitId !== undefined) {
    if (input.forwardedToUnitId && input.forwardedToUnitId !== row.forwardedToUnitId) {
      if (!(await existingUnitIds(ctx.db, [input.forwardedToUnitId])).has(input.forwardedToUnitId)) {
        throw invalidField('forwardedToUnitId', msg('Đơn vị không tồn tại', 'Unknown unit'));
      }
      await checkForwardTarget(ctx, input.forwardedToUnitId, actor.orgUnitId);
    }
    next.forwardedToUnitId = input.forwardedToUnitId;
  }
  if (input.answer !== undefined) next.answer = input.answer ? input.answer : null;
  if (input.published !== undefined) next.isPublished = input.published;

  const answer = next.answer !== undefined ? next.answer : row.answer;
  if (input.status === 'answered' && !answer) {
    throw invalidField(
      'answer',
      msg(
        'Cần nhập nội dung trả lời trước khi chuyển sang "Đã trả lời"',
        'An answer is required for status "answered"',
      ),
    );
  }
  if ((next.isPublished ?? row.isPublished) && !answer) {
    throw invalidField(
      'published',
      msg('Chỉ công khai được ý kiến đã có câu trả lời', 'Only answered feedback can be published'),
    );
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
    await repo.insertEvent(tx, {
      feedbackId: id,
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'triaged',
      data: changes,
    });
    if (changes.forwardedToUnitId && next.forwardedToUnitId) {
      await notifyUnit(tx, ctx, next.forwardedToUnitId, {
        kind: 'feedback.forwarded',
        title: msg(
          `Phản ánh ${row.trackingCode} được chuyển đến đơn vị`,
          `Feedback ${row.trackingCode} was forwarded to your unit`,
        ),
        body: msg(row.subject, row.subject),
        link: routes.feedbackItem(id),
        at: now,
      });
    }
    // The unit that sent it (from its workspace or in its report) learns of the answer.
    if (changes.answer && answer && row.orgUnitId && row.source !== 'public') {
      await notifyUnit(tx, ctx, row.orgUnitId, {
        kind: 'feedback.answered',
        title: msg(`Phản ánh ${row.trackingCode} đã được trả lời`, `Feedback ${row.trackingCode} was answered`),
        body: msg(row.subject, row.subject),
        link: routes.feedbackItem(id),
        at: now,
      });
    }
    await writeAudit(tx, {
      actor,
      action: 'feedback.triage',
      entityType: 'feedback',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: changes,
    });
  });
  return getFeedback(ctx, id);
}

/**
 * Published questions and answers, for the public portal: no sender data. The search looks only
 * at what is published (subject, question, answer), never at the sender's name, organisation or
 * tracking code, so it cannot tell who asked what. Published answers are few: they are filtered
 * here rather than through the desk's search column, which holds the sender's details.
 */
export async function listPublished(ctx: Ctx, query: { page: number; pageSize: number; q?: string }) {
  const { rows } = await repo.listFeedback(ctx.db, { isPublished: true }, { page: 1, pageSize: 100_000 });
  const needle = query.q ? foldText(query.q) : '';
  const matching = rows.filter(
    (r) => r.answer && (!needle || foldText(`${r.subject} ${r.text} ${r.answer}`).includes(needle)),
  );
  const shown = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const ref = await itemRefs(
    ctx.db,
    shown.map((r) => ({ planId: r.planId, key: r.planItemKey })),
    ctx.clock.now(),
  );
  const data: PublishedFeedbackDto[] = shown.map((r) => ({
    id: r.id,
    subject: r.subject,
    text: r.text,
    category: r.category,
    planItem: ref(r.planId, r.planItemKey),
    answer: r.answer!,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
  return { data, page: { page: query.page, pageSize: query.pageSize, total: matching.length } };
}
