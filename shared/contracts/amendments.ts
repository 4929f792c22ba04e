import { z } from 'zod';
import { ASSIGNMENT_ROLES, PLAN_ITEM_KINDS, UNIT_GROUPS } from '../domain.js';
import { LIMITS } from '../limits.js';
import { Id, IsoDate } from './common.js';
import { PlanItemRefDto } from './feedback.js';
import { OrgUnitDto } from './org-units.js';
import { AmendmentTargetChangeDto, DiffTargetDto, TargetChangeInput } from './targets.js';

// ---------------------------------------------------------------------------------------------
// Amendment proposals
// ---------------------------------------------------------------------------------------------

export const AMENDMENT_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const AMENDMENT_STATUS_LABELS: Record<AmendmentStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã trình',
  approved: 'Đã phê duyệt',
  rejected: 'Không phê duyệt',
};

export const CHANGE_OPS = ['add', 'update', 'remove'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** A unit responsible for an item in a change: lead or coordinating. */
export const ChangeAssignment = z.strictObject({
  orgUnitId: Id,
  role: z.enum(ASSIGNMENT_ROLES),
});
export type ChangeAssignment = z.infer<typeof ChangeAssignment>;

/**
 * One change of an amendment. `add` needs kind, label and a title or text, under `parentId`
 * (an item of the current version; none = top level). `update` and `remove` need `itemId`;
 * `update` replaces the given fields, and `assignments` when given replaces the item's units
 * (groups of units named in the plan are kept). `remove` removes the item and its sub-items.
 * A change with `target` concerns the plan's target for that indicator instead of an item
 * (add, update or remove the target; no item fields).
 */
export const AmendmentChange = z.strictObject({
  op: z.enum(CHANGE_OPS),
  /** An item id of the plan's current version (update, remove). */
  itemId: Id.optional(),
  /** Parent item id of the current version (add); none = a top-level item. */
  parentId: Id.optional(),
  kind: z.enum(PLAN_ITEM_KINDS).optional(),
  /** Label as it will be printed: "8.", "-". */
  label: z.string().trim().min(1).max(20).optional(),
  title: z.string().trim().max(LIMITS.shortText).nullable().optional(),
  text: z.string().trim().max(LIMITS.longText).nullable().optional(),
  assignments: z.array(ChangeAssignment).max(50).optional(),
  /** A change of the plan's target for one indicator (see `TargetChangeInput`). */
  target: TargetChangeInput.optional(),
});
export type AmendmentChange = z.infer<typeof AmendmentChange>;

/** POST /api/v1/plans/:id/amendments (and PATCH of a draft). */
export const CreateAmendmentRequest = z.strictObject({
  /** One-line summary: "Bổ sung nhiệm vụ của Sở Xây dựng". */
  summary: z.string().trim().min(1).max(LIMITS.shortText),
  /** Why: the difficulties raised, the new guidance. */
  reasoning: z.string().trim().min(1).max(LIMITS.longText),
  /** Feedback items that motivate it. */
  feedbackIds: z.array(Id).max(200),
  /** Guidance documents that motivate it. */
  guidanceDocumentIds: z.array(Id).max(50).optional(),
  changes: z.array(AmendmentChange).min(1).max(200),
});
export type CreateAmendmentRequest = z.infer<typeof CreateAmendmentRequest>;

export const AmendmentParams = z.strictObject({ id: Id, amendmentId: Id });

export const ListAmendmentsQuery = z.strictObject({
  status: z.enum(AMENDMENT_STATUSES).optional(),
});

/** POST …/approve — the leader approves with the amending document's number and date. */
export const ApproveAmendmentRequest = z.strictObject({
  /** Number of the amending document, e.g. "2150/KH-UBND". */
  documentNumber: z.string().trim().min(1).max(100),
  documentDate: IsoDate,
  /**
   * The day the new version comes into force (default: the document's date). A later day
   * schedules it: the version in force stays current until then.
   */
  effectiveDate: IsoDate.optional(),
  comment: z.string().trim().max(LIMITS.reason).optional(),
});
export type ApproveAmendmentRequest = z.infer<typeof ApproveAmendmentRequest>;

/** POST …/reject — the leader rejects with a comment. */
export const RejectAmendmentRequest = z.strictObject({
  comment: z.string().trim().min(1).max(LIMITS.reason),
});
export type RejectAmendmentRequest = z.infer<typeof RejectAmendmentRequest>;

/** POST …/submit takes no body (or an empty object). */
export const SubmitAmendmentRequest = z.strictObject({}).optional();

/** A change as stored: the request's change plus the item keys it was resolved to. */
export const AmendmentChangeDto = z.object({
  op: z.enum(CHANGE_OPS),
  /** Key of the updated or removed item. */
  itemKey: z.string().nullable(),
  /** Key of the parent of an added item (null: top level). */
  parentKey: z.string().nullable(),
  /** The item as it was in the base version (update, remove). */
  item: PlanItemRefDto.nullable(),
  kind: z.enum(PLAN_ITEM_KINDS).nullable(),
  label: z.string().nullable(),
  /** undefined = not changed; null = cleared. */
  title: z.string().nullable().optional(),
  text: z.string().nullable().optional(),
  assignments: z.array(z.object({ orgUnit: OrgUnitDto, role: z.enum(ASSIGNMENT_ROLES) })).nullable(),
  /** Key given to an added item when the amendment was approved. */
  newKey: z.string().nullable(),
  /**
   * The item as it stands in the version the proposal was based on (update, remove): what the
   * leader compares the proposal with before deciding. Null for an added item or a lost key.
   */
  before: z
    .object({
      label: z.string(),
      title: z.string().nullable(),
      text: z.string().nullable(),
      assignments: z.array(
        z.object({
          orgUnit: OrgUnitDto.nullable(),
          /** A group of units the plan names instead of one unit. */
          unitGroup: z.enum(UNIT_GROUPS).nullable(),
          role: z.enum(ASSIGNMENT_ROLES),
        }),
      ),
    })
    .nullable(),
  /** For a change of a target: the target before and as proposed; null for an item change. */
  target: AmendmentTargetChangeDto.nullable(),
});
export type AmendmentChangeDto = z.infer<typeof AmendmentChangeDto>;

export const GuidanceDocumentRefDto = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string(),
});
export type GuidanceDocumentRefDto = z.infer<typeof GuidanceDocumentRefDto>;

export const AmendmentFeedbackRefDto = z.object({
  id: z.string(),
  trackingCode: z.string(),
  subject: z.string(),
  status: z.string(),
});

export const PersonRefDto = z.object({ id: z.string(), name: z.string() });

/** An amendment proposal. */
export const AmendmentDto = z.object({
  id: z.string(),
  planId: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  summary: z.string(),
  reasoning: z.string(),
  /** The version it was drafted against. */
  basedOnVersion: z.number().int(),
  changes: z.array(AmendmentChangeDto),
  feedback: z.array(AmendmentFeedbackRefDto),
  guidanceDocuments: z.array(GuidanceDocumentRefDto),
  createdBy: PersonRefDto.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedBy: PersonRefDto.nullable(),
  decidedAt: z.string().nullable(),
  /** The leader's comment on approval or rejection. */
  decisionComment: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  /** The version approval created, or null. */
  resultingVersion: z.number().int().nullable(),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canApprove: z.boolean(),
    canReject: z.boolean(),
  }),
});
export type AmendmentDto = z.infer<typeof AmendmentDto>;

export const AmendmentListResponse = z.object({ data: z.array(AmendmentDto) });

// ---------------------------------------------------------------------------------------------
// Versions and diff
// ---------------------------------------------------------------------------------------------

/** One version of a plan: 1 as issued, then one per approved amendment. */
export const PlanVersionDto = z.object({
  number: z.number().int(),
  effectiveDate: z.string(),
  /** The document that issued or amended the plan. */
  documentNumber: z.string(),
  documentDate: z.string(),
  /** The amendment that made it (null for version 1). */
  amendment: z.object({ id: z.string(), summary: z.string() }).nullable(),
  /** In force today. */
  isCurrent: z.boolean(),
  /** Approved with an effective date still to come. */
  isScheduled: z.boolean(),
  createdAt: z.string(),
});
export type PlanVersionDto = z.infer<typeof PlanVersionDto>;

export const PlanVersionListResponse = z.object({ data: z.array(PlanVersionDto) });

export const DiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(10_000),
  to: z.coerce.number().int().min(1).max(10_000),
});

/** A responsibility as compared between versions (unit or group, and role). */
export const DiffAssignmentDto = z.object({
  orgUnit: OrgUnitDto.nullable(),
  unitGroup: z.enum(UNIT_GROUPS).nullable(),
  role: z.enum(ASSIGNMENT_ROLES),
});
export type DiffAssignmentDto = z.infer<typeof DiffAssignmentDto>;

export const DiffItemSideDto = z.object({
  id: z.string(),
  parentKey: z.string().nullable(),
  kind: z.enum(PLAN_ITEM_KINDS),
  label: z.string(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  assignments: z.array(DiffAssignmentDto),
});

export const DIFF_FIELDS = ['kind', 'label', 'title', 'text', 'parent', 'assignments'] as const;

/** One item that differs between two versions, by key. */
export const DiffItemDto = z.object({
  key: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** What changed (for "changed"): label, title, text, kind, parent, assignments (responsibilities). */
  fields: z.array(z.enum(DIFF_FIELDS)),
  /** The item in the "from" version (null when added). */
  before: DiffItemSideDto.nullable(),
  /** The item in the "to" version (null when removed). */
  after: DiffItemSideDto.nullable(),
  /** Responsibilities present only in "to". */
  assignmentsAdded: z.array(DiffAssignmentDto),
  /** Responsibilities present only in "from". */
  assignmentsRemoved: z.array(DiffAssignmentDto),
});
export type DiffItemDto = z.infer<typeof DiffItemDto>;

/** GET /api/v1/plans/:id/diff?from=&to= */
export const PlanDiffResponse = z.object({
  planId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /** Differing items in document order (removed items where they stood). */
  items: z.array(DiffItemDto),
  /** Targets that differ, by indicator (added, removed, changed baseline, target, direction or source). */
  targets: z.array(DiffTargetDto),
  summary: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});
export type PlanDiffResponse = z.infer<typeof PlanDiffResponse>;

// ---------------------------------------------------------------------------------------------
// Guidance documents
// ---------------------------------------------------------------------------------------------

export const GUIDANCE_STATUSES = ['in_force', 'replaced', 'expired'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

export const GUIDANCE_STATUS_LABELS: Record<GuidanceStatus, string> = {
  in_force: 'Còn hiệu lực',
  replaced: 'Đã được thay thế',
  expired: 'Hết hiệu lực',
};

/** POST /api/v1/guidance-documents — a new instruction of the Ministry, a national decision… */
export const CreateGuidanceDocumentRequest = z.strictObject({
  /** Document number: "12/2025/TT-BNNMT". */
  number: z.string().trim().min(1).max(100),
  date: IsoDate,
  /** Issuing body: "Bộ Nông nghiệp và Môi trường". */
  issuer: z.string().trim().min(1).max(LIMITS.name),
  title: z.string().trim().min(1).max(LIMITS.shortText),
  summary: z.string().trim().max(LIMITS.reason).optional(),
  /** Default in_force; "replaced" needs replacedById. */
  status: z.enum(GUIDANCE_STATUSES).optional(),
  /** The document that replaces this one. */
  replacedById: Id.nullable().optional(),
  /** Plan items it concerns (item ids of a plan's current version). */
  planItemIds: z.array(Id).max(100).optional(),
});
export type CreateGuidanceDocumentRequest = z.infer<typeof CreateGuidanceDocumentRequest>;

/** PATCH /api/v1/guidance-documents/:id — any field of the create request. */
export const UpdateGuidanceDocumentRequest = CreateGuidanceDocumentRequest.partial();
export type UpdateGuidanceDocumentRequest = z.infer<typeof UpdateGuidanceDocumentRequest>;

export const GuidanceDocumentDto = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: z.enum(GUIDANCE_STATUSES),
  replacedBy: GuidanceDocumentRefDto.nullable(),
  planId: z.string().nullable(),
  /** Linked plan items, resolved in the plan's current version. */
  planItems: z.array(PlanItemRefDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GuidanceDocumentDto = z.infer<typeof GuidanceDocumentDto>;

export const ListGuidanceDocumentsQuery = z.strictObject({
  status: z.enum(GUIDANCE_STATUSES).optional(),
  /** Linked to this plan item key. */
  planItemKey: z.string().trim().max(100).optional(),
  /** Linked to items of this plan (an item key alone is ambiguous when several plans run). */
  planId: Id.optional(),
  q: z.string().trim().max(LIMITS.search).optional(),
});

export const GuidanceDocumentListResponse = z.object({ data: z.array(GuidanceDocumentDto) });
