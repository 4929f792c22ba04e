import { z } from 'zod';
import type { ErrorIssue } from '../../shared/errors.js';

const locales = { vi: z.locales.vi(), en: z.locales.en() };

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
 * Turns schema-validation failures into issues with the field path and a message in the
 * client's language (zod's own Vietnamese and English locales).
 */
export function localiseValidation(
  errors: RawValidationError[],
  context: string | undefined,
  lang: 'vi' | 'en',
): { message: string; issues: ErrorIssue[] } {
  const issues = errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const raw = { code: e.keyword, ...(e.params ?? {}), path: path ? path.split('.') : [] } as never;
    let text: string | undefined;
    try {
      const res = locales[lang].localeError?.(raw);
      text = typeof res === 'string' ? res : res?.message;
    } catch {
      text = undefined;
    }
    const keys = (e.params?.keys as string[] | undefined) ?? [];
    const field = path || (keys.length ? keys.join(', ') : CONTEXT_LABEL[context ?? 'body']?.[lang] ?? '');
    return { path: field, message: text ?? e.message ?? 'invalid' };
  });
  const first = issues[0];
  const prefix = lang === 'vi' ? 'Dữ liệu không hợp lệ' : 'Invalid input';
  return { message: first ? `${prefix} — ${first.path}: ${first.message}` : prefix, issues };
}
