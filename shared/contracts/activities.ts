import { z } from 'zod';
import { Id, IsoDate, namedText, PageQuery, paged, SortDir } from './common.js';

// The unit's detailed plan (kế hoạch chi tiết) and its activities (issue 12, plan section IV.1).

export const ACTIVITY_STATUSES = ['not_started', 'in_progress', 'done', 'paused', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
/** Statuses that need a reason (tạm dừng, hủy bỏ). */
export const STATUSES_WITH_REASON: readonly ActivityStatus[] = ['paused', 'cancelled'];
/** Statuses after which an activity is never overdue. */
export const CLOSED_STATUSES: readonly ActivityStatus[] = ['done', 'cancelled'];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  cancelled: { vi: 'Hủy bỏ', en: 'Cancelled' },
};

export const BUDGET_SOURCES = ['provincial', 'central', 'socialised', 'oda', 'other'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const BUDGET_SOURCE_LABELS: Record<BudgetSource, { vi: string; en: string }> = {
  provincial: { vi: 'Ngân sách tỉnh', en: 'Provincial budget' },
  central: { vi: 'Ngân sách trung ương', en: 'Central budget' },
  socialised: { vi: 'Xã hội hóa', en: 'Socialised' },
  oda: { vi: 'ODA', en: 'ODA' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const ACTIVITY_LIMITS = {
  title: 500,
  output: 2_000,
  reason: 1_000,
  note: 4_000,
  planItems: 20,
  coordinating: 30,
  programmes: 20,
  budgetMax: 10_000_000,
  firstYear: 2020,
  lastYear: 2100,
} as const;

const PeriodYear = z.coerce.number().int().min(ACTIVITY_LIMITS.firstYear).max(ACTIVITY_LIMITS.lastYear);

/** A planned period: a year, a quarter (1–4) or a month (1–12) of a year. */
export const PlannedPeriod = z
  .strictObject({
    kind: z.enum(PERIOD_KINDS),
    year: PeriodYear,
    /** The quarter (1–4) or month (1–12); absent for a year. */
    number: z.number().int().min(1).max(12).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    const max = p.kind === 'quarter' ? 4 : p.kind === 'month' ? 12 : 0;
    if (max === 0 && p.number !== null)
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'Kỳ thực hiện: cả năm không có số quý, tháng.' });
    if (max > 0 && (p.number === null || p.number > max))
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: `Kỳ thực hiện: chọn ${p.kind === 'quarter' ? 'quý từ 1 đến 4' : 'tháng từ 1 đến 12'}.`,
      });
  });
export type PlannedPeriod = z.infer<typeof PlannedPeriod>;

/** The period in words: "Năm 2026", "Quý II/2026", "Tháng 3/2026". */
export function periodLabel(
  p: { kind: string; year: number; number: number | null },
  lang: 'vi' | 'en' = 'vi',
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const roman = ['I', 'II', 'III', 'IV'];
  if (p.kind === 'year') return lang === 'vi' ? `Năm ${p.year}` : `${p.year}`;
  if (p.kind === 'quarter') return lang === 'vi' ? `Quý ${roman[p.number! - 1]}/${p.year}` : `Q${p.number} ${p.year}`;
  return lang === 'vi' ? `Tháng ${p.number}/${p.year}` : `${p.year}-${pad(p.number!)}`;
}

const Budget = z.number().min(0).max(ACTIVITY_LIMITS.budgetMax).nullable();

const ActivityFields = {
  /** Tên hoạt động. */
  title: namedText('Tên hoạt động', ACTIVITY_LIMITS.title),
  /** Keys of the items of the plan in force the activity serves (at least one). */
  planItemKeys: z
    .array(z.string().trim().min(1).max(40))
    .min(1, 'Mục của kế hoạch: chọn ít nhất một mục.')
    .max(ACTIVITY_LIMITS.planItems),
  /** Đơn vị phối hợp. */
  coordinatingUnitIds: z.array(Id).max(ACTIVITY_LIMITS.coordinating).default([]),
  /** Thời gian thực hiện dự kiến. */
  period: PlannedPeriod,
  /** Kinh phí, triệu đồng. */
  budget: Budget.default(null),
  /** Nguồn kinh phí. */
  budgetSource: z.enum(BUDGET_SOURCES).nullable().default(null),
  /** Sản phẩm dự kiến. */
  expectedOutput: z.string().trim().max(ACTIVITY_LIMITS.output).default(''),
  status: z.enum(ACTIVITY_STATUSES).default('not_started'),
  /** Why it is paused or cancelled (required then). */
  statusReason: z.string().trim().max(ACTIVITY_LIMITS.reason).nullable().default(null),
};

const reasonMessage = 'Lý do tạm dừng, hủy bỏ: bắt buộc khi hoạt động tạm dừng hoặc hủy bỏ.';

/** POST /api/v1/activities — an activity of the signed-in unit. */
export const CreateActivityRequest = z.strictObject(ActivityFields).superRefine((a, ctx) => {
  if (STATUSES_WITH_REASON.includes(a.status) && !a.statusReason)
    ctx.addIssue({ code: 'custom', path: ['statusReason'], message: reasonMessage });
});
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

/** PATCH /api/v1/activities/:id — the fields to change, with the version read. */
export const UpdateActivityRequest = z.strictObject({
  version: z.number().int().min(1),
  title: ActivityFields.title.optional(),
  planItemKeys: ActivityFields.planItemKeys.optional(),
  coordinatingUnitIds: z.array(Id).max(ACTIVITY_LIMITS.coordinating).optional(),
  period: PlannedPeriod.optional(),
  budget: Budget.optional(),
  budgetSource: z.enum(BUDGET_SOURCES).nullable().optional(),
  expectedOutput: z.string().trim().max(ACTIVITY_LIMITS.output).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  statusReason: z.string().trim().max(ACTIVITY_LIMITS.reason).nullable().optional(),
});
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;

/** The text fields of POST /api/v1/activities/:id/notes (multipart; files in "files"). */
export const CreateNoteFields = z.strictObject({
  /** Ngày ghi nhận tiến độ. */
  date: IsoDate,
  /** Nội dung. */
  text: namedText('Nội dung tiến độ', ACTIVITY_LIMITS.note),
});

export const ACTIVITY_SORTS = ['period', 'title', 'unit', 'status', 'planItem', 'updatedAt', 'budget'] as const;

/** GET /api/v1/activities and /export.xlsx */
export const ListActivitiesQuery = PageQuery.extend({
  /** Only this responsible unit. */
  orgUnitId: Id.optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** Only activities of this plan. */
  planId: Id.optional(),
  /** Only activities serving this plan item (key). */
  planItemKey: z.string().trim().max(40).optional(),
  /** Only activities planned in this year. */
  year: PeriodYear.optional(),
  /** Only overdue activities ("quá hạn"). */
  overdue: z.enum(['true', 'false']).optional(),
  /** For a unit officer: its own activities only (not those it coordinates). */
  mine: z.enum(['true', 'false']).optional(),
  sort: z.enum(ACTIVITY_SORTS).default('period'),
  dir: SortDir('asc'),
});
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuery>;

const UnitRef = z.object({ id: Id, name: z.string() });

export const ActivityFileDto = z.object({
  id: Id,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type ActivityFileDto = z.infer<typeof ActivityFileDto>;

export const ActivityNoteDto = z.object({
  id: Id,
  date: IsoDate,
  text: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(ActivityFileDto),
});
export type ActivityNoteDto = z.infer<typeof ActivityNoteDto>;

export const ActivitySummary = z.object({
  id: Id,
  title: z.string(),
  unit: UnitRef,
  coordinatingUnits: z.array(UnitRef),
  planItemKeys: z.array(z.string()),
  period: z.object({ kind: z.enum(PERIOD_KINDS), year: z.number().int(), number: z.number().int().nullable() }),
  /** The period's last day (Vietnam). */
  periodEnd: IsoDate,
  budget: z.number().nullable(),
  budgetSource: z.enum(BUDGET_SOURCES).nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  statusReason: z.string().nullable(),
  /** The period is past (Vietnam time) and the activity is neither done nor cancelled. */
  overdue: z.boolean(),
  noteCount: z.number().int(),
  updatedAt: z.string(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ActivityListResponse = paged(ActivitySummary);
export type ActivityListResponse = z.infer<typeof ActivityListResponse>;

export const ActivityHistoryEntry = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  /** activity.create, activity.update, activity.note, activity.overdue */
  action: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type ActivityHistoryEntry = z.infer<typeof ActivityHistoryEntry>;

/** GET /api/v1/activities/:id */
export const ActivityDto = ActivitySummary.extend({
  expectedOutput: z.string(),
  /** The items of the plan in force, with label and title (a key no longer in it keeps nulls). */
  planItems: z.array(z.object({ key: z.string(), label: z.string().nullable(), title: z.string().nullable() })),
  version: z.number().int(),
  notes: z.array(ActivityNoteDto),
  history: z.array(ActivityHistoryEntry),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type ActivityDto = z.infer<typeof ActivityDto>;

export const ActivityFileParams = z.strictObject({ id: Id, fileId: Id });

// ---- The detailed plan ----

export const DETAILED_PLAN_KINDS = ['document', 'programmes'] as const;

export const AnnualProgramme = z.strictObject({
  /** Tên chương trình công tác. */
  name: namedText('Tên chương trình công tác', 300),
  documentNumber: namedText('Số văn bản', 100),
  documentDate: IsoDate,
});
export type AnnualProgramme = z.infer<typeof AnnualProgramme>;

/** PUT /api/v1/detailed-plans/mine — the unit's record for the plan (the file is uploaded apart). */
export const SaveDetailedPlanRequest = z
  .strictObject({
    kind: z.enum(DETAILED_PLAN_KINDS),
    documentNumber: z.string().trim().max(100).nullable().default(null),
    documentDate: IsoDate.nullable().default(null),
    title: z.string().trim().max(500).nullable().default(null),
    programmes: z.array(AnnualProgramme).max(ACTIVITY_LIMITS.programmes).default([]),
    /** The version read (absent for a first save). */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'document') {
      if (!p.documentNumber)
        ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'Số văn bản: chưa được nhập.' });
      if (!p.documentDate)
        ctx.addIssue({ code: 'custom', path: ['documentDate'], message: 'Ngày văn bản: chưa được nhập.' });
      if (!p.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Trích yếu: chưa được nhập.' });
    } else if (p.programmes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['programmes'],
        message: 'Chương trình công tác: nhập ít nhất một chương trình.',
      });
    }
  });
export type SaveDetailedPlanRequest = z.infer<typeof SaveDetailedPlanRequest>;

export const DetailedPlanDto = z.object({
  id: Id,
  unit: UnitRef,
  planId: Id,
  kind: z.enum(DETAILED_PLAN_KINDS),
  documentNumber: z.string().nullable(),
  documentDate: IsoDate.nullable(),
  title: z.string().nullable(),
  file: ActivityFileDto.omit({ id: true }).nullable(),
  programmes: z.array(AnnualProgramme),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DetailedPlanDto = z.infer<typeof DetailedPlanDto>;

export const MyDetailedPlanResponse = z.object({ detailedPlan: DetailedPlanDto.nullable() });
export const DetailedPlanListResponse = z.object({ data: z.array(DetailedPlanDto) });
