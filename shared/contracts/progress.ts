// Contracts of the progress dashboards (server/features/progress/, client/features/progress/):
// figures computed live from the cycles' accepted reports, each with the sentence saying how.
import { z } from 'zod';
import { ACTIVITY_STATUSES } from './activities.js';
import { Id } from './common.js';

/** The figures a dashboard draws; each exports its table as CSV or XLSX. */
export const FIGURE_IDS = [
  'items',
  'indicator-years',
  'indicator-streams',
  'indicator-kinds',
  'indicator-localities',
  'timeliness',
  'difficulties',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

const Cell = z.union([z.string(), z.number(), z.null()]);

/** A figure's data as a table: what the CSV and XLSX exports hold. */
export const FigureTable = z.object({ columns: z.array(z.string()), rows: z.array(z.array(Cell)) });
export type FigureTable = z.infer<typeof FigureTable>;

export const ChartSeries = z.object({
  name: z.string(),
  type: z.enum(['line', 'bar']),
  data: z.array(z.number().nullable()),
  /** Bars stacked on each other share a stack name. */
  stack: z.string().nullable(),
  /** The target line: drawn dashed, joining its points. */
  isTarget: z.boolean(),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

export const FigureDto = z.object({
  id: z.enum(FIGURE_IDS),
  title: z.string(),
  /** One sentence: how the figure was computed and from what. */
  method: z.string(),
  chart: z
    .object({
      categories: z.array(z.string()),
      series: z.array(ChartSeries),
      /** The value axis' unit ("tấn", "đơn vị"). */
      unit: z.string(),
      /** Bars laid horizontally (long category names). */
      horizontal: z.boolean(),
    })
    .nullable(),
  table: FigureTable,
});
export type FigureDto = z.infer<typeof FigureDto>;

export const CycleRef = z.object({
  id: Id,
  year: z.number().int(),
  status: z.enum(['open', 'closed']),
});
export type CycleRef = z.infer<typeof CycleRef>;

export const ProgressQuery = z.strictObject({
  /** The plan (default: the first plan). */
  planId: Id.optional(),
  /** The cycle's year (default: the latest cycle). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** An indicator code of the catalogue (default: the first numeric one). */
  indicator: z.string().trim().min(1).max(20).optional(),
});
export type ProgressQuery = z.infer<typeof ProgressQuery>;

export const FigureExportQuery = ProgressQuery.extend({
  figure: z.enum(FIGURE_IDS),
  format: z.enum(['csv', 'xlsx']),
});
export type FigureExportQuery = z.infer<typeof FigureExportQuery>;

const Excerpt = z.object({ reportId: Id, unitName: z.string(), excerpt: z.string() });

export const ItemProgressDto = z.object({
  key: z.string(),
  /** How the plan cites it: "mục II.1 phần Nhiệm vụ". */
  citation: z.string(),
  title: z.string(),
  assigned: z.number().int(),
  reporting: z.number().int(),
  /** The latest accepted results written for the item, newest first. */
  excerpts: z.array(Excerpt),
  /** Every accepted report writing a result for the item (what "reporting" counts), by unit name. */
  reports: z.array(z.object({ reportId: Id, unitName: z.string() })),
  /** The plan's activities serving the item, per status (every status, in the list's order). */
  activities: z.array(z.object({ status: z.enum(ACTIVITY_STATUSES), count: z.number().int() })),
  activitiesTotal: z.number().int(),
  /** The registries the item's indicators are derived from, each as its list over the cycle's window. */
  registries: z.array(z.object({ indicatorCode: z.string(), link: z.string() })),
});
export type ItemProgressDto = z.infer<typeof ItemProgressDto>;

/** The plan a dashboard reads. */
export const PlanRef = z.object({ id: Id, number: z.string(), title: z.string() });
export type PlanRef = z.infer<typeof PlanRef>;

export const ItemsResponse = z.object({
  plan: PlanRef,
  cycles: z.array(CycleRef),
  cycle: CycleRef.nullable(),
  figure: FigureDto,
  items: z.array(ItemProgressDto),
});
export type ItemsResponse = z.infer<typeof ItemsResponse>;

export const IndicatorRef = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  valueType: z.enum(['number', 'integer', 'percent', 'boolean']),
});
export type IndicatorRef = z.infer<typeof IndicatorRef>;

/** A plan this one replaced (directly or through another), whose years continue the indicator's series. */
export const EarlierPlanRef = PlanRef.extend({
  /** The years of its cycles shown in the series (those the newer plans have no cycle for). */
  years: z.array(z.number().int()),
});
export type EarlierPlanRef = z.infer<typeof EarlierPlanRef>;

export const IndicatorsResponse = z.object({
  plan: PlanRef,
  /** Replaced plans whose accepted reports continue the series for this indicator code, nearest first. */
  earlierPlans: z.array(EarlierPlanRef),
  cycles: z.array(CycleRef),
  cycle: CycleRef.nullable(),
  indicators: z.array(IndicatorRef),
  indicator: IndicatorRef,
  /** The target in force for the indicator, if the plan has one. */
  target: z.object({ year: z.number().int(), value: z.number(), text: z.string() }).nullable(),
  /** indicator-years, indicator-streams, indicator-kinds, indicator-localities. */
  figures: z.array(FigureDto),
});
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

export const DifficultyDto = z.object({
  key: z.string(),
  citation: z.string(),
  title: z.string(),
  difficulties: z.number().int(),
  proposals: z.number().int(),
  deskItems: z.number().int(),
  answered: z.number().int(),
  /** The reports raising it (first few), to open. */
  reportIds: z.array(Id),
});
export type DifficultyDto = z.infer<typeof DifficultyDto>;

export const TimelinessResponse = z.object({
  cycles: z.array(CycleRef),
  cycle: CycleRef.nullable(),
  /** timeliness, difficulties. */
  figures: z.array(FigureDto),
  difficulties: z.array(DifficultyDto),
});
export type TimelinessResponse = z.infer<typeof TimelinessResponse>;

export const OverviewIndicatorDto = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
  target: z.object({ year: z.number().int(), value: z.number() }).nullable(),
});

export const OverviewResponse = z.object({
  plan: z.object({ id: Id, number: z.string(), title: z.string() }),
  cycle: CycleRef.extend({ deadline: z.string() }).nullable(),
  completeness: z
    .object({
      expected: z.number().int(),
      submitted: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
      accepted: z.number().int(),
      method: z.string(),
    })
    .nullable(),
  indicators: z.array(OverviewIndicatorDto),
  indicatorsMethod: z.string(),
  itemsWithoutReport: z.array(z.object({ key: z.string(), citation: z.string(), title: z.string() })),
  itemsMethod: z.string(),
  difficulties: z.array(
    z.object({ key: z.string(), citation: z.string(), title: z.string(), count: z.number().int() }),
  ),
  difficultiesMethod: z.string(),
  /** When the figures were computed. */
  at: z.string(),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;
