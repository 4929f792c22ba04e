import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ErrorIssue } from '../../shared/errors.js';
import { hasLoneSurrogate, stripLoneSurrogates } from '../../shared/text.js';
import { validationSentence } from '../../shared/validation-messages.js';
import { AppError, msg } from './errors.js';

const CONTEXT_LABEL: Record<string, { vi: string; en: string }> = {
  body: { vi: 'nội dung', en: 'body' },
  querystring: { vi: 'tham số', en: 'query' },
  params: { vi: 'đường dẫn', en: 'path' },
  headers: { vi: 'tiêu đề', en: 'header' },
};

interface RawValidationError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Turns schema-validation failures into issues with the field path and a sentence in the
 * client's language naming the field in words (shared/validation-messages.ts): never a
 * validator's own text ("expected string, received undefined", ">=10").
 */
export function localiseValidation(
  errors: RawValidationError[],
  context: string | undefined,
  lang: 'vi' | 'en',
): { message: string; issues: ErrorIssue[] } {
  const issues = errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const segments = path ? path.split('.') : [];
    const keys = (e.params?.keys as string[] | undefined) ?? [];
    const sentence = validationSentence({ ...e.params, code: e.keyword, path: segments, message: e.message });
    const field = path || (keys.length ? keys.join(', ') : (CONTEXT_LABEL[context ?? 'body']?.[lang] ?? ''));
    return { path: field, message: sentence[lang] };
  });
  const first = issues[0];
  const prefix = lang === 'vi' ? 'Dữ liệu không hợp lệ' : 'Invalid input';
  return { message: first ? `${prefix}: ${first.message}` : prefix, issues };
}

/** What makes a string unstorable: PostgreSQL refuses U+0000 in text and lone surrogates in JSON. */
export type UnstorableKind = 'nul' | 'surrogate';

const UNSTORABLE_MESSAGE: Record<UnstorableKind, { vi: string; en: string }> = {
  nul: { vi: 'không được chứa ký tự NUL (U+0000)', en: 'must not contain the NUL character (U+0000)' },
  surrogate: {
    vi: 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng)',
    en: 'contains an invalid Unicode character (an unpaired UTF-16 surrogate)',
  },
};

function unstorableKind(s: string): UnstorableKind | null {
  if (s.includes('\u0000')) return 'nul';
  if (hasLoneSurrogate(s)) return 'surrogate';
  return null;
}

/**
 * Finds the first string (value or object key) in a parsed input that PostgreSQL cannot store:
 * one with U+0000, or with a UTF-16 surrogate that is not part of a pair (JSON may write
 * "\ud800"; the driver would turn it into U+FFFD in text and jsonb refuses it outright).
 * Walks without recursion, so a deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(input: unknown): { path: string; kind: UnstorableKind } | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: input, path: '' }];
  const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const kind = unstorableKind(value);
      if (kind) return { path, kind };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: join(path, i) });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, v] = entries[i];
        const kind = unstorableKind(key);
        // oxlint-disable-next-line no-control-regex -- a NUL in a key is shown escaped, as \0
        if (kind) return { path: join(path, stripLoneSurrogates(key.replace(/\u0000/g, '\\0'))), kind };
        stack.push({ value: v, path: join(path, key) });
      }
    }
  }
  return null;
}

/**
 * The 400 for an unstorable string, naming the field ("q", "sections.0.results") in both
 * languages. `context` is the request part (body, querystring, params, headers).
 */
export function unstorableTextError(found: { path: string; kind: UnstorableKind }, context: string): AppError {
  const field = found.path || CONTEXT_LABEL[context]?.vi || context;
  const fieldEn = found.path || CONTEXT_LABEL[context]?.en || context;
  const text = UNSTORABLE_MESSAGE[found.kind];
  return new AppError(
    'VALIDATION_ERROR',
    msg(`Dữ liệu không hợp lệ — ${field}: ${text.vi}`, `Invalid input — ${fieldEn}: ${text.en}`),
    {
      issues: [
        {
          path: found.path || context,
          message: msg(
            text.vi.charAt(0).toUpperCase() + text.vi.slice(1),
            text.en.charAt(0).toUpperCase() + text.en.slice(1),
          ),
        },
      ],
    },
  );
}

/**
 * The schema validator of every route: first refuses strings PostgreSQL cannot store (one place
 * for all contracts, query, body, params and headers alike), then runs the route's zod schema.
 */
export const guardedValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const found = findUnstorableText(data);
    if (found) return { error: unstorableTextError(found, route.httpPart ?? 'body') } as never;
    return validate(data);
  };
};
