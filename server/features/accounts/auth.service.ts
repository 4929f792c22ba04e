import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { UserDto } from '../../../shared/contracts/auth.js';
import { ROLE_PERMISSIONS } from '../../../shared/permissions.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/passwords.js';
import { getUnit } from '../org-units/index.js';
import { mailUnlockLink } from './account-tokens.js';
import * as repo from './auth.repository.js';
import { checkThrottle, lockedError, reachesLock, THROTTLE } from './throttle.js';

export const SESSION_COOKIE = 'bioplan_session';

/** A session lasts 8 hours from the last request (a working day), then the user signs in again. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Resolves a session cookie to its actor; expired or unknown sessions give null. */
export async function loadSession(db: Db, token: string, now: Date) {
  if (token.length > 200) return null;
  const id = sessionId(token);
  const row = await repo.findSessionWithUser(db, id, now);
  if (!row || !row.user.isActive) return null;
  // Sliding expiry, written at most once a minute to spare the database.
  const renewed = new Date(now.getTime() + SESSION_TTL_MS);
  if (renewed.getTime() - row.session.expiresAt.getTime() > 60_000) await repo.extendSession(db, id, renewed);
  const actor: Actor = {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    orgUnitId: row.user.orgUnitId,
  };
  return { id, actor, user: row.user, csrfToken: row.session.csrfToken };
}

/** The account as the API shows it; `now` decides whether a lock still holds (lockedUntil is null after it ends). */
export async function toUserDto(db: DbOrTx, user: typeof users.$inferSelect, now = new Date()): Promise<UserDto> {
  let orgUnit: UserDto['orgUnit'] = null;
  if (user.orgUnitId) {
    const unit = await getUnit(db, user.orgUnitId);
    if (unit) orgUnit = { id: unit.id, code: unit.code, name: unit.fullName, kind: unit.kind };
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgUnit,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
  };
}

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', msg('Email hoặc mật khẩu không đúng', 'Wrong e-mail or password'), {
    status: 401,
  });

/**
 * Signs in: throttles repeated failures (throttle.ts), checks the password — hashing as much for an
 * unknown account as for a known one — refuses a locked account with the time its lock ends, and
 * opens a session recording the address and browser.
 */
export async function login(ctx: Ctx, input: { email: string; password: string }, client: { userAgent?: string } = {}) {
  const now = ctx.clock.now();
  await checkThrottle(ctx, input.email);
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (user?.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil);
  if (!user || !ok || !user.isActive) {
    await repo.recordLoginFailure(ctx.db, input.email, ctx.ip, now);
    if (user && (await reachesLock(ctx.db, user.email, user.lockedUntil, now))) await lockAccount(ctx, user, now);
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.clearPairFailures(tx, input.email, ctx.ip);
    await repo.insertSession(tx, {
      id: sessionId(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: ctx.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, {
      actor: { id: user.id, email: user.email, name: user.name, role: user.role, orgUnitId: user.orgUnitId },
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { ip: ctx.ip },
    });
  });
  const fresh = await repo.findUserByEmail(ctx.db, input.email);
  return {
    token,
    me: {
      user: await toUserDto(ctx.db, fresh, ctx.clock.now()),
      abilities: [...ROLE_PERMISSIONS[fresh.role]],
      csrfToken,
    },
  };
}

/** Sets the hard lock, tells the owner by e-mail (with a link that lifts it), and audits it. */
async function lockAccount(ctx: Ctx, user: typeof users.$inferSelect, now: Date) {
  const lockedUntil = new Date(now.getTime() + THROTTLE.lockMs);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ lockedUntil }).where(eq(users.id, user.id));
    await mailUnlockLink(ctx, tx, user, lockedUntil, now);
    await writeAudit(tx, {
      actor: null,
      action: 'auth.lock',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { email: user.email, ip: ctx.ip, lockedUntil: lockedUntil.toISOString() },
    });
  });
  throw lockedError(lockedUntil);
}

export async function logout(ctx: Ctx, sessionIdValue: string | null) {
  if (!sessionIdValue) return;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionIdValue);
    await writeAudit(tx, {
      actor: ctx.actor,
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor?.id,
      requestId: ctx.requestId,
    });
  });
}

/** The only routes an account that must change its password may use until it does. */
const OPEN_WHILE_CHANGE_REQUIRED = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password']);

/**
 * Refuses (403 PASSWORD_CHANGE_REQUIRED) every API request of an account whose password the
 * administrator set, except reading itself, signing out and changing the password. The client's
 * pages still load: they send the account to the change page.
 */
export function requirePasswordChanged(
  user: typeof users.$inferSelect | null,
  request: { url: string; routeUrl: string | undefined },
) {
  if (!user?.mustChangePassword || !request.url.startsWith('/api/')) return;
  if (request.routeUrl && OPEN_WHILE_CHANGE_REQUIRED.has(request.routeUrl)) return;
  throw new AppError(
    'PASSWORD_CHANGE_REQUIRED',
    msg(
      'Bạn cần đổi mật khẩu do quản trị viên đặt trước khi tiếp tục.',
      'Change the password the administrator set before going on.',
    ),
    { status: 403 },
  );
}

/** The signed-in account, from the user row the session lookup already read. */
export async function me(ctx: Ctx, user: typeof users.$inferSelect, csrfToken: string) {
  return {
    user: await toUserDto(ctx.db, user, ctx.clock.now()),
    abilities: [...ROLE_PERMISSIONS[user.role]],
    csrfToken,
  };
}
