import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnnualProgramme } from '../../../shared/contracts/activities.js';
import { orgUnits } from './org-units.js';
import { plans } from './plans.js';
import { users } from './users.js';

/**
 * How a unit implements the plan (issue 12, plan section IV.1): its detailed plan (number, date,
 * title, signed file) or the annual programmes the work is folded into. One per unit and plan.
 */
export const detailedPlans = pgTable(
  'detailed_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** 'document' (a detailed plan) or 'programmes' (folded into annual programmes). */
    kind: text('kind').notNull(),
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    title: text('title'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    fileSha256: text('file_sha256'),
    fileKey: text('file_key'),
    programmes: jsonb('programmes').$type<AnnualProgramme[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('detailed_plan_unit_plan_uq').on(t.orgUnitId, t.planId)],
);

/** An activity a unit carries out for items of the plan, with its period, budget and status. */
export const activities = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The responsible unit: the only one that edits it. */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** Keys of the plan's items (stable across versions). */
    planItemKeys: text('plan_item_keys').array().notNull(),
    coordinatingUnitIds: uuid('coordinating_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    title: text('title').notNull(),
    /** foldText(title, expected output, item keys), for diacritics-insensitive search. */
    searchText: text('search_text').notNull(),
    periodKind: text('period_kind').notNull(),
    periodYear: integer('period_year').notNull(),
    periodNumber: integer('period_number'),
    /** First and last Vietnamese calendar day of the planned period. */
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** Million VND. */
    budget: doublePrecision('budget'),
    budgetSource: text('budget_source'),
    expectedOutput: text('expected_output').notNull().default(''),
    status: text('status').notNull().default('not_started'),
    statusReason: text('status_reason'),
    /** When the unit was told the activity is overdue (once per planned period). */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_unit_idx').on(t.orgUnitId),
    index('activity_period_end_idx').on(t.periodEnd),
    index('activity_coordinating_idx').using('gin', t.coordinatingUnitIds),
    index('activity_plan_item_keys_idx').using('gin', t.planItemKeys),
  ],
);

/** A dated progress note of an activity. */
export const activityNotes = pgTable(
  'activity_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_note_activity_idx').on(t.activityId)],
);

/** An evidence file of a progress note (bytes in the file storage). */
export const activityFiles = pgTable(
  'activity_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id')
      .notNull()
      .references(() => activityNotes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_file_note_idx').on(t.noteId)],
);
