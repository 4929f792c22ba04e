import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { JobDto, NotificationDto } from '../../../shared/contracts/reporting.js';
import { notifications } from '../../db/schema/index.js';
import { requireActor } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound, type Message } from '../../lib/errors.js';
import { getJob } from '../../lib/jobs.js';
import { enqueueMail } from '../../lib/mail.js';
import { localize } from '../../lib/messages.js';
import type { DbOrTx } from '../../db/client.js';
import { insertNotifications, unitAccounts } from './notifications.repository.js';

/** An ISO timestamp from a driver value (a Date, or a string from raw SQL). */
const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** A notice to the officers of a unit, in both languages (the in-app inbox answers the reader's language). */
export interface UnitNotice {
  kind: string;
  title: Message;
  body: Message;
  link: string;
  at: Date;
}

/**
 * Notifies a unit's active officers in-app, and by e-mail (queued in the same transaction) when
 * SMTP is configured. The e-mail is in Vietnamese: it has no request language.
 */
export async function notifyUnit(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'config'>,
  orgUnitId: string,
  notice: UnitNotice,
): Promise<void> {
  const accounts = await notifyUnitInApp(tx, orgUnitId, notice);
  await enqueueMail(tx, ctx.config, {
    to: accounts.map((a) => a.email),
    subject: notice.title.vi,
    text: `${notice.body.vi}\n\n${ctx.config.publicUrl}${notice.link}`,
  });
}

/** Notifies a unit's active officers in-app only. */
export async function notifyUnitInApp(
  tx: DbOrTx,
  orgUnitId: string,
  notice: UnitNotice,
): Promise<Array<{ id: string; email: string }>> {
  const accounts = await unitAccounts(tx, [orgUnitId]);
  await insertNotifications(
    tx,
    accounts.map((a) => ({
      userId: a.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      createdAt: notice.at,
    })),
  );
  return accounts;
}

/** The signed-in account's in-app notifications (latest 200), newest first, with the unread count, in the request's language. */
export async function listNotifications(
  ctx: Ctx,
  unreadOnly: boolean,
): Promise<{ data: NotificationDto[]; unread: number }> {
  const actor = requireActor(ctx);
  const mine = eq(notifications.userId, actor.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(200);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    data: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: localize(row.title, ctx.lang)!,
      body: localize(row.body, ctx.lang)!,
      link: row.link,
      createdAt: iso(row.createdAt)!,
      readAt: iso(row.readAt),
    })),
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
