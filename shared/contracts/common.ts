import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** A calendar date written YYYY-MM-DD; impossible dates such as 2025-02-30 are refused. */
export const IsoDate = z.iso.date();

/** A record id. */
export const Id = z.uuid();

export const IdParams = z.strictObject({ id: Id.describe('Record id') });

/** The search text of a list query, searched without diacritics (`foldText`). */
export const SearchText = z.string().trim().max(LIMITS.search).optional();

/** Paging and search in a list query. */
export const PageQuery = z.strictObject({
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Rows per page. */
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  /** Diacritics-insensitive search text. */
  q: SearchText,
});

/** The order of a sorted list, ascending or descending, with the list's own default. */
export function SortDir(fallback: 'asc' | 'desc') {
  return z.enum(['asc', 'desc']).default(fallback);
}

/**
 * A required text whose refusals name the field in words ("Tên sản phẩm: chưa được nhập."):
 * for a field whose generic label would be wrong (the generic "name" is "Họ và tên").
 */
export function namedText(label: string, max: number) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `${label}: chưa được nhập.` });
      else if (value.length > max)
        ctx.addIssue({ code: 'custom', message: `${label} không được dài quá ${max} ký tự.` });
    });
}

/** Paging facts returned with every list. */
export const PageInfo = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** `{ data, page }` — the shape of every list response. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: PageInfo });
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});
