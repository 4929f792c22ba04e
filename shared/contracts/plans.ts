import { z } from 'zod';
import { ASSIGNMENT_ROLES, PLAN_ITEM_KINDS, UNIT_GROUPS } from '../domain.js';
import { LIMITS } from '../limits.js';
import { SCHEDULE_KINDS } from '../periods.js';
import { Id, IsoDate, SearchText, SortDir } from './common.js';
import { OrgUnitDto } from './org-units.js';

export const AssignmentDto = z.object({
  id: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** The unit named in the plan, or null when a group is named. */
  orgUnit: OrgUnitDto.nullable(),
  /** A group of units ("các sở, ngành, địa phương"), or null. */
  unitGroup: z.enum(UNIT_GROUPS).nullable(),
  /** The units that hold this duty today (successors of the unit named in the plan). */
  currentUnits: z.array(OrgUnitDto),
});
export type AssignmentDto = z.infer<typeof AssignmentDto>;

export const PlanItemDto = z.object({
  id: z.string(),
  /** Stable identity of the item across plan versions. */
  key: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(PLAN_ITEM_KINDS),
  /** The label exactly as issued: "II.", "1.", "-". */
  label: z.string(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  position: z.number().int(),
  assignments: z.array(AssignmentDto),
  /** True when the signed-in unit officer's unit holds this item. */
  isMine: z.boolean(),
});
export type PlanItemDto = z.infer<typeof PlanItemDto>;

/** Where a plan stands today: running, replaced by another plan (from its date), or ended. */
export const PLAN_STATUSES = ['in_force', 'replaced', 'ended'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** Another plan in a plan's lineage: the one it replaces or the one replacing it, from a date. */
export const PlanLinkDto = z.object({
  planId: z.string(),
  number: z.string(),
  title: z.string(),
  /** The plan's own date of issue (YYYY-MM-DD). */
  date: z.string(),
  /** The day the replacement takes effect (YYYY-MM-DD). */
  fromDate: z.string(),
});
export type PlanLinkDto = z.infer<typeof PlanLinkDto>;

const DayMonthDto = z.object({ day: z.number().int(), month: z.number().int() });

/** How often the plan's text asks units to report (kept at publication from its reporting chain). */
export const ReportingScheduleDto = z.object({
  kind: z.enum(SCHEDULE_KINDS),
  day: z.number().int(),
  month: z.number().int().nullable(),
  year: z.number().int().nullable(),
  /** quarterly: the day falls in the quarter's last month ("tháng cuối quý"). */
  inLastMonth: z.boolean(),
  /** yearly: the stated data window ("từ ngày 15/12 năm trước đến ngày 14/12"). */
  window: z.object({ start: DayMonthDto, end: DayMonthDto }).nullable(),
  /** The words of the plan, as written. */
  text: z.string(),
});

export const PlanSummaryDto = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  title: z.string(),
  scope: z.string(),
  /** The issuing body as written ("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"). */
  issuedBy: z.string(),
  status: PlanStatus,
  /** The standing agency the plan names (its focal department), or the agency's focal department. */
  focalUnit: z.object({ id: z.string().nullable(), name: z.string() }),
  /** The plan replacing this one and from when (also when that day is still to come), or null. */
  replacedBy: PlanLinkDto.nullable(),
  /** The plans this one replaces, each from its date. */
  replaces: z.array(PlanLinkDto),
  /** The day the plan ended without a successor, or null. */
  endedOn: z.string().nullable(),
  /** The reporting schedule its text states ("trước ngày 20 hằng tháng"), or null when it states none. */
  reportingSchedule: ReportingScheduleDto.nullable(),
  /** Number of approved versions. */
  versionCount: z.number().int(),
  /** The version in force today. */
  currentVersion: z.number().int(),
  /** The latest approved version when its effective date is still to come ("Phiên bản N có hiệu lực từ …"), else null. */
  scheduledVersion: z.object({ number: z.number().int(), effectiveDate: z.string() }).nullable(),
});
export type PlanSummaryDto = z.infer<typeof PlanSummaryDto>;

export const PlanDto = PlanSummaryDto.extend({
  issuer: z.string(),
  issuerParent: z.string(),
  place: z.string(),
  legalBases: z.array(z.string()),
  preamble: z.string(),
  closing: z.array(z.string()),
  recipients: z.array(z.string()),
  signer: z.object({ authority: z.array(z.string()), name: z.string() }),
  /** The version shown (the current one unless ?version= asks for another). */
  version: z.number().int(),
  items: z.array(PlanItemDto),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanListResponse = z.object({ data: z.array(PlanSummaryDto) });

/** GET /api/v1/plans — every plan, filtered and sorted (plans are few: no paging). */
export const PlansQuery = z.strictObject({
  /** Diacritics-insensitive search on number, title, issuer and focal department. */
  q: SearchText,
  status: PlanStatus.optional(),
  sort: z.enum(['date', 'number', 'title', 'status']).default('date'),
  dir: SortDir('asc'),
});
export type PlansQuery = z.infer<typeof PlansQuery>;

/** POST /api/v1/plans/:id/replacements — this plan replaces the listed plans from a date. */
export const ReplacePlansRequest = z.strictObject({
  /** The plans replaced (1–20), each replaced by one plan only. */
  oldPlanIds: z.array(Id).min(1).max(20),
  /** The day the replacement takes effect (not before the new plan's date). */
  fromDate: IsoDate,
  /** Why, or the text that says so (optional, up to 1,000 characters). */
  note: z.string().trim().max(1000).default(''),
  /** The officer confirmed the replacement (the screen asks first). */
  confirm: z.literal(true),
});
export type ReplacePlansRequest = z.infer<typeof ReplacePlansRequest>;

/** POST /api/v1/plans/:id/end — the plan ends without a successor (its term ran out, or it was repealed). */
export const EndPlanRequest = z.strictObject({
  /** The plan's last day in force (YYYY-MM-DD; not before the plan's date). */
  endedOn: IsoDate,
  /** Why it ends, or the text that ends it (3–2,000 characters; kept in the audit log). */
  reason: z.string().trim().min(3).max(LIMITS.reason),
});
export type EndPlanRequest = z.infer<typeof EndPlanRequest>;

/** A plan's lineage: the plans it replaces (and theirs), and the plans replacing it (and theirs). */
export const PlanLineageDto = z.object({
  planId: z.string(),
  /** Older plans, nearest first, with the day each was replaced. */
  ancestors: z.array(PlanLinkDto.extend({ depth: z.number().int() })),
  /** Newer plans, nearest first, with the day each took over. */
  successors: z.array(PlanLinkDto.extend({ depth: z.number().int() })),
});
export type PlanLineageDto = z.infer<typeof PlanLineageDto>;

export const GetPlanQuery = z.strictObject({
  /** Plan version number (default: current). */
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const PlanItemsQuery = z.strictObject({
  q: SearchText,
  /** Only items the signed-in unit officer's unit holds. */
  mine: z.enum(['true', 'false']).optional(),
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const PlanItemListResponse = z.object({ data: z.array(PlanItemDto) });
