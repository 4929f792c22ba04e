import { z } from 'zod';
import { ASSIGNMENT_ROLES, PLAN_ITEM_KINDS, UNIT_GROUPS } from '../domain.js';
import { LIMITS } from '../limits.js';
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

export const PlanSummaryDto = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  title: z.string(),
  scope: z.string(),
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

export const GetPlanQuery = z.strictObject({
  /** Plan version number (default: current). */
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const PlanItemsQuery = z.strictObject({
  q: z.string().trim().max(LIMITS.search).optional(),
  /** Only items the signed-in unit officer's unit holds. */
  mine: z.enum(['true', 'false']).optional(),
  version: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const PlanItemListResponse = z.object({ data: z.array(PlanItemDto) });
