import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';

export type NotificationInsert = typeof notifications.$inferInsert;

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
  for (let i = 0; i < rows.length; i += 500) await db.insert(notifications).values(rows.slice(i, i + 500));
}

/**
 * In-app notices to every active focal officer, as a statement for a data-modifying CTE (the
 * reporting module puts it in the one statement of a submission).
 */
export function focalNoticesInsert(notice: { kind: string; title: string; body: string; link: string; createdAt: Date }): SQL {
  return sql`insert into notification (user_id, kind, title, body, link, created_at)
    select id, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.link}, ${notice.createdAt.toISOString()}::timestamptz
    from app_user where role = 'focal' and is_active`;
}
