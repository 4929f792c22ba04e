import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginFailures, sessions, users } from '../../db/schema/index.js';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

/**
 * The session lookup of every signed-in request, as a statement built once per database handle
 * (placeholders for the values) and named, so neither Drizzle nor PostgreSQL builds or plans it again.
 */
const sessionLookup = new WeakMap<DbOrTx, ReturnType<typeof prepareSessionLookup>>();
function prepareSessionLookup(db: DbOrTx) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('session_with_user');
}

export async function findSessionWithUser(db: DbOrTx, id: string, now: Date) {
  let lookup = sessionLookup.get(db);
  if (!lookup) sessionLookup.set(db, (lookup = prepareSessionLookup(db)));
  const [row] = await lookup.execute({ id, now });
  return row;
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function extendSession(db: DbOrTx, id: string, expiresAt: Date) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, at: Date) {
  await db.insert(loginFailures).values({ email, ip, at });
}

export async function countRecentFailures(db: DbOrTx, email: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function clearLoginFailures(db: DbOrTx, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
