// Tables of the reporting area: the yearly cycle, its expected units and extensions, the
// reports with their values, sections, history and attachments, reminders, in-app
// notifications, idempotency keys, and the generic background job queue.
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { OrgUnitKind } from '../../../shared/domain.js';
import type { PeriodKind } from '../../../shared/periods.js';
import { orgUnits } from './org-units.js';
import { planVersions, plans } from './plans.js';
import { users } from './users.js';

/** A frozen form indicator (copied from the catalogue when the cycle opens). */
export interface FrozenIndicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  valueType: 'number' | 'integer' | 'percent' | 'boolean' | 'text';
  byWasteStream: boolean;
  isRequired: boolean;
  min: number | null;
  max: number | null;
  position: number;
}

/** A narrative section of one unit's form (a plan item assigned to it). */
export interface FrozenSection {
  planItemId: string;
  key: string;
  label: string;
  title: string;
  role: 'lead' | 'coordinate';
}

/**
 * A change the focal department made to one unit's sections before opening (add or remove a plan
 * item, by its stable key), with the reason: replayed on the sections computed from the plan
 * at opening, and written into the report's first history line.
 */
export interface SectionChange {
  action: 'add' | 'remove';
  key: string;
  label: string;
  title: string;
  reason: string;
  at: string;
  actorName: string;
}

/** A reporting cycle: one plan, one period (a year, a quarter or a month of a year). */
export const reportCycles = pgTable(
  'report_cycle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** Plan version frozen at opening. */
    planVersionId: uuid('plan_version_id').references(() => planVersions.id),
    year: integer('year').notNull(),
    /** The period the cycle covers: the year, one of its quarters or one of its months. */
    periodKind: text('period_kind').$type<PeriodKind>().notNull().default('year'),
    /** null for a year, 1–4 for a quarter, 1–12 for a month (check report_cycle_period_ck). */
    periodNumber: integer('period_number'),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    deadline: date('deadline').notNull(),
    graceDays: integer('grace_days').notNull().default(0),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    /** Indicator codes chosen for the form (null: every active indicator). */
    indicatorCodes: jsonb('indicator_codes').$type<string[] | null>(),
    /** The form frozen at opening. */
    form: jsonb('form').$type<{ indicators: FrozenIndicator[] } | null>(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openedBy: uuid('opened_by'),
    /** When the focal department closed the cycle (no more saves, submissions or extensions); null while open. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('report_cycle_plan_period_uq').on(t.planId, t.year, t.periodKind, sql`coalesce(${t.periodNumber}, 0)`),
    check(
      'report_cycle_period_ck',
      sql`(${t.periodKind} = 'year' and ${t.periodNumber} is null) or (${t.periodKind} = 'quarter' and ${t.periodNumber} between 1 and 4) or (${t.periodKind} = 'month' and ${t.periodNumber} between 1 and 12)`,
    ),
  ],
);

/**
 * A unit expected to report in a cycle, with its names and its form's sections as of the
 * opening: later renames or mergers never change a cycle's list.
 */
export const cycleExpectedUnits = pgTable(
  'cycle_expected_unit',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    /** foldText(fullName + code), for the board's search. */
    searchText: text('search_text').notNull(),
    source: text('source').$type<'plan' | 'manual'>().notNull(),
    reason: text('reason'),
    sections: jsonb('sections').$type<FrozenSection[]>().notNull(),
    /** The focal department's changes to the sections computed from the plan, oldest first. */
    sectionChanges: jsonb('section_changes').$type<SectionChange[]>().notNull().default([]),
    /** Removed by hand before opening (kept, with the reason, so the change is visible). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
    /** The unit's deadline: the cycle's, or its latest extension (kept here so the board needs no join). */
    deadline: date('deadline').notNull(),
    hasExtension: boolean('has_extension').notNull().default(false),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.orgUnitId] }),
    // The board's default order: its first page is read in index order and stops there.
    index('cycle_expected_unit_name_idx').on(t.cycleId, t.name, t.orgUnitId),
  ],
);

/** A per-unit extension of a cycle's deadline; the latest one counts. */
export const cycleExtensions = pgTable(
  'cycle_extension',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    deadline: date('deadline').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('cycle_extension_unit_idx').on(t.cycleId, t.orgUnitId)],
);

/** One unit's report in one cycle. Values and sections live in their own tables. */
export const reports = pgTable(
  'report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').$type<'draft' | 'submitted' | 'returned' | 'accepted'>().notNull().default('draft'),
    /** Optimistic-concurrency version, +1 on every change. */
    version: integer('version').notNull().default(1),
    otherResults: text('other_results').notNull().default(''),
    proposalsToCommittee: text('proposals_to_committee').notNull().default(''),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Lateness of the first submission, fixed then so the board never drifts. */
    isLate: boolean('is_late').notNull().default(false),
    daysLate: integer('days_late').notNull().default(0),
    returnReason: text('return_reason'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name'),
    updatedByEmail: text('updated_by_email'),
  },
  (t) => [
    uniqueIndex('report_cycle_unit_uq').on(t.cycleId, t.orgUnitId),
    index('report_cycle_status_idx').on(t.cycleId, t.status),
  ],
);

/** One value of a report; `stream` is '' for an indicator not entered by waste stream. */
export const reportValues = pgTable(
  'report_value',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    stream: text('stream').notNull().default(''),
    /** The value as entered (number, boolean or text). */
    value: jsonb('value').$type<number | boolean | string | null>(),
    /** The numeric value, for sums across reports. */
    num: doublePrecision('num'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorCode, t.stream] })],
);

/** The narrative of one plan item in a report. */
export const reportSections = pgTable(
  'report_section',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    planItemId: uuid('plan_item_id').notNull(),
    results: text('results').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.planItemId] })],
);

/** Snapshot of a report's content, kept with each submission so versions can be compared. */
export interface ReportSnapshot {
  values: Array<{ indicatorCode: string; wasteStream: string | null; value: number | boolean | string | null }>;
  sections: Array<{ planItemId: string; results: string; difficulties: string; proposals: string }>;
  otherResults: string;
  proposalsToCommittee: string;
}

/** The history of a report: who did what, when, why; submissions carry a snapshot. */
export const reportEvents = pgTable(
  'report_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorEmail: text('actor_email'),
    action: text('action').$type<'create' | 'save' | 'submit' | 'return' | 'accept'>().notNull(),
    reason: text('reason'),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<ReportSnapshot | null>(),
  },
  (t) => [index('report_event_report_idx').on(t.reportId, t.id)],
);

/** A file attached to a report; the body is in file storage under `storageKey`. */
export const attachments = pgTable(
  'attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
  },
  (t) => [index('attachment_report_idx').on(t.reportId)],
);

/** Idempotency keys of state-changing requests (submit): the same key answers the first result. */
export const idempotencyKeys = pgTable(
  'idempotency_key',
  {
    key: text('key').notNull(),
    scope: text('scope').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope, t.key] })],
);

/** Who was reminded when. The unique trigger per unit keeps the schedule from sending twice. */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').notNull(),
    /** "manual:<uuid>" or "auto:<days before deadline>:<deadline>". */
    trigger: text('trigger').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by'),
    sentByName: text('sent_by_name'),
    emails: jsonb('emails').$type<string[]>().notNull(),
    channels: jsonb('channels').$type<Array<'in_app' | 'email'>>().notNull(),
  },
  (t) => [
    uniqueIndex('reminder_log_uq').on(t.cycleId, t.orgUnitId, t.trigger),
    index('reminder_log_cycle_idx').on(t.cycleId, t.at),
  ],
);

/** In-app notifications of an account. */
export const notifications = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_user_idx').on(t.userId, t.createdAt),
    // The bell's unread count reads only unread notices.
    index('notification_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** The background job queue (server/lib/jobs.ts): claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    progressNote: text('progress_note'),
    result: jsonb('result'),
    error: text('error'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('job_claim_idx').on(t.status, t.runAt)],
);
