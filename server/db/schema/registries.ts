import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EnterpriseProduct } from '../../../shared/contracts/registries.js';
import type { RecordData } from '../../../shared/registry-kinds.js';
import { orgUnits } from './org-units.js';
import { users } from './users.js';

/**
 * An enterprise of the province-wide registry (issue 12). The tax code is its identity: a unique
 * index makes a second unit's entry of the same code find the existing firm, even when two
 * creations race.
 */
export const enterprises = pgTable(
  'enterprise',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taxCode: text('tax_code').notNull(),
    name: text('name').notNull(),
    /** foldText(name + tax code), for diacritics-insensitive search. */
    searchText: text('search_text').notNull(),
    communeId: uuid('commune_id').references(() => orgUnits.id),
    sector: text('sector').notNull().default(''),
    /** Years of production of bio-preparations for waste treatment at industrial scale. */
    industrialYears: integer('industrial_years')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    products: jsonb('products').$type<EnterpriseProduct[]>().notNull().default([]),
    planItemIds: jsonb('plan_item_ids').$type<string[]>().notNull().default([]),
    /** The date the record was made (Vietnam); the commune must be valid at it. */
    recordDate: date('record_date').notNull(),
    /** The reporting unit that created the record; null for an account without a unit. */
    reportingUnitId: uuid('reporting_unit_id').references(() => orgUnits.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_tax_code_uq').on(t.taxCode),
    index('enterprise_commune_idx').on(t.communeId),
    index('enterprise_industrial_years_idx').using('gin', t.industrialYears),
  ],
);

/** A unit's observation of an enterprise: the unit, the year and what it saw. */
export const enterpriseObservations = pgTable(
  'enterprise_observation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    year: integer('year').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_observation_enterprise_idx').on(t.enterpriseId)],
);

/**
 * A record of one of the generic registries (shared/registry-kinds.ts: bio-products, S&T tasks,
 * transfers, trainings, communication, policies, funding, investment projects). The kind's fields
 * are in `data`; the columns hold what lists, windows and de-duplication read.
 */
export const registryRecords = pgTable(
  'registry_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** The reporting unit. */
    unitId: uuid('unit_id').references(() => orgUnits.id),
    planItemKeys: text('plan_item_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The day it happened or began, and ended (Vietnamese days), from the kind's `span`. */
    occurredOn: date('occurred_on'),
    endedOn: date('ended_on'),
    /** The kind's title field, for lists and sorting. */
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    /** The folded identity (the kind's `identity`): province figures count each one once. */
    identityKey: text('identity_key').notNull(),
    data: jsonb('data').$type<RecordData>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('registry_record_kind_unit_date_idx').on(t.kind, t.unitId, t.occurredOn),
    index('registry_record_kind_date_idx').on(t.kind, t.occurredOn),
    index('registry_record_kind_identity_idx').on(t.kind, t.identityKey),
  ],
);

/** An evidence file of a registry record or of an enterprise; the body is in file storage. */
export const registryAttachments = pgTable(
  'registry_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id').references(() => registryRecords.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
  },
  (t) => [
    index('registry_attachment_record_idx').on(t.recordId),
    index('registry_attachment_enterprise_idx').on(t.enterpriseId),
    check('registry_attachment_owner_ck', sql`(${t.recordId} IS NULL) <> (${t.enterpriseId} IS NULL)`),
  ],
);
