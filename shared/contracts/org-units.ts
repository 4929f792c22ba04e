import { z } from 'zod';
import { ORG_UNIT_KINDS, SUCCESSION_KINDS } from '../domain.js';
import { IsoDate, PageQuery, paged } from './common.js';

export const OrgUnitDto = z.object({
  id: z.string(),
  /** National code where one exists (83, 86, 28756…), otherwise a stable local key. */
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: z.string().nullable(),
  /** First day of validity; null when it predates the records. */
  validFrom: z.string().nullable(),
  /** Last day of validity; null while the unit exists. */
  validTo: z.string().nullable(),
  postalCode: z.string().nullable(),
});
export type OrgUnitDto = z.infer<typeof OrgUnitDto>;

export const SuccessionDto = z.object({
  kind: z.enum(SUCCESSION_KINDS),
  date: z.string(),
  note: z.string().nullable(),
  unit: OrgUnitDto,
});
export type SuccessionDto = z.infer<typeof SuccessionDto>;

export const OrgUnitDetailDto = OrgUnitDto.extend({
  parent: OrgUnitDto.nullable(),
  predecessors: z.array(SuccessionDto),
  successors: z.array(SuccessionDto),
});
export type OrgUnitDetailDto = z.infer<typeof OrgUnitDetailDto>;

export const ListOrgUnitsQuery = PageQuery.extend({
  /** Units valid on this date (default: today in Vietnam). */
  asOf: IsoDate.optional(),
  kind: z.enum(ORG_UNIT_KINDS).optional(),
});
export type ListOrgUnitsQuery = z.infer<typeof ListOrgUnitsQuery>;

export const OrgUnitListResponse = paged(OrgUnitDto);
