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
import * as repo from './auth.repository.js';

export const SESSION_COOKIE = 'bioplan_session';

/** A session lasts 8 hours from the last request (a working day), then the user signs in again. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** After this many failed sign-ins for one account within the window, further tries get 429. */
export const MAX_ACCOUNT_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

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

export async function toUserDto(db: DbOrTx, user: typeof users.$inferSelect): Promise<UserDto> {
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
  };
}

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', msg('Email hoặc mật khẩu không đúng', 'Wrong e-mail or password'), {
    status: 401,
  });

/** Signs in: checks the password, limits repeated failures per account, opens a session. */
export async function login(ctx: Ctx, input: { email: string; password: string }) {
  const now = ctx.clock.now();
  const failures = await repo.countRecentFailures(ctx.db, input.email, new Date(now.getTime() - FAILURE_WINDOW_MS));
  if (failures >= MAX_ACCOUNT_FAILURES) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      msg(
        'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.',
        'Too many failed sign-ins for this account. Try again in 15 minutes.',
      ),
      { status: 429 },
    );
  }
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.isActive) {
    await repo.recordLoginFailure(ctx.db, input.email, ctx.ip, now);
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.clearLoginFailures(tx, input.email);
    await repo.insertSession(tx, {
      id: sessionId(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
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
    me: { user: await toUserDto(ctx.db, fresh), abilities: [...ROLE_PERMISSIONS[fresh.role]], csrfToken },
  };
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

/** The signed-in account, from the user row the session lookup already read. */
export async function me(ctx: Ctx, user: typeof users.$inferSelect, csrfToken: string) {
  return { user: await toUserDto(ctx.db, user), abilities: [...ROLE_PERMISSIONS[user.role]], csrfToken };
}
