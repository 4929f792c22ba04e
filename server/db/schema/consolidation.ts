// Tables of the consolidation area (issue 4): the provincial report's editable draft of a cycle,
// its paragraphs (each keeping the unit and report it came from, and an origin key so that a
// regeneration keeps the officer's edits), and the documents generated from it.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reportCycles, reports } from './reporting.js';

/** The parts of the consolidated report a paragraph belongs to. */
export type ConsolidationPart = 'implementation' | 'results' | 'difficulties' | 'proposals';

/**
 * Figures frozen at generation: the indicator totals by waste stream with the previous year, and
 * the annex (every expected unit with its status and its own values). Rendering reads only this,
 * so the Word file says exactly what the officer saw in the editor.
 */
export interface ConsolidationTables {
  indicators: Array<{
    code: string;
    name: string;
    unit: string;
    byWasteStream: boolean;
    /** Sum by stream ('' for an indicator not entered by stream). */
    streams: Array<{ stream: string; value: number | null; previous: number | null }>;
    total: number | null;
    previousTotal: number | null;
    /** Units that gave a value. */
    reporting: number;
    /**
     * Set when the figure is derived from the registries province-wide (issue 12): the method,
     * and the sum of the units' typed values it replaced (null when none typed).
     */
    derived?: { method: string; unitsSum: number | null } | null;
  }>;
  units: Array<{
    orgUnitId: string;
    code: string;
    name: string;
    kind: string;
    /** on_time, late, missing (not submitted), and the report's own status. */
    timing: 'on_time' | 'late' | 'missing';
    reportStatus: 'none' | 'draft' | 'submitted' | 'returned' | 'accepted';
    /** Included in the compilation (accepted, or submitted when the officer chose so). */
    included: boolean;
    daysLate: number;
    submittedAt: string | null;
    /** Values by indicator code: the total for by-stream indicators. */
    values: Record<string, number | string | boolean | null>;
  }>;
  previousYear: number | null;
  streams: string[];
}

/** The consolidated report draft of a cycle (one per cycle). */
export const consolidationDrafts = pgTable(
  'consolidation_draft',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id, { onDelete: 'cascade' }),
    /** Optimistic-concurrency version, +1 on every change. */
    version: integer('version').notNull().default(1),
    status: text('status').$type<'generating' | 'ready' | 'failed'>().notNull().default('generating'),
    /** Compile submitted (not yet accepted) reports too, marked as such. */
    includeSubmitted: boolean('include_submitted').notNull().default(false),
    /** How many times the draft was generated; paragraphs record the generation that added them. */
    generation: integer('generation').notNull().default(0),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    /** The job that is (or last was) generating the draft. */
    jobId: uuid('job_id'),
    /** Document header: parent agency ("UBND TỈNH VĨNH LONG"), issuing agency, abbreviation. */
    parentAgency: text('parent_agency').notNull(),
    agency: text('agency').notNull(),
    agencyAbbreviation: text('agency_abbreviation').notNull(),
    /** Document number (1–9999); shown with a leading zero below 10. Null: left blank to fill by hand. */
    documentNumber: integer('document_number'),
    place: text('place').notNull(),
    documentDate: text('document_date').notNull(),
    title: text('title').notNull(),
    recipient: text('recipient').notNull(),
    copyTo: jsonb('copy_to').$type<string[]>().notNull(),
    signerAuthority: text('signer_authority').notNull(),
    signerTitle: text('signer_title').notNull(),
    signerName: text('signer_name').notNull().default(''),
    /**
     * The draft version the focal officer approved for signature; while it is the current version
     * the Word file carries no "DỰ THẢO" mark. Any later change (edit, regeneration) leaves it behind.
     */
    approvedVersion: integer('approved_version'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByName: text('approved_by_name'),
    /** Figures frozen at the last generation. */
    tables: jsonb('tables').$type<ConsolidationTables | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name'),
  },
  (t) => [uniqueIndex('consolidation_draft_cycle_uq').on(t.cycleId)],
);

/** A paragraph of the draft: compiled from one unit's narrative, or added by the officer. */
export const consolidationParagraphs = pgTable(
  'consolidation_paragraph',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => consolidationDrafts.id, { onDelete: 'cascade' }),
    part: text('part').$type<ConsolidationPart>().notNull(),
    /** Plan item key of the task/solution (part "results"), or '' for the part as a whole. */
    itemKey: text('item_key').notNull().default(''),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** "<reportId>:<planItemId|free>:<field>"; null for a paragraph added by hand. */
    originKey: text('origin_key'),
    /** The text as compiled from the source, to see whether the officer edited it. */
    sourceText: text('source_text'),
    sourceUnitId: uuid('source_unit_id'),
    sourceUnitName: text('source_unit_name'),
    sourceReportId: uuid('source_report_id').references(() => reports.id, { onDelete: 'set null' }),
    /** The source report was submitted but not accepted when compiled. */
    isProvisional: boolean('is_provisional').notNull().default(false),
    isEdited: boolean('is_edited').notNull().default(false),
    /** Removed by the officer: kept, so that a regeneration does not bring it back. */
    isRemoved: boolean('is_removed').notNull().default(false),
    /** The source changed after the officer edited the paragraph (regeneration kept the edit). */
    sourceChanged: boolean('source_changed').notNull().default(false),
    addedGeneration: integer('added_generation').notNull(),
    changedGeneration: integer('changed_generation').notNull(),
  },
  (t) => [
    index('consolidation_paragraph_draft_idx').on(t.draftId, t.part, t.position),
    uniqueIndex('consolidation_paragraph_origin_uq').on(t.draftId, t.originKey),
  ],
);

/** A Word or Excel file generated by the product, stored with its checksum. */
export const generatedDocuments = pgTable(
  'generated_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'consolidation_docx' | 'report_docx'>().notNull(),
    cycleId: uuid('cycle_id').references(() => reportCycles.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    /** The draft version (consolidation) or report version the file was made from. */
    sourceVersion: integer('source_version').notNull(),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    jobId: uuid('job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('generated_document_cycle_idx').on(t.cycleId, t.createdAt),
    index('generated_document_report_idx').on(t.reportId, t.createdAt),
  ],
);
