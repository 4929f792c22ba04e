import { formatDateTime } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import * as repo from './auth.repository.js';

/**
 * Sign-in throttling, kept in the database so every app instance sees the same counts. Nothing
 * here lets an anonymous person shut an officer out:
 * - per account and address: 5 free failures, then a growing wait (1 s, 2 s, 4 s… up to 15 min);
 * - per address: a budget of failures only (right passwords never count), generous because a
 *   province's officers sign in through one gateway;
 * - per account: a hard lock only after many failures, lifted by the owner's e-mailed link or the admin.
 */
export const THROTTLE = {
  pairFreeFailures: 5,
  pairWindowMs: 24 * 60 * 60 * 1000,
  maxDelayMs: 15 * 60 * 1000,
  addressWindowMs: 10 * 60 * 1000,
  addressFailureBudget: 100,
  lockThreshold: 50,
  lockWindowMs: 24 * 60 * 60 * 1000,
  lockMs: 60 * 60 * 1000,
} as const;

/** How long the pair must wait after its n-th failure: 0 up to 5 failures, then 1 s, 2 s, 4 s… capped. */
export function pairDelayMs(failures: number): number {
  if (failures < THROTTLE.pairFreeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - THROTTLE.pairFreeFailures), THROTTLE.maxDelayMs);
}

function waitText(seconds: number) {
  if (seconds < 120) return msg(`${seconds} giây`, `${seconds} second${seconds === 1 ? '' : 's'}`);
  const minutes = Math.ceil(seconds / 60);
  return msg(`${minutes} phút`, `${minutes} minutes`);
}

function tooMany(seconds: number, vi: string, en: string) {
  const wait = waitText(seconds);
  return new AppError(
    'TOO_MANY_REQUESTS',
    msg(`${vi} Vui lòng thử lại sau ${wait.vi}.`, `${en} Try again in ${wait.en}.`),
    {
      status: 429,
      details: { retryAfterSeconds: seconds },
    },
  );
}

/** Refuses (429) a sign-in attempt the address or the account-address pair must not make yet. */
export async function checkThrottle(ctx: Ctx, email: string) {
  const now = ctx.clock.now();
  const fromAddress = await repo.addressFailures(ctx.db, ctx.ip, new Date(now.getTime() - THROTTLE.addressWindowMs));
  if (fromAddress >= THROTTLE.addressFailureBudget) {
    throw tooMany(
      60,
      'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này.',
      'Too many failed sign-ins from this network address.',
    );
  }
  const pair = await repo.pairFailures(ctx.db, email, ctx.ip, new Date(now.getTime() - THROTTLE.pairWindowMs));
  const delay = pairDelayMs(pair.n);
  if (delay > 0 && pair.last) {
    const waitMs = pair.last.getTime() + delay - now.getTime();
    if (waitMs > 0) {
      throw tooMany(
        Math.ceil(waitMs / 1000),
        'Bạn đã nhập sai mật khẩu nhiều lần.',
        'The password was wrong several times.',
      );
    }
  }
}

/** The answer to a sign-in of a locked account: when the lock ends, and how to lift it. */
export function lockedError(lockedUntil: Date) {
  const until = formatDateTime(lockedUntil);
  return new AppError(
    'ACCOUNT_LOCKED',
    msg(
      `Tài khoản tạm khóa do đăng nhập sai quá nhiều lần, đến ${until}. Để mở khóa ngay, hãy dùng liên kết đã gửi tới email của tài khoản hoặc nhờ quản trị viên.`,
      `The account is locked after too many failed sign-ins, until ${until} (Vietnam time). To unlock it now, use the link sent to the account's e-mail or ask the administrator.`,
    ),
    { status: 429, details: { lockedUntil: lockedUntil.toISOString() } },
  );
}

/**
 * Whether the account's failures since its last lock ended (within the lock window) reach the
 * hard-lock threshold.
 */
export async function reachesLock(db: DbOrTx, email: string, lastLockEnd: Date | null, now: Date) {
  const windowStart = now.getTime() - THROTTLE.lockWindowMs;
  const since = new Date(Math.max(windowStart, lastLockEnd?.getTime() ?? 0));
  return (await repo.accountFailures(db, email, since)) >= THROTTLE.lockThreshold;
}
