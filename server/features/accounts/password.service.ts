import { eq } from 'drizzle-orm';
import type { ChangePasswordRequest, ResetPasswordRequest } from '../../../shared/contracts/auth.js';
import { ROLE_PERMISSIONS } from '../../../shared/permissions.js';
import { users } from '../../db/schema/index.js';
import { requireActor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg } from '../../lib/errors.js';
import { isMailConfigured } from '../../lib/mail.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../lib/passwords.js';
import { invalidLink, mailResetLink, tokenId } from './account-tokens.js';
import * as repo from './auth.repository.js';
import { toUserDto } from './auth.service.js';
import { checkThrottle } from './throttle.js';

/** At most this many reset e-mails per account per hour, so the form cannot flood a mailbox. */
const MAX_RESETS_PER_HOUR = 3;

/** 400 on `field` when the password is too weak for this account, with the reason in Vietnamese. */
export function checkStrength(field: string, password: string, account: { email: string; name: string }) {
  const weakness = passwordWeakness(password, account);
  if (weakness) throw invalidField(field, weakness);
}

/**
 * The user changes their own password: the current one must be right (throttled like a sign-in),
 * the new one strong and different. Every other session of the account ends; this one stays.
 */
export async function changeOwnPassword(ctx: Ctx, sessionId: string, input: ChangePasswordRequest) {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id));
  await checkThrottle(ctx, user.email);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await repo.recordLoginFailure(ctx.db, user.email, ctx.ip, now);
    throw invalidField('currentPassword', msg('Mật khẩu hiện tại không đúng', 'The current password is wrong'));
  }
  if (input.newPassword === input.currentPassword) {
    throw invalidField(
      'newPassword',
      msg('Mật khẩu mới phải khác mật khẩu hiện tại', 'The new password must differ from the current one'),
    );
  }
  checkStrength('newPassword', input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning();
    await repo.deleteOtherSessions(tx, user.id, sessionId);
    await repo.clearPairFailures(tx, user.email, ctx.ip);
    await writeAudit(tx, {
      actor,
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { wasRequired: user.mustChangePassword, otherSessionsEnded: true },
    });
    return row;
  });
  return { user: await toUserDto(ctx.db, updated, ctx.clock.now()), abilities: [...ROLE_PERMISSIONS[updated.role]] };
}

/**
 * "Quên mật khẩu": e-mails a single-use, expiring link when SMTP is configured and the address
 * has an active account. The answer is the same whether or not it has one.
 */
export async function requestPasswordReset(ctx: Ctx, email: string) {
  const mailConfigured = isMailConfigured(ctx.config);
  if (!mailConfigured) return { mailConfigured };
  const now = ctx.clock.now();
  const user = await repo.findUserByEmail(ctx.db, email);
  if (!user?.isActive) return { mailConfigured };
  const recent = await repo.countTokensSince(ctx.db, user.id, 'reset', new Date(now.getTime() - 60 * 60 * 1000));
  if (recent >= MAX_RESETS_PER_HOUR) return { mailConfigured };
  await ctx.db.transaction(async (tx) => {
    await mailResetLink(ctx, tx, user, now);
    await writeAudit(tx, {
      actor: null,
      action: 'auth.password.reset_requested',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { ip: ctx.ip },
    });
  });
  return { mailConfigured };
}

/**
 * Sets a new password from a reset link: the link works once and until it expires (app clock).
 * Also lifts a lock, ends every session and voids the account's other reset links.
 */
export async function resetPassword(ctx: Ctx, input: ResetPasswordRequest) {
  const now = ctx.clock.now();
  const id = tokenId(input.token);
  await ctx.db.transaction(async (tx) => {
    const token = await repo.consumeToken(tx, id, 'reset', now);
    if (!token) throw invalidLink('reset');
    const [user] = await tx.select().from(users).where(eq(users.id, token.userId));
    if (!user?.isActive) throw invalidLink('reset');
    checkStrength('password', input.password, user);
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        mustChangePassword: false,
        lockedUntil: user.lockedUntil && user.lockedUntil > now ? now : user.lockedUntil,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    await repo.voidTokens(tx, user.id, 'reset', now);
    await repo.deleteUserSessions(tx, user.id);
    await repo.clearLoginFailures(tx, user.email);
    await writeAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'auth.password.reset',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { ip: ctx.ip },
    });
  });
}

/** Lifts a lock from the owner's e-mailed link (single use, expiring). */
export async function unlockByLink(ctx: Ctx, rawToken: string) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const token = await repo.consumeToken(tx, tokenId(rawToken), 'unlock', now);
    if (!token) throw invalidLink('unlock');
    const [user] = await tx.select().from(users).where(eq(users.id, token.userId));
    await liftLock(tx, user, now);
    await writeAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'auth.unlock',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
      data: { by: 'email-link', ip: ctx.ip },
    });
  });
}

/**
 * Ends a lock now and forgets the account's failures, so the count starts again. The lock's end
 * stays recorded (now), so failures before it never count towards the next one.
 */
export async function liftLock(
  tx: Parameters<typeof repo.clearLoginFailures>[0],
  user: typeof users.$inferSelect,
  now: Date,
) {
  await tx.update(users).set({ lockedUntil: now }).where(eq(users.id, user.id));
  await repo.clearLoginFailures(tx, user.email);
}
