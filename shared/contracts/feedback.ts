import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, PageQuery, paged } from './common.js';
import { OrgUnitDto } from './org-units.js';

/** Status of a feedback item: mới, đang xử lý, đã trả lời, chuyển UBND tỉnh, đóng. */
export const FEEDBACK_STATUSES = ['new', 'in_progress', 'answered', 'forwarded', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Vietnamese labels of the statuses, for forms and the public lookup. */
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: 'Mới',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  forwarded: 'Chuyển UBND tỉnh',
  closed: 'Đóng',
};

/** Category given at triage: chính sách, kinh phí, công nghệ, đào tạo, thủ tục, khác. */
export const FEEDBACK_CATEGORIES = ['policy', 'funding', 'technology', 'training', 'procedure', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  policy: 'Chính sách',
  funding: 'Kinh phí',
  technology: 'Công nghệ',
  training: 'Đào tạo',
  procedure: 'Thủ tục',
  other: 'Khác',
};

/** Where a feedback item came from: the public page, a unit's workspace, or a unit's yearly report. */
export const FEEDBACK_SOURCES = ['public', 'unit', 'report'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** Bounds of the feedback form (shared by the form's maxLength and the server). */
export const FEEDBACK_LIMITS = {
  subject: 300,
  text: 10_000,
  answer: 10_000,
  organisation: 300,
  contact: 254,
  attachments: 5,
} as const;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Vietnamese numbers: mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx, or with +84 / 84. */
const PHONE_RE = /^(?:\+?84|0)(?:[35789]\d{8}|2\d{9})$/;

/** Which kind of contact a string is, or null when it is neither an e-mail nor a Vietnamese phone number. */
export function contactKind(value: string): 'email' | 'phone' | null {
  const v = value.trim();
  if (EMAIL_RE.test(v)) return 'email';
  if (PHONE_RE.test(v.replace(/[\s.\-()]/g, ''))) return 'phone';
  return null;
}

/**
 * POST /api/v1/feedback — JSON, or multipart/form-data with the same fields plus up to 5 files
 * (PDF, DOCX, XLSX, JPEG, PNG; 20 MB each) in parts named `attachments`.
 * Anyone may send; a signed-in account's feedback is linked to its unit.
 */
export const CreateFeedbackRequest = z.strictObject({
  /** Sender's name (optional). */
  name: z.string().trim().max(LIMITS.name).optional(),
  /** Sender's organisation; required without an account (defaults to the unit when signed in). */
  organisation: z.string().trim().max(FEEDBACK_LIMITS.organisation).optional(),
  /** E-mail or Vietnamese phone number; required without an account (defaults to the account's e-mail). */
  contact: z.string().trim().max(FEEDBACK_LIMITS.contact).optional(),
  /** Subject line. */
  subject: z.string().trim().min(1).max(FEEDBACK_LIMITS.subject),
  /** The difficulty, question or proposal. */
  text: z.string().trim().min(1).max(FEEDBACK_LIMITS.text),
  /** The plan item concerned (an item id of the plan's current version), optional. */
  planItemId: Id.optional(),
  /** Signed-in units only: the yearly report this feedback belongs to, optional. */
  reportId: Id.optional(),
  /** Hidden honeypot field: people leave it empty; if filled the request is answered but nothing is stored. */
  website: z.string().max(LIMITS.shortText).optional(),
});
export type CreateFeedbackRequest = z.infer<typeof CreateFeedbackRequest>;

/** 201 answer to POST /api/v1/feedback. */
export const CreateFeedbackResponse = z.object({
  /** Id of the feedback item. */
  id: z.string(),
  /** Code the sender keeps to look the item up, e.g. "GY-7KQ4-M2XD". */
  trackingCode: z.string(),
});
export type CreateFeedbackResponse = z.infer<typeof CreateFeedbackResponse>;

export const TrackingParams = z.strictObject({
  /** The tracking code given when the feedback was sent (case-insensitive). */
  trackingCode: z.string().trim().min(4).max(40),
});

/** GET /api/v1/feedback/track/:trackingCode — status and answer only, nothing else about the item. */
export const FeedbackTrackingResponse = z.object({
  trackingCode: z.string(),
  /** Current status. */
  status: z.enum(FEEDBACK_STATUSES),
  /** The answer, once it has been given (status answered or closed) or published; otherwise null. */
  answer: z.string().nullable(),
  /** When the answer was given (ISO timestamp), or null. */
  answeredAt: z.string().nullable(),
});
export type FeedbackTrackingResponse = z.infer<typeof FeedbackTrackingResponse>;

/** A plan item as referenced by feedback, amendments and guidance documents. */
export const PlanItemRefDto = z.object({
  /** Stable key across versions, e.g. "IV.4". */
  key: z.string(),
  /** Label as issued ("4.", "-"); null when the key no longer exists in the current version. */
  label: z.string().nullable(),
  /** Title or start of the text; null when the key no longer exists in the current version. */
  title: z.string().nullable(),
});
export type PlanItemRefDto = z.infer<typeof PlanItemRefDto>;

export const FeedbackAttachmentDto = z.object({
  id: z.string(),
  fileName: z.string(),
  /** Type detected from the content. */
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type FeedbackAttachmentDto = z.infer<typeof FeedbackAttachmentDto>;

/** One step in a feedback item's history. */
export const FeedbackEventDto = z.object({
  id: z.string(),
  at: z.string(),
  /** Who acted; null for the public sender or the system. */
  actorName: z.string().nullable(),
  /** created | triaged | report_updated | linked_to_amendment | answered_by_amendment */
  action: z.string(),
  /** Changed fields: `{ field: { from, to } }`, or other facts of the step. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type FeedbackEventDto = z.infer<typeof FeedbackEventDto>;

/** An amendment as seen from a feedback item. */
export const FeedbackAmendmentRefDto = z.object({
  id: z.string(),
  summary: z.string(),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected']),
  /** The plan version the approval created, or null. */
  versionNumber: z.number().int().nullable(),
  /** Number of the amending document, once approved. */
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
});
export type FeedbackAmendmentRefDto = z.infer<typeof FeedbackAmendmentRefDto>;

/** A feedback item on the desk. */
export const FeedbackDto = z.object({
  id: z.string(),
  trackingCode: z.string(),
  source: z.enum(FEEDBACK_SOURCES),
  senderName: z.string().nullable(),
  organisation: z.string().nullable(),
  contact: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  /** The unit that sent it (signed-in units and reports), or null for the public. */
  orgUnit: OrgUnitDto.nullable(),
  /** The yearly report it was raised in, or null. */
  reportId: z.string().nullable(),
  planId: z.string().nullable(),
  /** The plan item concerned, resolved in the plan's current version. */
  planItem: PlanItemRefDto.nullable(),
  category: z.enum(FEEDBACK_CATEGORIES).nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  /** The department it was forwarded to. */
  forwardedToUnit: OrgUnitDto.nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Question and answer are shown on the public portal. */
  isPublished: z.boolean(),
  /** The approved amendment that answered it ("đã được giải quyết bởi sửa đổi …"), or null. */
  answeredByAmendment: FeedbackAmendmentRefDto.nullable(),
  /** Every amendment proposal that cites it. */
  amendments: z.array(FeedbackAmendmentRefDto),
  attachments: z.array(FeedbackAttachmentDto),
  /** Every step, oldest first. */
  history: z.array(FeedbackEventDto),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ canTriage: z.boolean() }),
});
export type FeedbackDto = z.infer<typeof FeedbackDto>;

/** A row of the desk list (no history nor attachments). */
export const FeedbackListItemDto = FeedbackDto.omit({
  history: true,
  attachments: true,
  amendments: true,
  text: true,
}).extend({
  /** Number of attachments. */
  attachmentCount: z.number().int(),
});
export type FeedbackListItemDto = z.infer<typeof FeedbackListItemDto>;

/** GET /api/v1/feedback — the focal department sees all, others what their unit sent or was forwarded. */
export const ListFeedbackQuery = PageQuery.extend({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  category: z.enum(FEEDBACK_CATEGORIES).optional(),
  source: z.enum(FEEDBACK_SOURCES).optional(),
  /** Sent by this unit. */
  orgUnitId: Id.optional(),
  /** Raised in this report. */
  reportId: Id.optional(),
  /** About this plan item key. */
  planItemKey: z.string().trim().max(100).optional(),
  /** About an item of this plan (an item key alone is ambiguous when several plans run). */
  planId: Id.optional(),
});
export type ListFeedbackQuery = z.infer<typeof ListFeedbackQuery>;

export const FeedbackListResponse = paged(FeedbackListItemDto);

/**
 * PATCH /api/v1/feedback/:id — triage by the focal department. `null` clears a field.
 * Status "answered" needs an answer; publishing needs an answer.
 */
export const TriageFeedbackRequest = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES).nullable().optional(),
  /** An item id of the plan's current version. */
  planItemId: Id.nullable().optional(),
  /** The department it is forwarded to. */
  forwardedToUnitId: Id.nullable().optional(),
  /** Answer to the sender. */
  answer: z.string().trim().max(FEEDBACK_LIMITS.answer).nullable().optional(),
  /** Publish question and answer on the portal. */
  published: z.boolean().optional(),
});
export type TriageFeedbackRequest = z.infer<typeof TriageFeedbackRequest>;

/** GET /api/v1/feedback/forward-targets — the units a desk item can be forwarded to ("Chuyển đến"). */
export const ForwardTargetsResponse = z.object({
  /** The departments valid today, by name; neither the province's People's Committee nor the focal department. */
  data: z.array(OrgUnitDto),
});
export type ForwardTargetsResponse = z.infer<typeof ForwardTargetsResponse>;

export const FeedbackAttachmentParams = z.strictObject({ id: Id, attachmentId: Id });

/** GET /api/v1/feedback/published — questions and answers published on the portal (no sender data). */
export const PublishedFeedbackDto = z.object({
  id: z.string(),
  subject: z.string(),
  text: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES).nullable(),
  planItem: PlanItemRefDto.nullable(),
  answer: z.string(),
  answeredAt: z.string().nullable(),
});
export type PublishedFeedbackDto = z.infer<typeof PublishedFeedbackDto>;
export const PublishedFeedbackListResponse = paged(PublishedFeedbackDto);
