import { z } from 'zod';
import { WASTE_STREAMS } from '../domain.js';
import { normaliseTaxCode, taxCodeMessage, taxCodeProblem } from '../tax-code.js';
import { Id, IsoDate, namedText, PageQuery, paged, SortDir } from './common.js';

/** Vietnamese labels of the waste streams a product treats (the fixed list of the plan). */
export const WASTE_STREAM_LABELS: Record<(typeof WASTE_STREAMS)[number], string> = {
  agri: 'Nông/lâm/thủy sản',
  medical: 'Y tế',
  industrial: 'Công nghiệp',
  domestic: 'Sinh hoạt',
};

/** Bounds of the enterprise record. */
export const ENTERPRISE_LIMITS = {
  name: 300,
  sector: 200,
  products: 50,
  years: 50,
  note: 2_000,
  planItems: 20,
  firstYear: 2000,
  lastYear: 2100,
} as const;

const Year = z.coerce.number().int().min(ENTERPRISE_LIMITS.firstYear).max(ENTERPRISE_LIMITS.lastYear);

/** A tax code: spaces removed, 10 digits or 10-3, with a valid check digit (shared/tax-code.ts). */
export const TaxCode = z
  .string()
  .transform(normaliseTaxCode)
  .superRefine((value, ctx) => {
    const problem = taxCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: taxCodeMessage(problem) });
  });

/** A product of the enterprise and the waste streams it treats. */
export const EnterpriseProduct = z.strictObject({
  /** Product or production line name. */
  name: namedText('Tên sản phẩm', ENTERPRISE_LIMITS.name),
  /** Waste streams it treats. */
  wasteStreams: z.array(z.enum(WASTE_STREAMS)).max(WASTE_STREAMS.length),
});
export type EnterpriseProduct = z.infer<typeof EnterpriseProduct>;

const EnterpriseFields = {
  /** Enterprise name. */
  name: namedText('Tên doanh nghiệp', ENTERPRISE_LIMITS.name),
  /** Xã/phường of the address: an org unit of kind commune or ward, valid at the record's date. */
  communeId: Id.nullable().default(null),
  /** Sector (ngành nghề). */
  sector: z.string().trim().max(ENTERPRISE_LIMITS.sector).default(''),
  /** Years in which it produced bio-preparations for waste treatment at industrial scale. */
  industrialYears: z.array(Year).max(ENTERPRISE_LIMITS.years).default([]),
  /** Products and production lines. */
  products: z.array(EnterpriseProduct).max(ENTERPRISE_LIMITS.products).default([]),
  /** Plan items the record serves. */
  planItemIds: z.array(Id).max(ENTERPRISE_LIMITS.planItems).default([]),
};

/** POST /api/v1/registries/enterprises */
export const CreateEnterpriseRequest = z.strictObject({
  /** Mã số thuế: the enterprise's identity. */
  taxCode: TaxCode,
  ...EnterpriseFields,
});
export type CreateEnterpriseRequest = z.infer<typeof CreateEnterpriseRequest>;

/** PATCH /api/v1/registries/enterprises/:id — the fields to change, with the version read. */
export const UpdateEnterpriseRequest = z.strictObject({
  /** The record's version the change is based on (409 when it moved on). */
  version: z.number().int().min(1),
  name: EnterpriseFields.name.optional(),
  communeId: Id.nullable().optional(),
  sector: z.string().trim().max(ENTERPRISE_LIMITS.sector).optional(),
  industrialYears: z.array(Year).max(ENTERPRISE_LIMITS.years).optional(),
  products: z.array(EnterpriseProduct).max(ENTERPRISE_LIMITS.products).optional(),
  planItemIds: z.array(Id).max(ENTERPRISE_LIMITS.planItems).optional(),
});
export type UpdateEnterpriseRequest = z.infer<typeof UpdateEnterpriseRequest>;

/** POST /api/v1/registries/enterprises/:id/observations — a unit's observation of the firm. */
export const CreateObservationRequest = z.strictObject({
  /** Year observed. */
  year: Year,
  /** What the unit observed. */
  note: z.string().trim().max(ENTERPRISE_LIMITS.note),
});
export type CreateObservationRequest = z.infer<typeof CreateObservationRequest>;

export const ENTERPRISE_SORTS = ['name', 'taxCode', 'updatedAt', 'commune'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

/** GET /api/v1/registries/enterprises */
export const ListEnterprisesQuery = PageQuery.extend({
  /** Only enterprises whose address is in this xã/phường. */
  communeId: Id.optional(),
  /** Only enterprises producing at industrial scale in this year. */
  industrialYear: Year.optional(),
  /** Only enterprises this unit recorded or observed (the records behind a unit's derived DN-01). */
  reportedBy: Id.optional(),
  /** Sort column. */
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
  /** Sort direction. */
  dir: SortDir('asc'),
});
export type ListEnterprisesQuery = z.infer<typeof ListEnterprisesQuery>;

/** GET /api/v1/registries/enterprises/lookup?taxCode= */
export const LookupEnterpriseQuery = z.strictObject({ taxCode: TaxCode });

/** GET /api/v1/registries/enterprises/count?year= */
export const CountEnterprisesQuery = z.strictObject({ year: Year });

export const EnterpriseCountResponse = z.object({
  /** The year counted. */
  year: z.number().int(),
  /** DN-01: enterprises producing at industrial scale in the year, each once by tax code. */
  count: z.number().int(),
});

const UnitRef = z.object({ id: Id, name: z.string() }).nullable();

/** One row of the province-wide list. */
export const EnterpriseSummary = z.object({
  id: Id,
  taxCode: z.string(),
  name: z.string(),
  /** Xã/phường of the address. */
  commune: UnitRef,
  sector: z.string(),
  industrialYears: z.array(z.number().int()),
  /** The reporting unit that created the record. */
  reportingUnit: UnitRef,
  /** Number of observations by units. */
  observationCount: z.number().int(),
  updatedAt: z.string(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const EnterpriseListResponse = paged(EnterpriseSummary);
export type EnterpriseListResponse = z.infer<typeof EnterpriseListResponse>;

/** A unit's observation of an enterprise. */
export const ObservationDto = z.object({
  id: Id,
  unit: UnitRef,
  year: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
});
export type ObservationDto = z.infer<typeof ObservationDto>;

/** One change of the record, read from the audit log. */
export const EnterpriseHistoryEntry = z.object({
  at: z.string(),
  /** Who made it (e-mail of the account). */
  actor: z.string().nullable(),
  /** What: enterprise.create, enterprise.update, enterprise.observe, enterprise.import. */
  action: z.string(),
  /** Changed fields: before and after. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type EnterpriseHistoryEntry = z.infer<typeof EnterpriseHistoryEntry>;

/** An evidence file attached to a registry record or an enterprise. */
export const EvidenceDto = z.object({
  id: Id,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type EvidenceDto = z.infer<typeof EvidenceDto>;

/** GET /api/v1/registries/enterprises/:id */
export const EnterpriseDto = EnterpriseSummary.extend({
  products: z.array(EnterpriseProduct),
  planItemIds: z.array(Id),
  /** The plan items of the current plan version, with their label and title. */
  planItems: z.array(z.object({ id: Id, key: z.string(), label: z.string(), title: z.string().nullable() })),
  /** The date the record was made; the xã/phường must be valid at it. */
  recordDate: IsoDate,
  version: z.number().int(),
  observations: z.array(ObservationDto),
  history: z.array(EnterpriseHistoryEntry),
  /** Evidence files. */
  attachments: z.array(EvidenceDto),
  abilities: z.object({ canEdit: z.boolean(), canObserve: z.boolean() }),
});
export type EnterpriseDto = z.infer<typeof EnterpriseDto>;

/** The lookup's answer: the existing firm with this tax code, if any. */
export const LookupEnterpriseResponse = z.object({
  enterprise: z.object({ id: Id, name: z.string(), taxCode: z.string() }).nullable(),
});
export type LookupEnterpriseResponse = z.infer<typeof LookupEnterpriseResponse>;

/** A refused cell of an imported workbook. */
export const ImportProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** POST /api/v1/registries/enterprises/import.xlsx — nothing is saved when a cell is refused. */
export const EnterpriseImportResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(ImportProblem),
});
export type EnterpriseImportResponse = z.infer<typeof EnterpriseImportResponse>;
