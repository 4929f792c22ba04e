import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { enqueueMail } from '../../lib/mail.js';
import { formatDateTime } from '../../../shared/format.js';
import * as repo from './auth.repository.js';

/** A reset link works for one hour; an unlock link for a day. Both work once. */
export const TOKEN_TTL_MS = { reset: 60 * 60 * 1000, unlock: 24 * 60 * 60 * 1000 } as const;

/** The client pages the links open. */
export const TOKEN_PAGES = { reset: '/dat-lai-mat-khau', unlock: '/mo-khoa' } as const;

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a single-use token for an account and returns the link that carries it. */
export async function issueTokenLink(
  ctx: Pick<Ctx, 'config'>,
  db: DbOrTx,
  userId: string,
  purpose: 'reset' | 'unlock',
  now: Date,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  await repo.insertToken(db, { id: tokenId(token), userId, purpose, createdAt: now, expiresAt });
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return { link: `${base}${TOKEN_PAGES[purpose]}?token=${encodeURIComponent(token)}`, expiresAt };
}

/** Queues the e-mail of a password-reset link (in Vietnamese: e-mails have no request language). */
export async function mailResetLink(
  ctx: Ctx,
  db: DbOrTx,
  user: { id: string; email: string; name: string },
  now: Date,
) {
  const { link, expiresAt } = await issueTokenLink(ctx, db, user.id, 'reset', now);
  await enqueueMail(db, ctx.config, {
    to: [user.email],
    subject: 'Đặt lại mật khẩu — Bioplan',
    text: [
      `Kính gửi ${user.name},`,
      '',
      'Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Mở liên kết sau để đặt mật khẩu mới:',
      link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn lúc ${formatDateTime(expiresAt)}.`,
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
    ].join('\n'),
  });
}

/** Queues the e-mail that tells the owner the account is locked, with a link to lift the lock. */
export async function mailUnlockLink(
  ctx: Ctx,
  db: DbOrTx,
  user: { id: string; email: string; name: string },
  lockedUntil: Date,
  now: Date,
) {
  const { link } = await issueTokenLink(ctx, db, user.id, 'unlock', now);
  await enqueueMail(db, ctx.config, {
    to: [user.email],
    subject: 'Tài khoản tạm khóa — Bioplan',
    text: [
      `Kính gửi ${user.name},`,
      '',
      `Tài khoản của bạn đã bị tạm khóa đến ${formatDateTime(lockedUntil)} vì có quá nhiều lần đăng nhập sai mật khẩu.`,
      'Nếu đó là bạn, hãy mở liên kết sau để mở khóa ngay:',
      link,
      '',
      'Nếu không phải bạn, có thể ai đó đang dò mật khẩu: hãy mở khóa rồi đổi mật khẩu, và báo cho quản trị viên.',
    ].join('\n'),
  });
}

/** 400 naming the token field: the link is unknown, used or expired. */
export function invalidLink(purpose: 'reset' | 'unlock') {
  const vi =
    purpose === 'reset'
      ? 'Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu liên kết mới.'
      : 'Liên kết mở khóa không hợp lệ, đã được dùng hoặc đã hết hạn.';
  const en =
    purpose === 'reset'
      ? 'The password reset link is invalid, used or expired. Ask for a new one.'
      : 'The unlock link is invalid, used or expired.';
  return new AppError('INVALID_TOKEN', msg(vi, en), { status: 400, issues: [{ path: 'token', message: msg(vi, en) }] });
}
