import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';
import type { Message } from '../../lib/errors.js';
import { storeMessage } from '../../lib/messages.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** A notice to insert: its title and body in both languages (stored with `storeMessage`, read with `localize`). */
export type NotificationInsert = Omit<typeof notifications.$inferInsert, 'title' | 'body'> & {
  title: Message;
  body: Message;
};

/** Active accounts of some units (unit officers), for notices. */
export async function unitAccounts(db: DbOrTx, orgUnitIds: string[]) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name, orgUnitId: users.orgUnitId })
    .from(users)
    .where(and(inArray(users.orgUnitId, orgUnitIds), eq(users.isActive, true), eq(users.role, 'unit')));
}

/** Active accounts of a role (every leader, every focal officer), for notices. */
export async function roleAccounts(db: DbOrTx, role: Role) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true)));
}

/** In-app notices, in batches that keep each statement under PostgreSQL's parameter limit. */
export async function insertNotifications(db: DbOrTx, rows: NotificationInsert[]): Promise<void> {
  const stored = rows.map((row) => ({ ...row, title: storeMessage(row.title), body: storeMessage(row.body) }));
  for (let i = 0; i < stored.length; i += 500) await db.insert(notifications).values(stored.slice(i, i + 500));
}

/**
 * In-app notices to every active focal officer, as a statement for a data-modifying CTE (the
 * reporting module puts it in the one statement of a submission).
 */
export function focalNoticesInsert(notice: {
  kind: string;
  title: Message;
  body: Message;
  link: string;
  createdAt: Date;
}): SQL {
  return sql`insert into notification (user_id, kind, title, body, link, created_at)
    select id, ${notice.kind}, ${storeMessage(notice.title)}, ${storeMessage(notice.body)}, ${notice.link}, ${notice.createdAt.toISOString()}::timestamptz
    from app_user where role = 'focal' and is_active`;
}

const unreadOf = (userId: string) => and(eq(notifications.userId, userId), isNull(notifications.readAt));

/** One page of an account's notices, newest first, and how many match. */
export async function listForUser(
  db: DbOrTx,
  userId: string,
  q: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = q.unreadOnly ? unreadOf(userId) : eq(notifications.userId, userId);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: n };
}

/** How many notices the account has not read (the partial index notification_unread_idx). */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(unreadOf(userId));
  return n;
}

/** One of the account's notices, or undefined (another account's answers undefined too). */
export async function getForUser(db: DbOrTx, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

/** Marks one notice read, if it was unread; answers the row as it is now. */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), unreadOf(userId)))
    .returning();
  return row;
}

/** Marks every unread notice of the account read; answers how many. */
export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(unreadOf(userId))
    .returning({ id: notifications.id });
  return rows.length;
}
