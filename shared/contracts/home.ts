import { z } from 'zod';
import { PlanStatus } from './plans.js';
import { PERIOD_KINDS } from '../periods.js';
import { CompletenessCounts, CompletenessUnitDto, CycleUnitDto, ReportStatus } from './reporting.js';

// GET /api/v1/home — the signed-in account's work queue, by role: a unit's reports and what is
// still missing; the focal department's open cycle, the reports awaiting review and the units to
// remind; a leader's amendments awaiting approval and the board's counts; the admin's expected
// units that have no account yet.

/** The open cycle's counts, as the board shows them, plus the reports waiting for review. */
export const HomeCycleDto = z.object({
  id: z.string(),
  /** The plan the cycle reports on. */
  planId: z.string(),
  year: z.number().int(),
  /** The cycle's period: the year, a quarter (1–4) or a month (1–12) of it. */
  periodKind: z.enum(PERIOD_KINDS),
  periodNumber: z.number().int().nullable(),
  /** The cycle's deadline (YYYY-MM-DD). */
  deadline: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  /** The board's counts (null while the cycle is a draft). */
  counts: CompletenessCounts.extend({
    /** Reports submitted and not yet reviewed (status submitted). */
    awaitingReview: z.number().int(),
  }).nullable(),
});
export type HomeCycleDto = z.infer<typeof HomeCycleDto>;

/** A plan on the focal department's or a leader's home: its current cycle at a glance. */
export const HomePlanDto = z.object({
  planId: z.string(),
  /** "86/KH-UBND". */
  number: z.string(),
  title: z.string(),
  status: PlanStatus,
  /** The day it ended, or null. */
  endedOn: z.string().nullable(),
  /** Its current cycle: the latest open one, else the latest draft; null when it has none. */
  cycle: HomeCycleDto.nullable(),
});
export type HomePlanDto = z.infer<typeof HomePlanDto>;

/** One of the unit's reports of an open cycle. */
export const HomeUnitReportDto = z.object({
  reportId: z.string(),
  cycleId: z.string(),
  /** The plan the cycle reports on, and its number ("1953/KH-UBND"): a unit may report on several plans. */
  planId: z.string(),
  planNumber: z.string(),
  year: z.number().int(),
  /** The cycle's period: the year, a quarter (1–4) or a month (1–12) of it. */
  periodKind: z.enum(PERIOD_KINDS),
  periodNumber: z.number().int().nullable(),
  status: ReportStatus,
  /** The unit's deadline (its extension if any). */
  deadline: z.string(),
  /** Last day a first submission is accepted. */
  lockDate: z.string(),
  /** Latest submission (ISO) or null. */
  submittedAt: z.string().nullable(),
  isLate: z.boolean(),
  /** The reason of the latest return, while returned. */
  returnReason: z.string().nullable(),
  /** What a submission would still refuse, in the request's language (the first ten). */
  missing: z.array(z.string()),
  /** How many such points in all. */
  missingCount: z.number().int(),
});
export type HomeUnitReportDto = z.infer<typeof HomeUnitReportDto>;

export const UnitHomeDto = z.object({
  role: z.literal('unit'),
  /** The unit's reports of open cycles across every plan, nearest deadline first. */
  reports: z.array(HomeUnitReportDto),
});

export const FocalHomeDto = z.object({
  role: z.literal('focal'),
  /** Every plan in force and the latest replaced one, nearest cycle deadline first. */
  plans: z.array(HomePlanDto),
  /** The open cycle (the latest year), or null. */
  cycle: HomeCycleDto.nullable(),
  /** Reports waiting for review, oldest submission first (up to 50). */
  awaitingReview: z.array(CompletenessUnitDto),
  /** Units that have not submitted, by name (up to 200), with their last reminder. */
  missingUnits: z.array(CompletenessUnitDto),
  /** Whether reminders may be sent now (the cycle is open). */
  canRemind: z.boolean(),
});

/** An amendment proposal waiting for a leader's decision. */
export const HomeAmendmentDto = z.object({
  id: z.string(),
  summary: z.string(),
  /** When the focal department submitted it (ISO). */
  submittedAt: z.string().nullable(),
  /** Who drafted it. */
  createdBy: z.string().nullable(),
  /** How many changes it makes. */
  changeCount: z.number().int(),
  /** The plan it amends ("1953/KH-UBND"): proposals of every plan wait in one list. */
  planNumber: z.string(),
});
export type HomeAmendmentDto = z.infer<typeof HomeAmendmentDto>;

export const LeaderHomeDto = z.object({
  role: z.literal('leader'),
  /** Every plan in force and the latest replaced one, nearest cycle deadline first. */
  plans: z.array(HomePlanDto),
  amendments: z.array(HomeAmendmentDto),
  cycle: HomeCycleDto.nullable(),
});

export const AdminHomeDto = z.object({
  role: z.literal('admin'),
  /** The cycle whose expected units are listed: the open one, else the latest draft; null if none. */
  cycle: HomeCycleDto.nullable(),
  /** Expected units with no active unit account, by name. */
  unitsWithoutAccount: z.array(CycleUnitDto),
});

export const HomeResponse = z.discriminatedUnion('role', [UnitHomeDto, FocalHomeDto, LeaderHomeDto, AdminHomeDto]);
export type HomeResponse = z.infer<typeof HomeResponse>;
export type UnitHomeDto = z.infer<typeof UnitHomeDto>;
export type FocalHomeDto = z.infer<typeof FocalHomeDto>;
export type LeaderHomeDto = z.infer<typeof LeaderHomeDto>;
export type AdminHomeDto = z.infer<typeof AdminHomeDto>;
