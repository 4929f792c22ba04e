import { z } from 'zod';
import { INDICATOR_VALUE_TYPES, ORG_UNIT_KINDS, WASTE_STREAMS } from '../domain.js';
import { LIMITS } from '../limits.js';
import { PERIOD_KINDS } from '../periods.js';
import { Id, IsoDate, PageInfo, PageQuery, SortDir } from './common.js';

// Contracts of the yearly reporting cycle (issue 3): cycles, reports, the completeness board,
// reminders, notifications and background jobs. The server routes and the client both import
// these schemas; nothing here is re-declared elsewhere.

/* ───────────────────────────── shared pieces ───────────────────────────── */

/** Life of a cycle: `draft` (being prepared, expected units editable) → `open` (form and units frozen) → `closed`. */
export const CYCLE_STATUSES = ['draft', 'open', 'closed'] as const;
export const CycleStatus = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatus>;

/** Life of a report: draft → submitted → returned (reason) → submitted → accepted. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** What can happen to a report; each one is a line of its history. */
export const REPORT_ACTIONS = ['create', 'save', 'submit', 'return', 'accept'] as const;
export const ReportAction = z.enum(REPORT_ACTIONS);
export type ReportAction = z.infer<typeof ReportAction>;

/** Groups of unit kinds on the board: departments, localities (xã/phường, former districts), enterprises and organisations. */
export const UNIT_KIND_GROUPS = ['department', 'locality', 'enterprise', 'other'] as const;
export const UnitKindGroup = z.enum(UNIT_KIND_GROUPS);
export type UnitKindGroup = z.infer<typeof UnitKindGroup>;

/** A unit's place on the board: not yet submitted, waiting for review, returned, accepted. */
export const BOARD_STATUSES = ['missing', 'draft', 'submitted', 'returned', 'accepted'] as const;
export const BoardStatus = z.enum(BOARD_STATUSES);
export type BoardStatus = z.infer<typeof BoardStatus>;

/** A person as shown in histories and "changed by" notes. */
export const PersonDto = z.object({
  /** Account id (null for the system, e.g. the reminder schedule). */
  id: z.string().nullable(),
  /** Display name. */
  name: z.string(),
  /** E-mail, when known. */
  email: z.string().nullable(),
});
export type PersonDto = z.infer<typeof PersonDto>;

/** A unit as frozen in a cycle: its name as of the cycle's opening, never renamed later. */
export const CycleUnitDto = z.object({
  /** Org unit id. */
  id: z.string(),
  /** Unit code. */
  code: z.string(),
  /** Short name as of the cycle (e.g. "Sở Y tế"). */
  name: z.string(),
  /** Full name as of the cycle (e.g. "Sở Y tế tỉnh Vĩnh Long"). */
  fullName: z.string(),
  /** Unit kind. */
  kind: z.enum(ORG_UNIT_KINDS),
  /** Board group of the kind. */
  kindGroup: UnitKindGroup,
});
export type CycleUnitDto = z.infer<typeof CycleUnitDto>;

/* ───────────────────────────── the form ───────────────────────────── */

/** One indicator of a cycle's form, frozen from the catalogue when the cycle opens. */
export const FormIndicatorDto = z.object({
  /** Stable catalogue code, e.g. "XL-01". */
  code: z.string(),
  /** Vietnamese name. */
  name: z.string(),
  /** English name. */
  nameEn: z.string(),
  /** Unit of measure, e.g. "tấn/năm". */
  unit: z.string(),
  /** number, integer, percent, boolean (có/không) or text. */
  valueType: z.enum(INDICATOR_VALUE_TYPES),
  /** Entered once per waste stream; the total is computed. */
  byWasteStream: z.boolean(),
  /** Must have a value to submit (for a by-stream indicator: at least one stream). */
  isRequired: z.boolean(),
  /** Smallest allowed number, or null. */
  min: z.number().nullable(),
  /** Largest allowed number, or null. */
  max: z.number().nullable(),
  /** Order in the form. */
  position: z.number().int(),
});
export type FormIndicatorDto = z.infer<typeof FormIndicatorDto>;

/** A narrative section of a unit's form: one plan item assigned to the unit. */
export const FormSectionDto = z.object({
  /** Plan item id (of the plan version frozen in the cycle). */
  planItemId: z.string(),
  /** Stable item key, e.g. "IV.4". */
  key: z.string(),
  /** Label as issued, e.g. "4.". */
  label: z.string(),
  /** Item title or the start of its text. */
  title: z.string(),
  /** How the plan as issued cites the item: "mục II.1 phần Nhiệm vụ kế hoạch" (null when unknown). */
  citation: z.string().nullable().optional(),
  /** "lead" when the unit leads the item, "coordinate" when it coordinates. */
  role: z.enum(['lead', 'coordinate']),
});
export type FormSectionDto = z.infer<typeof FormSectionDto>;

/** GET /api/v1/indicators — the catalogue a cycle's form is chosen from, in its order. */
export const CatalogueIndicatorDto = FormIndicatorDto.extend({
  /** Offered by default to new cycles. */
  isActive: z.boolean(),
});
export type CatalogueIndicatorDto = z.infer<typeof CatalogueIndicatorDto>;
export const IndicatorListResponse = z.object({ data: z.array(CatalogueIndicatorDto) });

/* ───────────────────────────── cycles ───────────────────────────── */

/** What the signed-in account may do with a cycle (the client shows buttons from this). */
export const CycleAbilities = z.object({
  canEdit: z.boolean(),
  canOpen: z.boolean(),
  /** Close the open cycle: no more saves, submissions or extensions (reviews go on). */
  canClose: z.boolean(),
  /** Open a closed cycle again. */
  canReopen: z.boolean(),
  canExtend: z.boolean(),
  canRemind: z.boolean(),
  canReadCompleteness: z.boolean(),
});

export const CycleDto = z.object({
  id: z.string(),
  /** The plan reported on. */
  planId: z.string(),
  /** Plan version frozen when the cycle opened (null while draft). */
  planVersion: z.number().int().nullable(),
  /** Reporting year, e.g. 2026 (the year of the quarter or month). */
  year: z.number().int(),
  /** The period the cycle covers: the year, a quarter or a month. */
  periodKind: z.enum(PERIOD_KINDS),
  /** null for a year, 1–4 for a quarter, 1–12 for a month. */
  periodNumber: z.number().int().nullable(),
  /** First day of the data window (YYYY-MM-DD). */
  windowStart: z.string(),
  /** Last day of the data window (YYYY-MM-DD). */
  windowEnd: z.string(),
  /** Last day to submit, in Vietnam's time (YYYY-MM-DD; the whole day counts, until 23:59:59 UTC+7). */
  deadline: z.string(),
  /** Days after the deadline during which late submissions are still accepted (flagged late). */
  graceDays: z.number().int(),
  /** Last day a unit without an extension may submit (deadline + grace). */
  lockDate: z.string(),
  status: CycleStatus,
  /** When the cycle was opened (ISO timestamp) or null. */
  openedAt: z.string().nullable(),
  /** When it was closed (ISO), or null. */
  closedAt: z.string().nullable(),
  /** Indicator codes of the form (the catalogue's active indicators unless chosen). */
  indicatorCodes: z.array(z.string()),
  /** The frozen form's indicators (from the catalogue while draft). */
  indicators: z.array(FormIndicatorDto),
  /** Number of expected units. */
  expectedCount: z.number().int(),
  /** For a unit officer: the effective deadline of its own unit (its extension if any). */
  myDeadline: z.string().nullable(),
  /** For a unit officer: whether its unit is expected to report in this cycle. */
  isExpected: z.boolean(),
  createdAt: z.string(),
  abilities: CycleAbilities,
});
export type CycleDto = z.infer<typeof CycleDto>;

/** POST /api/v1/cycles */
export const CreateCycleRequest = z.strictObject({
  /** Plan id. */
  planId: Id,
  /** Reporting year (2020–2100). */
  year: z.number().int().min(2020).max(2100),
  /** The period: a year (default), a quarter or a month of the year. */
  periodKind: z.enum(PERIOD_KINDS).default('year'),
  /** The quarter (1–4) or month (1–12); none for a year. */
  periodNumber: z.number().int().min(1).max(12).nullable().optional(),
  /** First day of the data window; default the period's first day (or the yearly window the plan states). */
  windowStart: IsoDate.optional(),
  /** Last day of the data window; default the period's last day. */
  windowEnd: IsoDate.optional(),
  /**
   * Submission deadline; default from the plan's reporting schedule (monthly day 20 → the 20th of
   * the month after; yearly → the stated day, else 30 November). See shared/periods.ts.
   */
  deadline: IsoDate.optional(),
  /** Grace days after the deadline (0–60); default 0. */
  graceDays: z.number().int().min(0).max(60).default(0),
  /** Indicator codes of the form; default every active catalogue indicator. */
  indicatorCodes: z.array(z.string().trim().min(1).max(40)).max(500).optional(),
});
export type CreateCycleRequest = z.infer<typeof CreateCycleRequest>;

/** PATCH /api/v1/cycles/:id — only while draft. */
export const UpdateCycleRequest = z.strictObject({
  windowStart: IsoDate.optional(),
  windowEnd: IsoDate.optional(),
  deadline: IsoDate.optional(),
  graceDays: z.number().int().min(0).max(60).optional(),
  indicatorCodes: z.array(z.string().trim().min(1).max(40)).max(500).optional(),
});
export type UpdateCycleRequest = z.infer<typeof UpdateCycleRequest>;

/** GET /api/v1/cycles */
export const ListCyclesQuery = z.strictObject({
  planId: Id.optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  status: CycleStatus.optional(),
});
export const CycleListResponse = z.object({ data: z.array(CycleDto) });

/** A plan item added to or removed from one unit's form by the focal department, with the reason. */
export const SectionChangeDto = z.object({
  action: z.enum(['add', 'remove']),
  /** Stable item key, e.g. "IV.4". */
  key: z.string(),
  /** Label as issued, e.g. "4.". */
  label: z.string(),
  title: z.string(),
  reason: z.string(),
  /** When (ISO 8601). */
  at: z.string(),
  /** Who made the change. */
  actorName: z.string(),
});
export type SectionChangeDto = z.infer<typeof SectionChangeDto>;

/** One expected unit of a cycle, with how it got there. */
export const ExpectedUnitDto = z.object({
  unit: CycleUnitDto,
  /** "plan": from the plan's assignments; "manual": added by the focal department. */
  source: z.enum(['plan', 'manual']),
  /** Reason given when added by hand, or null. */
  reason: z.string().nullable(),
  /** Narrative sections of this unit's form. */
  sections: z.array(FormSectionDto),
  /** The focal department's changes to the sections the plan gives this unit, oldest first. */
  sectionChanges: z.array(SectionChangeDto),
  /** Latest extension of the deadline for this unit, or null. */
  extension: z.object({ deadline: z.string(), reason: z.string(), at: z.string() }).nullable(),
});
export type ExpectedUnitDto = z.infer<typeof ExpectedUnitDto>;

/** GET /api/v1/cycles/:id/expected-units — the list (and, while draft, the units removed by hand). */
export const ExpectedUnitsResponse = z.object({
  data: z.array(ExpectedUnitDto),
  /** Units removed by hand before opening, with the reason. */
  removed: z.array(z.object({ unit: CycleUnitDto, reason: z.string(), at: z.string() })),
});
export type ExpectedUnitsResponse = z.infer<typeof ExpectedUnitsResponse>;

/** POST /api/v1/cycles/:id/expected-units — add or remove a unit before opening (reason logged). */
export const ChangeExpectedUnitRequest = z.strictObject({
  /** "add" or "remove". */
  action: z.enum(['add', 'remove']),
  /** The unit. */
  orgUnitId: Id,
  /** Why (required, logged). */
  reason: z.string().trim().min(3).max(LIMITS.reason),
});
export type ChangeExpectedUnitRequest = z.infer<typeof ChangeExpectedUnitRequest>;

/** POST /api/v1/cycles/:id/expected-units/:orgUnitId/sections — fit one unit's sections before opening. */
export const ChangeUnitSectionsRequest = z.strictObject({
  /** "add" a plan item to the unit's form, or "remove" one. */
  action: z.enum(['add', 'remove']),
  /** The item's stable key in the plan in force, e.g. "II-NV.2". */
  key: z.string().trim().min(1).max(50),
  /** Why (required; logged, and shown in the report's history). */
  reason: z.string().trim().min(3).max(LIMITS.reason),
});
export type ChangeUnitSectionsRequest = z.infer<typeof ChangeUnitSectionsRequest>;

/** POST /api/v1/cycles/:id/extensions */
export const CreateExtensionRequest = z.strictObject({
  /** The unit given more time (must be expected in the cycle). */
  orgUnitId: Id,
  /** New last day (YYYY-MM-DD, Vietnam time), after the cycle's deadline. */
  deadline: IsoDate,
  /** Why (required; shown to the unit). */
  reason: z.string().trim().min(3).max(LIMITS.reason),
});
export type CreateExtensionRequest = z.infer<typeof CreateExtensionRequest>;

export const ExtensionDto = z.object({
  id: z.string(),
  cycleId: z.string(),
  orgUnitId: z.string(),
  deadline: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: PersonDto,
});
export type ExtensionDto = z.infer<typeof ExtensionDto>;
export const ExtensionListResponse = z.object({ data: z.array(ExtensionDto) });

/* ───────────────────────────── completeness board ───────────────────────────── */

/** The seven counts. expected = submitted + missing; submitted = onTime + late (by the first submission). */
export const CompletenessCounts = z.object({
  /** Units expected to report (frozen at opening). */
  expected: z.number().int(),
  /** Units that have submitted at least once (whatever the current status). */
  submitted: z.number().int(),
  /** …of which the first submission was on time. */
  onTime: z.number().int(),
  /** …of which the first submission was late (within grace or extension). */
  late: z.number().int(),
  /** Units that have not submitted yet. */
  missing: z.number().int(),
  /** Reports currently returned to their unit. */
  returned: z.number().int(),
  /** Reports accepted. */
  accepted: z.number().int(),
});
export type CompletenessCounts = z.infer<typeof CompletenessCounts>;

/** One row of the board. */
export const CompletenessUnitDto = z.object({
  unit: CycleUnitDto,
  /** missing (no report or never opened), draft (started, not submitted), submitted, returned, accepted. */
  status: BoardStatus,
  /** Report id, when the unit has opened its report. */
  reportId: z.string().nullable(),
  /** First submission time (ISO) or null. */
  firstSubmittedAt: z.string().nullable(),
  /** Latest submission time (ISO) or null. */
  submittedAt: z.string().nullable(),
  /** True when the first submission was after the unit's deadline. */
  isLate: z.boolean(),
  /** Days after the unit's deadline: of the first submission, or, while missing, as of today; 0 when on time. */
  daysLate: z.number().int(),
  /** The unit's deadline (the cycle's, or its extension). */
  deadline: z.string(),
  /** True when the unit has an extension. */
  hasExtension: z.boolean(),
  /** Last reminder sent to the unit (ISO) or null. */
  lastRemindedAt: z.string().nullable(),
});
export type CompletenessUnitDto = z.infer<typeof CompletenessUnitDto>;

/** Sort keys of the board list. */
export const COMPLETENESS_SORTS = ['name', 'status', 'submittedAt', 'daysLate', 'kind'] as const;

/** GET /api/v1/cycles/:id/completeness */
export const CompletenessQuery = PageQuery.extend({
  /** Filter: board status, or "late" / "onTime". */
  status: z.enum([...BOARD_STATUSES, 'late', 'onTime']).optional(),
  /** Filter by kind group. */
  kindGroup: UnitKindGroup.optional(),
  /** Sort key (default name). */
  sort: z.enum(COMPLETENESS_SORTS).default('name'),
  /** Sort direction (default asc). */
  dir: SortDir('asc'),
  // page, pageSize and q (a diacritics-insensitive search in unit names): PageQuery.
});
export type CompletenessQuery = z.infer<typeof CompletenessQuery>;

export const CompletenessResponse = CompletenessCounts.extend({
  cycleId: z.string(),
  /** The same counts per kind group (departments, localities, enterprises…). */
  byKind: z.array(CompletenessCounts.extend({ kindGroup: UnitKindGroup })),
  /** The page of units matching the filters. */
  units: z.array(CompletenessUnitDto),
  /** Paging of `units`. */
  page: PageInfo,
});
export type CompletenessResponse = z.infer<typeof CompletenessResponse>;

/* ───────────────────────────── reminders and notifications ───────────────────────────── */

/** POST /api/v1/cycles/:id/reminders — remind now (every unit that has not submitted, or the listed ones among them). */
export const SendRemindersRequest = z.strictObject({
  /** Only these units (still only those that have not submitted); default all that have not. */
  orgUnitIds: z.array(Id).max(10_000).optional(),
  /** An extra line added to the message. */
  note: z.string().trim().max(LIMITS.shortText).optional(),
});
export type SendRemindersRequest = z.infer<typeof SendRemindersRequest>;

/** One reminder to one unit. */
export const ReminderDto = z.object({
  id: z.string(),
  unit: CycleUnitDto,
  /** When it was sent (ISO). */
  at: z.string(),
  /** "manual" (sent by hand) or "auto:N" (N days before the deadline; negative after). */
  trigger: z.string(),
  /** Who sent it (null: the schedule). */
  sentBy: PersonDto.nullable(),
  /** E-mail addresses written to (empty when no SMTP or no active account has an address). */
  emails: z.array(z.string()),
  /** Channels used: in-app always; e-mail when SMTP is configured. */
  channels: z.array(z.enum(['in_app', 'email'])),
});
export type ReminderDto = z.infer<typeof ReminderDto>;

export const SendRemindersResponse = z.object({
  /** The units reminded now (never a unit that has submitted). */
  data: z.array(ReminderDto),
});
/** GET /api/v1/cycles/:id/reminders — who was reminded when, newest first. */
export const ReminderListResponse = z.object({ data: z.array(ReminderDto) });
// The in-app notifications' contracts are in ./notifications.ts.

/* ───────────────────────────── reports ───────────────────────────── */

/**
 * One entered value. For an indicator entered by waste stream, one item per stream (the total is
 * computed, never sent). `value`: a number for number/integer/percent, a boolean for yes/no, a
 * string for text; null clears the field.
 */
export const ReportValue = z.strictObject({
  /** Indicator code of the form. */
  indicatorCode: z.string().trim().min(1).max(40),
  /** Waste stream, only for indicators entered by stream. */
  wasteStream: z.enum(WASTE_STREAMS).nullable().optional(),
  /** The value (finite number, boolean, text up to LIMITS.longText) or null. */
  value: z.union([z.number().finite(), z.boolean(), z.string().max(LIMITS.longText), z.null()]),
});
export type ReportValue = z.infer<typeof ReportValue>;

/** The narrative of one plan item assigned to the unit. */
export const ReportSection = z.strictObject({
  /** Plan item id (one of the form's sections). */
  planItemId: Id,
  /** Kết quả đạt được — results achieved. */
  results: z.string().max(LIMITS.longText).default(''),
  /** Khó khăn, vướng mắc — difficulties. */
  difficulties: z.string().max(LIMITS.longText).default(''),
  /** Đề xuất, kiến nghị — proposals. */
  proposals: z.string().max(LIMITS.longText).default(''),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** Computed total of an indicator entered by waste stream. */
export const ReportTotal = z.object({ indicatorCode: z.string(), total: z.number().nullable() });

/** What the signed-in account may do with a report now. */
export const ReportAbilities = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReturn: z.boolean(),
  canAccept: z.boolean(),
  canUpload: z.boolean(),
});
export type ReportAbilities = z.infer<typeof ReportAbilities>;

export const ReportSummaryDto = z.object({
  id: z.string(),
  cycleId: z.string(),
  /** Reporting year of the cycle. */
  year: z.number().int(),
  /** The cycle's period: the year, a quarter (1–4) or a month (1–12) of it. */
  periodKind: z.enum(PERIOD_KINDS),
  periodNumber: z.number().int().nullable(),
  orgUnitId: z.string(),
  /** The unit as frozen in the cycle. */
  unit: CycleUnitDto,
  status: ReportStatus,
  /** Optimistic-concurrency version; send it back with each save. */
  version: z.number().int(),
  /** First submission (ISO) or null. */
  firstSubmittedAt: z.string().nullable(),
  /** Latest submission (ISO) or null. */
  submittedAt: z.string().nullable(),
  /** True when the first submission was after the unit's deadline. */
  isLate: z.boolean(),
  /** Days late of the first submission (0 when on time or not submitted). */
  daysLate: z.number().int(),
  /** The unit's deadline (cycle deadline or its extension). */
  deadline: z.string(),
  updatedAt: z.string(),
});
export type ReportSummaryDto = z.infer<typeof ReportSummaryDto>;

export const ReportDto = ReportSummaryDto.extend({
  /** The cycle's status: once it is closed nothing is saved or submitted any more. */
  cycleStatus: CycleStatus,
  values: z.array(ReportValue),
  sections: z.array(ReportSection),
  /** Free section: other results. */
  otherResults: z.string(),
  /** Free section: proposals to the People's Committee. */
  proposalsToCommittee: z.string(),
  /** Totals of by-stream indicators, computed. */
  totals: z.array(ReportTotal),
  /** The frozen form: indicators and this unit's narrative sections. */
  form: z.object({ indicators: z.array(FormIndicatorDto), sections: z.array(FormSectionDto) }),
  /** Last year's accepted values of the same unit (or its predecessors), for reference; empty when none. */
  previous: z.object({ year: z.number().int(), reportId: z.string(), values: z.array(ReportValue) }).nullable(),
  /** The unit's extension, visible to the unit. */
  extension: z.object({ deadline: z.string(), reason: z.string() }).nullable(),
  /** Last day a first submission is accepted (deadline + grace). */
  lockDate: z.string(),
  /** True when a first submission is no longer accepted. */
  isLocked: z.boolean(),
  /** Reason of the latest return, while returned (and kept after for reference). */
  returnReason: z.string().nullable(),
  /** Who saved last. */
  updatedBy: PersonDto.nullable(),
  abilities: ReportAbilities,
});
export type ReportDto = z.infer<typeof ReportDto>;

/**
 * The short answer of a save or a submission sent with `Prefer: return=minimal` (RFC 7240): the
 * report's new state without its content, form and last year's values. The form's autosave asks
 * for it — it already holds what it sent — so a save every few seconds moves a few hundred bytes.
 */
export const ReportSavedDto = ReportSummaryDto.extend({
  /** Who saved last. */
  updatedBy: PersonDto.nullable(),
});
export type ReportSavedDto = z.infer<typeof ReportSavedDto>;

/** The `Prefer` request header of a save or submission: `return=minimal` answers a ReportSavedDto. */
export const PreferHeader = z.object({ prefer: z.string().max(200).optional() });

/** Whether a `Prefer` header value asks for the short answer. */
export function prefersMinimal(prefer: string | undefined): boolean {
  return Boolean(prefer && /(^|[,;\s])return\s*=\s*minimal\b/i.test(prefer));
}

/** GET /api/v1/reports — a unit officer sees only its unit; with cycleId, its report is created on first open. */
export const ListReportsQuery = z.strictObject({
  cycleId: Id.optional(),
  orgUnitId: Id.optional(),
  status: ReportStatus.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuery>;
export const ReportListResponse = z.object({ data: z.array(ReportSummaryDto), page: PageInfo });

/**
 * PUT /api/v1/reports/:id — save the draft (whole content). 409 CONFLICT when `version` is not
 * the current one; the message names who saved last and when, and GET gives the fresh copy.
 */
export const SaveReportRequest = z.strictObject({
  /** The version read; stale → 409. */
  version: z.number().int().min(1),
  /** Every entered value (replaces the previous set). */
  values: z.array(ReportValue).max(5_000),
  /** Every narrative section (replaces the previous set). */
  sections: z.array(ReportSection).max(500),
  /** Free section: other results. */
  otherResults: z.string().max(LIMITS.longText).optional(),
  /** Free section: proposals to the People's Committee. */
  proposalsToCommittee: z.string().max(LIMITS.longText).optional(),
});
export type SaveReportRequest = z.infer<typeof SaveReportRequest>;

/**
 * POST /api/v1/reports/:id/submit, header `Idempotency-Key` (1–200 chars; the same key
 * answers the first result again). Body optional: `{ version }` to refuse a stale submit.
 * A refused submission answers 400 with one issue per failing field; issue paths:
 * `values.<code>` or `values.<code>.<stream>`, `sections.<planItemId>.results`.
 */
export const SubmitReportRequest = z.strictObject({ version: z.number().int().min(1).optional() }).nullish();
export const IdempotencyKeyHeader = z.object({ 'idempotency-key': z.string().trim().min(1).max(200).optional() });

/** POST /api/v1/reports/:id/return */
export const ReturnReportRequest = z.strictObject({
  /** Why it is returned (required; shown to the unit). */
  reason: z.string().trim().min(3).max(LIMITS.reason),
});
export type ReturnReportRequest = z.infer<typeof ReturnReportRequest>;

/** POST /api/v1/reports/accept — bulk acceptance. */
export const BulkAcceptRequest = z.strictObject({ reportIds: z.array(Id).min(1).max(1_000) });
export const BulkAcceptResponse = z.object({
  /** Reports accepted now. */
  accepted: z.array(z.string()),
  /** Reports not accepted, each with the reason. */
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});

/** One line of a report's history. */
export const ReportHistoryItem = z.object({
  at: z.string(),
  actor: PersonDto,
  action: ReportAction,
  /** Reason (return) or note. */
  reason: z.string().nullable().optional(),
  /** Report version after the action. */
  version: z.number().int(),
  /** True when this entry holds a snapshot that can be compared (submissions). */
  hasSnapshot: z.boolean(),
});
export type ReportHistoryItem = z.infer<typeof ReportHistoryItem>;
export const ReportHistoryResponse = z.object({ data: z.array(ReportHistoryItem) });

/** GET /api/v1/reports/:id/diff?from=&to= — two submitted versions (history `version` numbers). */
export const ReportDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});
export const ReportChange = z.object({
  /** "value", "section" or "free". */
  kind: z.enum(['value', 'section', 'free']),
  /** Field path as in error issues: values.XL-01.agri, sections.<id>.results, otherResults. */
  path: z.string(),
  /** Human label in Vietnamese, e.g. "XL-01 · Y tế". */
  label: z.string(),
  before: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  after: z.union([z.number(), z.boolean(), z.string(), z.null()]),
});
export type ReportChange = z.infer<typeof ReportChange>;
export const ReportDiffResponse = z.object({
  from: z.object({ version: z.number().int(), at: z.string(), actor: PersonDto }),
  to: z.object({ version: z.number().int(), at: z.string(), actor: PersonDto }),
  changes: z.array(ReportChange),
});
export type ReportDiffResponse = z.infer<typeof ReportDiffResponse>;

/* ───────────────────────────── attachments ───────────────────────────── */

/** An attached file. Download: GET /api/v1/reports/:id/attachments/:attachmentId. */
export const AttachmentDto = z.object({
  id: z.string(),
  reportId: z.string(),
  fileName: z.string(),
  /** Type detected from the content. */
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: PersonDto,
});
export type AttachmentDto = z.infer<typeof AttachmentDto>;
export const AttachmentListResponse = z.object({ data: z.array(AttachmentDto) });
export const AttachmentParams = z.strictObject({ id: Id, attachmentId: Id });

/* ───────────────────────────── background jobs ───────────────────────────── */

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
/** GET /api/v1/jobs/:id — status of a background job (document rendering, e-mail…). */
export const JobDto = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** 0–100. */
  progress: z.number().int(),
  /** Short note of the current step, if the job gives one. */
  progressNote: z.string().nullable(),
  /** What the job answered when it succeeded (kind-specific JSON). */
  result: z.unknown().nullable(),
  /** Error message when it failed. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof JobDto>;
