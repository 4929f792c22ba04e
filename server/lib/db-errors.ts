// PostgreSQL errors that are the request's fault, not the server's, turned into the envelope's
// 4xx answers. The error handler asks here before it calls anything a 500.
import { AppError, msg, type Message } from './errors.js';

/** The fields of a PostgreSQL error (pg's DatabaseError, PGlite's, both with SQLSTATE `code`). */
interface PgErrorFields {
  code: string;
  constraint?: string;
}

/**
 * The PostgreSQL error inside `err`, if any: Drizzle wraps driver errors (DrizzleQueryError,
 * `cause`), transactions may wrap them again, so the chain is followed a few steps.
 */
export function pgErrorOf(err: unknown): PgErrorFields | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth += 1) {
    const code = (e as { code?: unknown }).code;
    // SQLSTATE: five characters of digits and upper-case letters.
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const constraint = (e as { constraint?: unknown }).constraint;
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Unique constraints whose violation a person can act on: which field, and what to say. */
const UNIQUE_FIELDS: Record<string, { path: string; message: Message; issue: Message }> = {
  app_user_email_unique: {
    path: 'email',
    message: msg('Email này đã có tài khoản', 'An account with this e-mail exists'),
    issue: msg('Email đã được sử dụng', 'E-mail already in use'),
  },
  org_unit_code_uq: {
    path: 'code',
    message: msg('Mã đơn vị này đã được dùng', 'This unit code is already used'),
    issue: msg('Mã đã được dùng', 'Code already used'),
  },
  report_cycle_plan_period_uq: {
    path: 'periodNumber',
    message: msg('Kế hoạch đã có kỳ báo cáo của kỳ này', 'The plan already has a cycle for this period'),
    issue: msg('Kỳ này đã có kỳ báo cáo', 'This period already has a cycle'),
  },
  plan_number_unique: {
    path: 'number',
    message: msg('Số hiệu kế hoạch này đã có', 'A plan with this number exists'),
    issue: msg('Số hiệu đã có', 'Number already exists'),
  },
};

/**
 * The 4xx answer for a database error caused by the input, or null for a real fault:
 * - 23505 unique violation → 409 CONFLICT (two requests creating the same thing at once: the
 *   service's own "already exists" check passed for both, the constraint stops the second);
 * - 22P05 / 22021 (characters the database cannot store) and 22001 (a value too long for its
 *   column) → 400, as a second line behind the validator's own check.
 */
export function dbErrorAnswer(err: unknown): AppError | null {
  const pg = pgErrorOf(err);
  if (!pg) return null;
  if (pg.code === '23505') {
    const known = pg.constraint ? UNIQUE_FIELDS[pg.constraint] : undefined;
    if (known)
      return new AppError('CONFLICT', known.message, {
        status: 409,
        issues: [{ path: known.path, message: known.issue }],
      });
    return new AppError(
      'CONFLICT',
      msg(
        'Dữ liệu này đã tồn tại (có thể vừa được tạo bởi một yêu cầu khác). Vui lòng tải lại trang và kiểm tra.',
        'This already exists (perhaps just created by another request). Reload the page and check.',
      ),
      { status: 409 },
    );
  }
  if (pg.code === '22P05' || pg.code === '22021') {
    return new AppError(
      'VALIDATION_ERROR',
      msg('Dữ liệu chứa ký tự không lưu được', 'The input contains characters that cannot be stored'),
      { status: 400 },
    );
  }
  if (pg.code === '22001') {
    return new AppError('VALIDATION_ERROR', msg('Dữ liệu vượt quá độ dài cho phép', 'A value is longer than allowed'), {
      status: 400,
    });
  }
  return null;
}
