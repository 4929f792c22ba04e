import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';
import type { Message } from '../../lib/errors.js';
import { storeMessage } from '../../lib/messages.js';

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
