import { eq } from 'drizzle-orm';
import type { SessionDto } from '../../../shared/contracts/auth.js';
import { users } from '../../db/schema/index.js';
import { requireAbility, requireActor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import * as repo from './auth.repository.js';
import { SESSION_TTL_MS } from './auth.service.js';
import { canManageUsers } from './policy.js';

const sessionNotFound = () => notFound(msg('Không tìm thấy phiên đăng nhập', 'Session not found'));

async function sessionsOf(ctx: Ctx, userId: string, currentId: string | null): Promise<SessionDto[]> {
  const rows = await repo.listSessions(ctx.db, userId, ctx.clock.now());
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    // The expiry slides 8 hours ahead of the last request (written at most once a minute).
    lastSeenAt: new Date(s.expiresAt.getTime() - SESSION_TTL_MS).toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    isCurrent: s.id === currentId,
  }));
}

async function revoke(ctx: Ctx, userId: string, id: string, action: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteSessionOf(tx, userId, id))) throw sessionNotFound();
    await writeAudit(tx, {
      actor,
      action,
      entityType: 'user',
      entityId: userId,
      requestId: ctx.requestId,
      data: { session: id.slice(0, 12) },
    });
  });
}

/** The signed-in user's open sessions, the current one marked. */
export async function listOwnSessions(ctx: Ctx, currentId: string | null) {
  const actor = requireActor(ctx);
  return { data: await sessionsOf(ctx, actor.id, currentId) };
}

/** The user ends one of their own sessions (another browser, a lost phone). */
export async function revokeOwnSession(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await revoke(ctx, actor.id, id, 'session.revoke.own');
}

/** An account's open sessions (admin). */
export async function listUserSessions(ctx: Ctx, userId: string, currentId: string | null) {
  requireAbility(ctx, canManageUsers);
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound(msg('Không tìm thấy tài khoản', 'Account not found'));
  return { data: await sessionsOf(ctx, userId, currentId) };
}

/** The admin ends a session of an account; its next request is answered 401. */
export async function revokeUserSession(ctx: Ctx, userId: string, id: string) {
  requireAbility(ctx, canManageUsers);
  await revoke(ctx, userId, id, 'session.revoke');
}
