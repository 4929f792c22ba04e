import { z } from 'zod';
import { REGISTRY_KIND_NAMES } from '../registry-kinds.js';
import { Id, IsoDate, PageQuery, paged, SortDir } from './common.js';
import { EnterpriseHistoryEntry, EvidenceDto, ImportProblem } from './registries.js';

export { EvidenceDto };

// The generic registries (shared/registry-kinds.ts): one set of routes for every kind. The body's
// `data` is checked by the kind's definition in the service (shared/registry-values.ts), so a
// refusal names the field as the form shows it.

export const RegistryKindName = z.enum(REGISTRY_KIND_NAMES);

/** Bounds of a record. */
export const RECORD_LIMITS = { planItems: 20, dataKeys: 40 } as const;

const PlanItemKeys = z.array(z.string().trim().min(1).max(40)).max(RECORD_LIMITS.planItems);
const Data = z.record(z.string().max(60), z.unknown());

/** POST /api/v1/registries/records */
export const CreateRecordRequest = z.strictObject({
  kind: RegistryKindName,
  /** The reporting unit: a unit officer's own (the default); the focal department may name another. */
  unitId: Id.optional(),
  /** Plan item keys (II-NV.1, IV.4…) of the plan in force. */
  planItemKeys: PlanItemKeys.default([]),
  /** The kind's fields, by key. */
  data: Data,
});
export type CreateRecordRequest = z.infer<typeof CreateRecordRequest>;

/** PATCH /api/v1/registries/records/:id — the whole data and plan items, with the version read. */
export const UpdateRecordRequest = z.strictObject({
  version: z.number().int().min(1),
  planItemKeys: PlanItemKeys.optional(),
  data: Data.optional(),
});
export type UpdateRecordRequest = z.infer<typeof UpdateRecordRequest>;

export const RECORD_SORTS = ['date', 'title', 'unit', 'updatedAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** GET /api/v1/registries/records?kind= */
export const ListRecordsQuery = PageQuery.extend({
  kind: RegistryKindName,
  /** Only this reporting unit's records. */
  unitId: Id.optional(),
  /** Only records whose dates meet this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only records whose dates meet [from, to] (Vietnamese days, inclusive). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(RECORD_SORTS).default('date'),
  dir: SortDir('desc'),
});
export type ListRecordsQuery = z.infer<typeof ListRecordsQuery>;

export const ExportRecordsQuery = ListRecordsQuery.omit({ page: true, pageSize: true });
export const ImportRecordsQuery = z.strictObject({ kind: RegistryKindName });

const UnitRef = z.object({ id: Id, name: z.string() }).nullable();
/** A field's value as stored: text, number, date, option, tax code, commune id, or a list of them. */
const Value = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);

/** One row of a list. */
export const RecordSummary = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  unit: UnitRef,
  occurredOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  data: z.record(z.string(), Value),
  /** Names of the enterprises (by tax code) and communes (by id) the data refers to. */
  refs: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const RecordListResponse = paged(RecordSummary);
export type RecordListResponse = z.infer<typeof RecordListResponse>;

/** GET /api/v1/registries/records/:id */
export const RecordDto = RecordSummary.extend({
  planItemKeys: z.array(z.string()),
  planItems: z.array(z.object({ key: z.string(), label: z.string().nullable(), title: z.string().nullable() })),
  version: z.number().int(),
  createdAt: z.string(),
  attachments: z.array(EvidenceDto),
  history: z.array(EnterpriseHistoryEntry),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type RecordDto = z.infer<typeof RecordDto>;

export const RecordImportResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(ImportProblem),
});
export type RecordImportResponse = z.infer<typeof RecordImportResponse>;

export const EvidenceParams = z.strictObject({ id: Id, attachmentId: Id });
export const EvidenceListResponse = z.object({ data: z.array(EvidenceDto) });

/** The portal's list of bio-products (no personal data). */
export const PublicBioProduct = z.object({
  id: Id,
  name: z.string(),
  producerName: z.string().nullable(),
  wasteStreams: z.array(z.string()),
  registrationNumber: z.string().nullable(),
  communes: z.array(z.string()),
});
export type PublicBioProduct = z.infer<typeof PublicBioProduct>;
export const PublicBioProductList = paged(PublicBioProduct);
export type PublicBioProductList = z.infer<typeof PublicBioProductList>;
