import { z } from 'zod';
import { TARGET_CHANGE_KINDS, TARGET_DIRECTIONS } from '../targets.js';

/** A target of a plan version, as read (GET /api/v1/plans/:id/targets and the portal). */
export const TargetDto = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  indicatorNameEn: z.string(),
  /** The indicator's unit: "doanh nghiệp". */
  indicatorUnit: z.string(),
  /** The baseline: its value is null while not entered ("chưa có"). */
  baseline: z.object({ year: z.number().int().nullable(), value: z.number().nullable() }),
  /** The target year with either a value or a change against the baseline. */
  target: z.object({
    year: z.number().int(),
    value: z.number().nullable(),
    change: z.object({ kind: z.enum(TARGET_CHANGE_KINDS), amount: z.number() }).nullable(),
  }),
  direction: z.enum(TARGET_DIRECTIONS),
  /** The document that set it: "QĐ 1639/QĐ-TTg". */
  source: z.string(),
  /** The target as a value: given, or computed from the baseline; null while the baseline is not known. */
  targetValue: z.number().nullable(),
});
export type TargetDto = z.infer<typeof TargetDto>;

export const TargetListQuery = z.strictObject({
  /** The plan version (default: the version in force). */
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** GET /api/v1/plans/:id/targets */
export const TargetListResponse = z.object({
  planId: z.string(),
  /** The version the targets belong to. */
  version: z.number().int(),
  data: z.array(TargetDto),
});
export type TargetListResponse = z.infer<typeof TargetListResponse>;

const Year = z.number().int();
/** Figures of a target: bounded so that a computed target value stays a finite number. */
const Amount = z.number().min(-1e12).max(1e12);

/**
 * A target in an amendment change. `add` needs every field but the baseline value (and the
 * baseline year when the target is a value); `update` replaces the given fields of the target as
 * it stands (null clears); `remove` needs only `indicatorCode`. The checks (shared/targets.ts
 * `validateTarget`) answer 400 naming `changes.N.target.<field>`.
 */
export const TargetChangeInput = z.strictObject({
  indicatorCode: z.string().trim().min(1).max(40),
  baselineYear: Year.nullable().optional(),
  baselineValue: Amount.nullable().optional(),
  targetYear: Year.optional(),
  targetValue: Amount.nullable().optional(),
  changeKind: z.enum(TARGET_CHANGE_KINDS).nullable().optional(),
  changeAmount: Amount.nullable().optional(),
  direction: z.enum(TARGET_DIRECTIONS).optional(),
  source: z.string().trim().max(200).optional(),
});
export type TargetChangeInput = z.infer<typeof TargetChangeInput>;

/** A target change in an amendment as the leader reads it: the target before and as proposed. */
export const AmendmentTargetChangeDto = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  indicatorUnit: z.string(),
  /** The target in the version the proposal was based on (update, remove); null when added. */
  before: TargetDto.nullable(),
  /** The target as proposed (add, update); null when removed. */
  after: TargetDto.nullable(),
});
export type AmendmentTargetChangeDto = z.infer<typeof AmendmentTargetChangeDto>;

export const TARGET_DIFF_FIELDS = ['baseline', 'target', 'direction', 'source'] as const;

/** One target that differs between two versions, by indicator. */
export const DiffTargetDto = z.object({
  indicatorCode: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.enum(TARGET_DIFF_FIELDS)),
  before: TargetDto.nullable(),
  after: TargetDto.nullable(),
});
export type DiffTargetDto = z.infer<typeof DiffTargetDto>;
