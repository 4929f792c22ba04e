import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate } from './common.js';

// Contracts of the consolidated provincial report (issue 4): the editable draft of a cycle, its
// Word documents, and the Excel export, template and import. Server routes and client share them.

/** Parts of the report: I. Tình hình triển khai, II. Kết quả thực hiện, IV. Khó khăn, vướng mắc, V. Đề xuất, kiến nghị. */
export const CONSOLIDATION_PARTS = ['implementation', 'results', 'difficulties', 'proposals'] as const;
export const ConsolidationPart = z.enum(CONSOLIDATION_PARTS);
export type ConsolidationPart = z.infer<typeof ConsolidationPart>;

/** State of a background job (generation or rendering), for a progress bar. */
export const JobStateDto = z.object({
  id: z.string(),
  /** consolidation.generate or consolidation.render. */
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  /** 0–100. */
  progress: z.number().int(),
  /** Current step, in Vietnamese. */
  progressNote: z.string().nullable(),
  /** Error message when failed. */
  error: z.string().nullable(),
  /** For a render job that succeeded: the document made. */
  documentId: z.string().nullable(),
});
export type JobStateDto = z.infer<typeof JobStateDto>;

/** One paragraph of the draft. */
export const ParagraphDto = z.object({
  id: z.string(),
  part: ConsolidationPart,
  /** Plan item key of the task or solution in part "results" (e.g. "II-NV.1"), "other", or "" for the part as a whole. */
  itemKey: z.string(),
  text: z.string(),
  /** The unit and report it was compiled from; null when added by hand. */
  source: z.object({ unitId: z.string().nullable(), unitName: z.string(), reportId: z.string().nullable() }).nullable(),
  /** Compiled from a submitted report not yet accepted. */
  isProvisional: z.boolean(),
  /** Edited by the officer (a regeneration keeps the edit). */
  isEdited: z.boolean(),
  /** Added by the latest generation (not the first). */
  isNew: z.boolean(),
  /** Its text was updated from the source by the latest generation. */
  isUpdated: z.boolean(),
  /** The source changed after the officer edited it; the edit was kept. */
  sourceChanged: z.boolean(),
});
export type ParagraphDto = z.infer<typeof ParagraphDto>;

/** A group heading of the draft (a part, or a task/solution of part II). */
export const DraftGroupDto = z.object({
  part: ConsolidationPart,
  itemKey: z.string(),
  /** Heading as printed, e.g. "1. Phát triển khoa học và công nghệ phục vụ công nghiệp sinh học". */
  heading: z.string(),
  /** The plan item as cited by its labels as issued, e.g. "mục II.1 phần Nhiệm vụ kế hoạch"; '' for a whole part. */
  citation: z.string(),
});
export type DraftGroupDto = z.infer<typeof DraftGroupDto>;

/** A stored Word file of the draft. */
export const GeneratedDocumentDto = z.object({
  id: z.string(),
  fileName: z.string(),
  /** SHA-256 of the file, hex. */
  sha256: z.string(),
  size: z.number().int(),
  /** Draft version it was made from. */
  sourceVersion: z.number().int(),
  /** True when the draft has not changed since. */
  isCurrent: z.boolean(),
  createdAt: z.string(),
});
export type GeneratedDocumentDto = z.infer<typeof GeneratedDocumentDto>;

/** Document header and signature settings (Nghị định 30/2020). */
export const DocumentSettings = z.object({
  /** Parent agency, e.g. "UBND TỈNH VĨNH LONG". */
  parentAgency: z.string(),
  /** Issuing agency, e.g. "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG". */
  agency: z.string(),
  /** Agency abbreviation in the symbol, e.g. "SNNMT" → "Số: 01/BC-SNNMT". */
  agencyAbbreviation: z.string(),
  /** Number in the year (null: left blank, filled at registration). */
  documentNumber: z.number().int().nullable(),
  /** Place of the date line, e.g. "Vĩnh Long". */
  place: z.string(),
  /** Date of the document (YYYY-MM-DD). */
  documentDate: z.string(),
  /** Summary (trích yếu). */
  title: z.string(),
  /** "Kính gửi" recipient. */
  recipient: z.string(),
  /** "Nơi nhận" lines. */
  copyTo: z.array(z.string()),
  /** e.g. "KT. GIÁM ĐỐC". */
  signerAuthority: z.string(),
  /** e.g. "PHÓ GIÁM ĐỐC". */
  signerTitle: z.string(),
  /** Signer's name (no academic titles). */
  signerName: z.string(),
});
export type DocumentSettings = z.infer<typeof DocumentSettings>;

/** One row of the indicator table (part III). */
export const IndicatorTotalDto = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  byWasteStream: z.boolean(),
  streams: z.array(z.object({ stream: z.string(), value: z.number().nullable(), previous: z.number().nullable() })),
  total: z.number().nullable(),
  previousTotal: z.number().nullable(),
  reporting: z.number().int(),
  /** Derived from the registries province-wide, de-duplicated: the method and the units' typed sum it replaced. */
  derived: z.object({ method: z.string(), unitsSum: z.number().nullable() }).nullable().optional(),
});

/** One expected unit in the annex. */
export const AnnexUnitDto = z.object({
  orgUnitId: z.string(),
  code: z.string(),
  name: z.string(),
  timing: z.enum(['on_time', 'late', 'missing']),
  reportStatus: z.enum(['none', 'draft', 'submitted', 'returned', 'accepted']),
  included: z.boolean(),
  daysLate: z.number().int(),
  submittedAt: z.string().nullable(),
});

export const ConsolidationDto = z.object({
  id: z.string(),
  cycleId: z.string(),
  year: z.number().int(),
  /** Optimistic-concurrency version; send it back with each PATCH. */
  version: z.number().int(),
  /** generating (first generation running), ready, failed. */
  status: z.enum(['generating', 'ready', 'failed']),
  includeSubmitted: z.boolean(),
  generation: z.number().int(),
  generatedAt: z.string().nullable(),
  /** The running or latest job (generation or rendering). */
  job: JobStateDto.nullable(),
  settings: DocumentSettings,
  groups: z.array(DraftGroupDto),
  /** Paragraphs in order (removed ones are left out). */
  paragraphs: z.array(ParagraphDto),
  removedCount: z.number().int(),
  /** What the latest generation brought: paragraphs added and updated, and the units they came from. */
  sinceLast: z.object({ added: z.number().int(), updated: z.number().int(), units: z.array(z.string()) }),
  indicators: z.array(IndicatorTotalDto),
  units: z.array(AnnexUnitDto),
  previousYear: z.number().int().nullable(),
  /** The compiled set, as the document's "trên cơ sở báo cáo của N/M" says it. */
  counts: z.object({
    /** M: units a report is expected from (the compiling department is not one, unless it reported). */
    expected: z.number().int(),
    /** N: reports compiled (accepted, and submitted ones when `includeSubmitted`). */
    compiled: z.number().int(),
    /** Of the compiled, those submitted but not yet accepted (marked "chưa tiếp nhận"). */
    provisional: z.number().int(),
    /** Returned reports: never compiled. */
    returned: z.number().int(),
  }),
  /** The officer's approval of the draft for signature; null when never approved. */
  approval: z
    .object({
      at: z.string(),
      by: z.string().nullable(),
      /** True while the draft is as approved; any later change makes the file a draft ("DỰ THẢO") again. */
      isCurrent: z.boolean(),
    })
    .nullable(),
  documents: z.array(GeneratedDocumentDto),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  abilities: z.object({ canEdit: z.boolean(), canGenerate: z.boolean(), canApprove: z.boolean() }),
});
export type ConsolidationDto = z.infer<typeof ConsolidationDto>;

/** POST /api/v1/cycles/:id/consolidation — create or refresh the draft (a job). */
export const GenerateConsolidationRequest = z
  .strictObject({
    /** Compile submitted reports not yet accepted too (marked provisional). Default false. */
    includeSubmitted: z.boolean().optional(),
  })
  .optional();
export type GenerateConsolidationRequest = z.infer<typeof GenerateConsolidationRequest>;

const Text = z.string().trim().max(LIMITS.longText);
const Line = z.string().trim().max(LIMITS.shortText);

/** One edit of the draft. */
export const DraftOperation = z.discriminatedUnion('op', [
  /** Change a paragraph's text. */
  z.strictObject({ op: z.literal('update'), id: Id, text: Text.min(1) }),
  /** Remove a paragraph (a regeneration does not bring it back). */
  z.strictObject({ op: z.literal('remove'), id: Id }),
  /** Move a paragraph one place up (-1) or down (+1) within its group. */
  z.strictObject({ op: z.literal('move'), id: Id, offset: z.union([z.literal(-1), z.literal(1)]) }),
  /** Add a paragraph at the end of a group, or after a paragraph. */
  z.strictObject({
    op: z.literal('add'),
    part: ConsolidationPart,
    itemKey: z.string().trim().max(40).default(''),
    afterId: Id.optional(),
    text: Text.min(1),
  }),
]);
export type DraftOperation = z.infer<typeof DraftOperation>;

/** PATCH /api/v1/cycles/:id/consolidation — edits and settings; 409 when `version` is stale. */
export const UpdateConsolidationRequest = z.strictObject({
  version: z.number().int().min(1),
  operations: z.array(DraftOperation).max(500).default([]),
  settings: z
    .strictObject({
      parentAgency: Line.optional(),
      agency: Line.min(1).optional(),
      agencyAbbreviation: z
        .string()
        .trim()
        .min(1)
        .max(20)
        .regex(/^[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&]+)*$/u, 'chữ in hoa, số, dấu gạch ngang')
        .optional(),
      documentNumber: z.number().int().min(1).max(9999).nullable().optional(),
      place: Line.min(1).optional(),
      documentDate: IsoDate.optional(),
      title: Line.min(1).optional(),
      recipient: Line.min(1).optional(),
      copyTo: z.array(Line.min(1)).max(30).optional(),
      signerAuthority: Line.optional(),
      signerTitle: Line.optional(),
      signerName: z.string().trim().max(120).optional(),
    })
    .optional(),
});
export type UpdateConsolidationRequest = z.infer<typeof UpdateConsolidationRequest>;

/** POST /api/v1/cycles/:id/consolidation/approve — approve the draft as it stands (its version) for signature. */
export const ApproveConsolidationRequest = z.strictObject({ version: z.number().int().min(1) });
export type ApproveConsolidationRequest = z.infer<typeof ApproveConsolidationRequest>;

/** POST /api/v1/cycles/:id/consolidation/document — render the Word file (a job). */
export const RenderJobResponse = z.object({ job: JobStateDto });

export const DocumentParams = z.strictObject({ id: Id, documentId: Id });

/** One refused cell of an imported workbook. */
export const RefusedCellDto = z.object({
  /** Sheet name, e.g. "Chỉ tiêu". */
  sheet: z.string(),
  /** Cell, e.g. "D7". */
  cell: z.string(),
  /** "Chỉ tiêu!D7". */
  address: z.string(),
  /** Why, in the request's language. */
  reason: z.string(),
});
export type RefusedCellDto = z.infer<typeof RefusedCellDto>;

/** A value of a report cell: a number, yes/no, a text, or null (empty). */
const CellValue = z.union([z.number(), z.boolean(), z.string()]).nullable();

/** One value an import changed (or would change). */
export const ImportChangeDto = z.object({
  /** "CODE|stream" ("XL-01|medical", "DN-01|"). */
  key: z.string(),
  indicatorCode: z.string(),
  wasteStream: z.string().nullable(),
  /** The indicator (and waste stream) in the request's language. */
  label: z.string(),
  /** The file's cell, e.g. "D9". */
  cell: z.string(),
  before: CellValue,
  after: CellValue,
});
export type ImportChangeDto = z.infer<typeof ImportChangeDto>;

/** A cell changed both in the file and in the report since the template was made. */
export const ImportConflictDto = z.object({
  key: z.string(),
  indicatorCode: z.string(),
  wasteStream: z.string().nullable(),
  label: z.string(),
  cell: z.string(),
  /** "Chỉ tiêu!D9". */
  address: z.string(),
  /** What the file holds (null: the officer cleared it). */
  fileValue: CellValue,
  /** What the report holds now. */
  currentValue: CellValue,
  /** What the template held when it was made (null when unknown or empty). */
  templateValue: CellValue,
  /** Who changed the report last after the template was made, and when (ISO). */
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});
export type ImportConflictDto = z.infer<typeof ImportConflictDto>;

/**
 * POST /api/v1/reports/:id/import.xlsx (multipart: field "file"; optional "clearBlanks" = "true"
 * to clear the values of blank cells; "resolve" = "file" | "current" for every conflict; "choices"
 * = JSON `{ "<key>": "file" | "current" }` per conflicting cell; query "version").
 */
export const ImportResultDto = z.object({
  reportId: z.string(),
  /**
   * "applied": the changes were saved (or there were none); "conflicts": the file was made from
   * an older version and some cells were changed on both sides — nothing was saved, choose.
   */
  status: z.enum(['applied', 'conflicts']),
  /** The report version the template was made from (null for a file that does not say). */
  templateVersion: z.number().int().nullable(),
  /** Report version after the import (unchanged when nothing changed). */
  version: z.number().int(),
  /** Values read from the file and accepted. */
  accepted: z.number().int(),
  /** Values that differ from the report and were saved. */
  changed: z.number().int(),
  /** Exactly which values changed, before → after. */
  changes: z.array(ImportChangeDto),
  /** Cells to choose for (status "conflicts"). */
  conflicts: z.array(ImportConflictDto),
  /** Blank cells left as they were (no "clearBlanks"). */
  blanksKept: z.number().int(),
  refused: z.array(RefusedCellDto),
});
export type ImportResultDto = z.infer<typeof ImportResultDto>;

/** The text fields of an import's multipart form (see ImportResultDto). */
export const ImportOptions = z.strictObject({
  /** "true": a blank cell clears the value; otherwise a blank cell changes nothing. */
  clearBlanks: z.enum(['true', 'false']).optional(),
  /** One choice for every conflicting cell. */
  resolve: z.enum(['file', 'current']).optional(),
  /** JSON of `{ "<key>": "file" | "current" }`, one choice per conflicting cell. */
  choices: z.string().max(200_000).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;
export const ImportChoices = z.record(z.string().max(200), z.enum(['file', 'current']));
