import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accountTokens, loginFailures, sessions, users } from '../../db/schema/index.js';

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

/** Failed sign-ins of one account from one address since a moment: how many, and the last one. */
export async function pairFailures(db: DbOrTx, email: string, ip: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | Date | null>`max(${loginFailures.at})` })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return { n: row?.n ?? 0, last: row?.last ? new Date(row.last) : null };
}

/** Failed sign-ins from one address (any account) since a moment. */
export async function addressFailures(db: DbOrTx, ip: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

/** Failed sign-ins of one account (any address) since a moment. */
export async function accountFailures(db: DbOrTx, email: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function clearPairFailures(db: DbOrTx, email: string, ip: string) {
  await db.delete(loginFailures).where(and(eq(loginFailures.email, email), eq(loginFailures.ip, ip)));
}

export async function clearLoginFailures(db: DbOrTx, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** The open sessions of an account, newest first. */
export async function listSessions(db: DbOrTx, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.expiresAt), desc(sessions.createdAt));
}

/** Ends one session of an account; false when the account has no such session. */
export async function deleteSessionOf(db: DbOrTx, userId: string, id: string) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of an account but one (the one the user is working in). */
export async function deleteOtherSessions(db: DbOrTx, userId: string, keepId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

export async function insertToken(db: DbOrTx, values: typeof accountTokens.$inferInsert) {
  await db.insert(accountTokens).values(values);
}

/** Marks a token used if it is unused and unexpired; returns its row, or nothing. */
export async function consumeToken(db: DbOrTx, id: string, purpose: 'reset' | 'unlock', now: Date) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.id, id),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Tokens of one purpose created for an account since a moment (to bound reset e-mails). */
export async function countTokensSince(db: DbOrTx, userId: string, purpose: 'reset' | 'unlock', since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTokens)
    .where(
      and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since)),
    );
  return row?.n ?? 0;
}

/** Voids every unused token of one purpose of an account (after a reset, the other links die). */
export async function voidTokens(db: DbOrTx, userId: string, purpose: 'reset' | 'unlock', now: Date) {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
