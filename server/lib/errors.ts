import type { ErrorCode, ErrorIssue } from '../../shared/errors.js';

/** A message in both languages; the error handler picks the one the client asked for. */
export interface Message {
  vi: string;
  en: string;
}

export function msg(vi: string, en: string): Message {
  return { vi, en };
}

const STATUS: Record<string, number> = {
  VALIDATION_ERROR: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
};

/**
 * An error the API answers with the envelope `{ error: { code, message, issues? }, requestId }`.
 * Throw it from services; the one error handler in app.ts turns it into the response.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: Message;
  readonly issues?: Array<{ path: string; message: Message }>;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: Message,
    opts: {
      status?: number;
      issues?: Array<{ path: string; message: Message }>;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message.en);
    this.code = code;
    this.status = opts.status ?? STATUS[code] ?? 400;
    this.messages = message;
    this.issues = opts.issues;
    this.details = opts.details;
  }

  localIssues(lang: 'vi' | 'en'): ErrorIssue[] | undefined {
    return this.issues?.map((i) => ({ path: i.path, message: i.message[lang] }));
  }
}

/** 404 for a record that does not exist or that the caller may not see (existence never leaks). */
export function notFound(what: Message = msg('Không tìm thấy dữ liệu', 'Not found')): AppError {
  return new AppError('NOT_FOUND', what, { status: 404 });
}

/** 400 naming one field. */
export function invalidField(path: string, message: Message): AppError {
  return new AppError('VALIDATION_ERROR', msg(`Dữ liệu không hợp lệ: ${message.vi}`, `Invalid input: ${message.en}`), {
    issues: [{ path, message }],
  });
}
