import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** A calendar date written YYYY-MM-DD; impossible dates such as 2025-02-30 are refused. */
export const IsoDate = z.iso.date();

/** A record id. */
export const Id = z.uuid();

export const IdParams = z.strictObject({ id: Id.describe('Record id') });

/** Paging and search in a list query. */
export const PageQuery = z.strictObject({
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Rows per page. */
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  /** Diacritics-insensitive search text. */
  q: z.string().trim().max(LIMITS.search).optional(),
});

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
