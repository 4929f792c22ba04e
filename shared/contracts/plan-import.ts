import { z } from 'zod';
import { ASSIGNMENT_ROLES, PLAN_ITEM_KINDS, UNIT_GROUPS } from '../domain.js';
import { LIMITS } from '../limits.js';
import { Id, IsoDate } from './common.js';

/** Longest plan text accepted, pasted or read from a file (about 300 pages). */
export const PLAN_TEXT_MAX = 3_000_000;

/** A unit a duty names once resolved: a registry unit or a group. */
export const ImportUnitDto = z.object({
  /** The registry unit, or null for a group. */
  orgUnitId: z.string().nullable(),
  code: z.string().nullable(),
  /** The unit's name, or the group's. */
  name: z.string(),
  group: z.enum(UNIT_GROUPS).nullable(),
});
export type ImportUnitDto = z.infer<typeof ImportUnitDto>;

export const ImportDutyDto = z.object({
  /** The name as the text writes it. */
  written: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** How it was resolved: exact (or abbreviation), successor of a pre-2025 name, near spelling, remembered mapping, none. */
  match: z.enum(['exact', 'successor', 'fuzzy', 'mapping', 'none']),
  /** null: not recognised, the officer maps it. */
  unit: ImportUnitDto.nullable(),
});

export const ImportDeadlineDto = z.object({
  kind: z.enum(['yearly', 'quarterly', 'monthly', 'once', 'vague']),
  day: z.number().int().optional(),
  month: z.number().int().optional(),
  /** A one-off deadline, YYYY-MM-DD. */
  date: z.string().optional(),
  /** The data window of a yearly report, d/m to d/m. */
  window: z.object({ from: z.string(), to: z.string() }).optional(),
  /** The words of the text. */
  text: z.string(),
});

export const ImportItemDto = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  kind: z.enum(PLAN_ITEM_KINDS),
  /** Exactly as issued. */
  label: z.string(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  /** Source line numbers the item holds. */
  lines: z.array(z.number().int()),
  duties: z.array(ImportDutyDto),
  deadlines: z.array(ImportDeadlineDto),
  /** Who the reports go to, in order (units → department → province → ministry). */
  reporting: z.array(
    z.object({ written: z.string(), unit: ImportUnitDto.nullable(), deadline: ImportDeadlineDto.optional() }),
  ),
  /** An appendix row's product. */
  product: z.string().nullable(),
});
export type ImportItemDto = z.infer<typeof ImportItemDto>;

export const LINE_ROLES = [
  'header',
  'legal_basis',
  'preamble',
  'decision',
  'item',
  'closing',
  'recipients',
  'signature',
  'boilerplate',
  'unassigned',
] as const;

export const PlanImportDto = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published']),
  sourceKind: z.enum(['text', 'pdf', 'docx']),
  fileName: z.string().nullable(),
  /** SHA-256 of the source file (of the UTF-8 text when pasted). */
  sha256: z.string(),
  /** Increases with every change; send it back with a change. */
  version: z.number().int(),
  createdAt: z.string(),
  publishedPlanId: z.string().nullable(),
  header: z.object({
    issuerParent: z.string(),
    issuer: z.string(),
    number: z.string(),
    place: z.string(),
    date: z.string(),
    docType: z.enum(['ke_hoach', 'quyet_dinh']),
    title: z.string(),
  }),
  legalBases: z.array(z.string()),
  parentDecision: z.object({ number: z.string(), date: z.string().optional(), text: z.string() }).nullable(),
  preamble: z.string(),
  decisionArticles: z.array(z.string()),
  closing: z.array(z.string()),
  recipients: z.array(z.string()),
  signerAuthority: z.array(z.string()),
  signerName: z.string(),
  /** Items in document order; the tree is given by parentKey. */
  items: z.array(ImportItemDto),
  /** Every non-empty source line and where it went. */
  lines: z.array(
    z.object({ n: z.number().int(), text: z.string(), role: z.enum(LINE_ROLES), itemKey: z.string().nullable() }),
  ),
  warnings: z.array(
    z.object({
      code: z.string(),
      line: z.number().int().nullable(),
      itemKey: z.string().nullable(),
      message: z.string(),
    }),
  ),
  coverage: z.object({
    total: z.number().int(),
    items: z.number().int(),
    parts: z.number().int(),
    boilerplate: z.number().int(),
    unassigned: z.number().int(),
    /** Share of lines placed, 0–100. */
    percent: z.number(),
  }),
  /** Names not yet mapped to a unit, with how many duties use each. */
  unresolved: z.array(z.object({ written: z.string(), count: z.number().int() })),
  abilities: z.object({ canEdit: z.boolean(), canPublish: z.boolean() }),
});
export type PlanImportDto = z.infer<typeof PlanImportDto>;

/** Pasted text (a file goes as multipart, field "file", and leaves this empty). */
export const CreatePlanImportRequest = z.strictObject({
  /** The plan's text as copied from the document. */
  text: z.string().trim().min(1).max(PLAN_TEXT_MAX).optional(),
});

const UnitChoice = {
  /** A registry unit… */
  unitId: Id.nullable().default(null),
  /** …or a group of units. */
  group: z.enum(UNIT_GROUPS).nullable().default(null),
};
const Key = z.string().trim().min(1).max(LIMITS.shortText);

export const PlanImportOp = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('setLabel'), key: Key, label: z.string().trim().min(1).max(40) }),
  z.strictObject({ op: z.literal('setTitle'), key: Key, title: z.string().trim().max(LIMITS.shortText).nullable() }),
  z.strictObject({
    op: z.literal('setDuty'),
    key: Key,
    /** The duty to change; null adds one. */
    index: z.number().int().min(0).max(200).nullable(),
    role: z.enum(ASSIGNMENT_ROLES),
    ...UnitChoice,
  }),
  z.strictObject({ op: z.literal('removeDuty'), key: Key, index: z.number().int().min(0).max(200) }),
  z.strictObject({
    op: z.literal('mapUnit'),
    /** A name as the text writes it. */
    written: z.string().trim().min(1).max(LIMITS.name),
    ...UnitChoice,
    /** Remember the mapping for later imports. */
    remember: z.boolean().default(true),
  }),
  z.strictObject({
    op: z.literal('markBoilerplate'),
    lines: z.array(z.number().int().min(1).max(10_000_000)).min(1).max(10_000),
  }),
  z.strictObject({
    op: z.literal('setHeader'),
    field: z.enum(['number', 'title', 'place', 'issuer', 'issuerParent']),
    value: z.string().trim().min(1).max(LIMITS.shortText),
  }),
  z.strictObject({ op: z.literal('setDate'), value: IsoDate }),
  /** Joins the next sibling into this item (its title and text, lines, duties, deadlines, children). */
  z.strictObject({ op: z.literal('mergeWithNext'), key: Key }),
  /** Splits an item at one of its text lines: that line and the following become a new item after it. */
  z.strictObject({
    op: z.literal('splitItem'),
    key: Key,
    line: z.number().int().min(1).max(10_000_000),
    /** The new item's label (default: the item's own). */
    label: z.string().trim().min(1).max(40).optional(),
  }),
  /** Moves an item (with its children) under another parent (null: top level), at a position among its children. */
  z.strictObject({
    op: z.literal('moveItem'),
    key: Key,
    parentKey: Key.nullable(),
    position: z.number().int().min(0).max(10_000),
  }),
]);
export type PlanImportOp = z.infer<typeof PlanImportOp>;

export const UpdatePlanImportRequest = z.strictObject({
  /** The version read; a stale one answers 409. */
  version: z.number().int().min(1),
  ops: z.array(PlanImportOp).min(1).max(500),
});
export type UpdatePlanImportRequest = z.infer<typeof UpdatePlanImportRequest>;

export const PublishPlanImportResponse = z.object({
  importId: z.string(),
  /** The plan created, as version 1. */
  planId: z.string(),
});

export const PublishPlanImportRequest = z.strictObject({
  /** The version reviewed; a stale one answers 409. */
  version: z.number().int().min(1),
});

export const PlanImportListResponse = z.object({ data: z.array(PlanImportDto) });
