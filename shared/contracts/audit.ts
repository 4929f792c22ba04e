import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { IsoDate, PageQuery, paged, SortDir } from './common.js';

/** Filters of the audit log (the list and its export). */
export const AuditFilter = z.strictObject({
  /** Part of the acting account's e-mail or name (diacritics-insensitive). */
  user: z.string().trim().max(LIMITS.search).optional(),
  /** Object type, e.g. "report". */
  entityType: z.string().trim().max(60).optional(),
  /** Object id (exact). */
  entityId: z.string().trim().max(100).optional(),
  /** Action code, e.g. "report.submit". */
  action: z.string().trim().max(60).optional(),
  /** First day (Vietnam time), YYYY-MM-DD. */
  from: IsoDate.optional(),
  /** Last day (Vietnam time, inclusive), YYYY-MM-DD. */
  to: IsoDate.optional(),
  /** Newest first (default) or oldest first. */
  order: SortDir('desc'),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const ListAuditQuery = PageQuery.omit({ q: true }).extend(AuditFilter.shape);
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const AuditEntryDto = z.object({
  id: z.number().int(),
  /** When (ISO timestamp). */
  at: z.string(),
  /** The acting account; null for the system (reminders, seeds). */
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The request that made the change, to find it in the server log. */
  requestId: z.string().nullable(),
  /** What changed, as recorded (JSON). */
  data: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditListResponse = paged(AuditEntryDto);

/** The actions and object types present in the log, for the filters. */
export const AuditFacetsResponse = z.object({
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
});
export type AuditFacetsResponse = z.infer<typeof AuditFacetsResponse>;
