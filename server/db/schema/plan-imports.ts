import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { UnitGroup } from '../../../shared/domain.js';
import { orgUnits } from './org-units.js';
import { plans } from './plans.js';
import { users } from './users.js';

/**
 * A plan read from its official text (docx, PDF or pasted), reviewed by the focal officer, then
 * published as a plan's version 1. `draft` holds the parsed plan with the officer's corrections
 * (server/features/plan-import/parse-types.ts, `ParsedPlan`); the source text and the source
 * file's SHA-256 stay, as the plan's source document.
 */
export const planImports = pgTable(
  'plan_import',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    sourceKind: text('source_kind').$type<'text' | 'pdf' | 'docx'>().notNull(),
    fileName: text('file_name'),
    /** SHA-256 of the uploaded file (of the UTF-8 text when pasted). */
    sha256: text('sha256').notNull(),
    /** Where the file body lives in the file storage; null for pasted text. */
    storageKey: text('storage_key'),
    sourceText: text('source_text').notNull(),
    draft: jsonb('draft').notNull(),
    version: integer('version').notNull().default(1),
    publishedPlanId: uuid('published_plan_id').references(() => plans.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_import_created_idx').on(t.createdAt)],
);

/** A unit name an officer mapped during an import, used by later imports ("Sở NV" → Sở Nội vụ). */
export const planImportUnitAliases = pgTable(
  'plan_import_unit_alias',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The name as written, folded (no marks, lower case, spaces collapsed). */
    writtenFolded: text('written_folded').notNull(),
    written: text('written').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    unitGroup: text('unit_group').$type<UnitGroup>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_import_unit_alias_uq').on(t.writtenFolded)],
);
