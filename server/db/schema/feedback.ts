// Tables of the feedback area: the feedback desk, amendment proposals and guidance documents.
import {
  bigserial,
  boolean,
  date,
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
import type { AssignmentRole, PlanItemKind } from '../../../shared/domain.js';
import type { TargetDefinition } from '../../../shared/targets.js';
import { orgUnits } from './org-units.js';
import { plans, planVersions } from './plans.js';
import { users } from './users.js';

/** A change of an amendment as stored: the request's fields, resolved to item keys. */
export interface StoredChange {
  op: 'add' | 'update' | 'remove';
  itemKey: string | null;
  parentKey: string | null;
  kind: PlanItemKind | null;
  label: string | null;
  /** Absent: unchanged; null: cleared. */
  title?: string | null;
  text?: string | null;
  assignments: Array<{ orgUnitId: string; role: AssignmentRole }> | null;
  /** Key given to an added item at approval. */
  newKey: string | null;
  /** A change of a target instead of an item: the indicator and the target as proposed (null: removed). */
  target?: { indicatorCode: string; after: TargetDefinition | null };
}

/** A feedback item: a difficulty, question or proposal, from the public, a unit or a yearly report. */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    source: text('source').$type<'public' | 'unit' | 'report'>().notNull(),
    senderName: text('sender_name'),
    organisation: text('organisation'),
    contact: text('contact'),
    contactKind: text('contact_kind').$type<'email' | 'phone'>(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    createdById: uuid('created_by_id').references(() => users.id),
    /** The yearly report it was raised in. No foreign key: the reports table belongs to the reporting area. */
    reportId: uuid('report_id'),
    /** `reportId:planItemKey` for items raised in reports, so a report re-submitted upserts, never duplicates. */
    reportSlot: text('report_slot'),
    planId: uuid('plan_id').references(() => plans.id),
    planItemKey: text('plan_item_key'),
    category: text('category').$type<'policy' | 'funding' | 'technology' | 'training' | 'procedure' | 'other'>(),
    status: text('status')
      .$type<'new' | 'in_progress' | 'answered' | 'forwarded' | 'closed'>()
      .notNull()
      .default('new'),
    forwardedToUnitId: uuid('forwarded_to_unit_id').references(() => orgUnits.id),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredById: uuid('answered_by_id').references(() => users.id),
    isPublished: boolean('is_published').notNull().default(false),
    /** The approved amendment that answered it. */
    answeredByAmendmentId: uuid('answered_by_amendment_id'),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_tracking_code_uq').on(t.trackingCode),
    uniqueIndex('feedback_report_slot_uq').on(t.reportSlot),
    index('feedback_status_idx').on(t.status, t.createdAt),
    index('feedback_unit_idx').on(t.orgUnitId),
    index('feedback_report_idx').on(t.reportId),
  ],
);

/** One step of a feedback item's history. */
export const feedbackEvents = pgTable(
  'feedback_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    /** Orders events written in the same instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('feedback_event_feedback_idx').on(t.feedbackId)],
);

/** A file attached to a feedback item; the body lives in file storage. */
export const feedbackAttachments = pgTable(
  'feedback_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_attachment_feedback_idx').on(t.feedbackId)],
);

/** A proposal to amend or supplement the plan, drafted by the focal department, decided by a leader. */
export const amendmentProposals = pgTable(
  'amendment_proposal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    basedOnVersion: integer('based_on_version').notNull(),
    status: text('status').$type<'draft' | 'submitted' | 'approved' | 'rejected'>().notNull().default('draft'),
    summary: text('summary').notNull(),
    reasoning: text('reasoning').notNull(),
    changes: jsonb('changes').$type<StoredChange[]>().notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedById: uuid('submitted_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decisionComment: text('decision_comment'),
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    resultingVersionId: uuid('resulting_version_id').references(() => planVersions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('amendment_plan_idx').on(t.planId, t.status)],
);

/** Feedback items that motivate an amendment. */
export const amendmentFeedback = pgTable(
  'amendment_feedback',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => amendmentProposals.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id),
  },
  (t) => [
    primaryKey({ columns: [t.amendmentId, t.feedbackId] }),
    index('amendment_feedback_feedback_idx').on(t.feedbackId),
  ],
);

/** A guidance document: a new instruction of the Ministry, a national decision… */
export const guidanceDocuments = pgTable(
  'guidance_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    date: date('date').notNull(),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').$type<'in_force' | 'replaced' | 'expired'>().notNull().default('in_force'),
    replacedById: uuid('replaced_by_id'),
    planId: uuid('plan_id').references(() => plans.id),
    createdById: uuid('created_by_id').references(() => users.id),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guidance_document_date_idx').on(t.date)],
);

/** Plan items (by stable key) a guidance document concerns. */
export const guidanceDocumentItems = pgTable(
  'guidance_document_item',
  {
    guidanceDocumentId: uuid('guidance_document_id')
      .notNull()
      .references(() => guidanceDocuments.id, { onDelete: 'cascade' }),
    planItemKey: text('plan_item_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guidanceDocumentId, t.planItemKey] }),
    index('guidance_item_key_idx').on(t.planItemKey),
  ],
);

/** Guidance documents that motivate an amendment. */
export const amendmentGuidance = pgTable(
  'amendment_guidance',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => amendmentProposals.id, { onDelete: 'cascade' }),
    guidanceDocumentId: uuid('guidance_document_id')
      .notNull()
      .references(() => guidanceDocuments.id),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.guidanceDocumentId] })],
);
