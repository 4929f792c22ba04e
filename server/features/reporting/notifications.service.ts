import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { JobDto, NotificationDto } from '../../../shared/contracts/reporting.js';
import { notifications } from '../../db/schema/index.js';
import { requireActor } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { getJob } from '../../lib/jobs.js';
import { iso } from './reporting.dto.js';

/** The signed-in account's in-app notifications (latest 200), newest first, with the unread count. */
export async function listNotifications(ctx: Ctx, unreadOnly: boolean): Promise<{ data: NotificationDto[]; unread: number }> {
  const actor = requireActor(ctx);
  const mine = eq(notifications.userId, actor.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(200);
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  return {
    data: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: iso(r.createdAt)!, readAt: iso(r.readAt) })),
    unread: n,
  };
}

/** Marks one of the account's notifications read (reading is not audited: it changes no shared state). */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw notFound(msg('Không tìm thấy thông báo', 'Notification not found'));
  return { ok: true };
}

/** A background job's status, for the account that queued it, or a focal officer or admin. */
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
    progressNote: job.progressNote,
    result: job.result ?? null,
    error: job.error,
    attempts: job.attempts,
    createdAt: iso(job.createdAt)!,
    finishedAt: iso(job.finishedAt),
  };
}
