// The signed-in account's inbox: its notices a page at a time, the bell's count, marking read.
// Marking read is a state change: audited. Another account's notice answers 404.
import type {
  MarkAllReadResponse,
  NotificationDto,
  NotificationListQuery,
  NotificationListResponse,
} from '../../../shared/contracts/notifications.js';
import type { JobDto } from '../../../shared/contracts/reporting.js';
import { requireActor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { getJob } from '../../lib/jobs.js';
import { localize } from '../../lib/messages.js';
import * as repo from './notifications.repository.js';

const NOTIFICATION_NOT_FOUND = msg('Không tìm thấy thông báo', 'Notification not found');

/** An ISO timestamp from a driver value (a Date, or a string from raw SQL). */
const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

function toNotificationDto(ctx: Ctx, row: repo.NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: localize(row.title, ctx.lang)!,
    body: localize(row.body, ctx.lang)!,
    link: row.link,
    createdAt: iso(row.createdAt)!,
    readAt: iso(row.readAt),
  };
}

/** The account's notices, newest first, one page, with the unread count; in the request's language. */
export async function listNotifications(ctx: Ctx, q: NotificationListQuery): Promise<NotificationListResponse> {
  const actor = requireActor(ctx);
  const query = { unreadOnly: q.unreadOnly === 'true', page: q.page, pageSize: q.pageSize };
  const [{ rows, total }, unread] = await Promise.all([
    repo.listForUser(ctx.db, actor.id, query),
    repo.unreadCount(ctx.db, actor.id),
  ]);
  return {
    data: rows.map((row) => toNotificationDto(ctx, row)),
    page: { page: q.page, pageSize: q.pageSize, total },
    unread,
  };
}

/** What the bell shows. */
export async function countUnread(ctx: Ctx): Promise<{ unread: number }> {
  const actor = requireActor(ctx);
  return { unread: await repo.unreadCount(ctx.db, actor.id) };
}

/** Marks one of the account's notices read (audited once, when it changes); answers the notice. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationDto> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const changed = await repo.markRead(tx, actor.id, id, now);
    if (!changed) return repo.getForUser(tx, actor.id, id);
    await writeAudit(tx, {
      actor,
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
    });
    return changed;
  });
  if (!row) throw notFound(NOTIFICATION_NOT_FOUND);
  return toNotificationDto(ctx, row);
}

/** Marks every unread notice of the account read (one audit line with the count). */
export async function markAllNotificationsRead(ctx: Ctx): Promise<MarkAllReadResponse> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const n = await repo.markAllRead(tx, actor.id, now);
    if (n > 0) {
      await writeAudit(tx, {
        actor,
        action: 'notification.read_all',
        entityType: 'notification',
        data: { count: n },
        requestId: ctx.requestId,
        at: now,
      });
    }
    return n;
  });
  return { updated, unread: 0 };
}

/** A background job's status, for the account that queued it, or a focal officer or admin; its note and error in the request's language. */
export async function getJobStatus(ctx: Ctx, id: string): Promise<JobDto> {
  const actor = requireActor(ctx);
  const job = await getJob(ctx.db, id);
  if (!job || (job.createdBy !== actor.id && actor.role !== 'focal' && actor.role !== 'admin')) {
    throw notFound(msg('Không tìm thấy tác vụ', 'Job not found'));
  }
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    progressNote: localize(job.progressNote, ctx.lang),
    result: job.result ?? null,
    error: localize(job.error, ctx.lang),
    attempts: job.attempts,
    createdAt: iso(job.createdAt)!,
    finishedAt: iso(job.finishedAt),
  };
}
