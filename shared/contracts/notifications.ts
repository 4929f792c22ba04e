import { z } from 'zod';
import { Id, PageInfo } from './common.js';

// Contracts of the in-app notifications (the bell and the inbox, /thong-bao). The server's routes
// and the client import these schemas.

/** One in-app notification of the signed-in account, in the request's language. */
export const NotificationDto = z.object({
  id: z.string(),
  /** Kind: "reminder", "report.returned", "report.accepted", "report.submitted", "extension", "feedback.forwarded", "amendment.submitted". */
  kind: z.string(),
  /** One line, e.g. "Báo cáo năm 2026 của Sở Y tế bị trả lại". */
  title: z.string(),
  /** The detail, e.g. "Lý do: …". */
  body: z.string(),
  /** The page to open (a path of shared/routes.ts, e.g. "/bao-cao/…"), or null. */
  link: z.string().nullable(),
  /** When it was written (ISO). */
  createdAt: z.string(),
  /** When it was read (ISO), or null while unread. */
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

/** GET /api/v1/notifications — newest first, a page at a time. */
export const NotificationListQuery = z.strictObject({
  /** "true": only unread notices. */
  unreadOnly: z.enum(['true', 'false']).optional(),
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Notices per page (1–100, default 20). */
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationListResponse = z.object({
  data: z.array(NotificationDto),
  page: PageInfo,
  /** Unread notices in all (not only on this page). */
  unread: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

/** GET /api/v1/notifications/unread-count — what the bell shows. */
export const UnreadCountResponse = z.object({ unread: z.number().int() });
export type UnreadCountResponse = z.infer<typeof UnreadCountResponse>;

/** POST /api/v1/notifications/read-all — how many were marked read now. */
export const MarkAllReadResponse = z.object({
  /** Notices marked read by this request. */
  updated: z.number().int(),
  /** Unread notices left (0). */
  unread: z.number().int(),
});
export type MarkAllReadResponse = z.infer<typeof MarkAllReadResponse>;

export const NotificationIdParams = z.strictObject({ id: Id.describe('Notification id') });
