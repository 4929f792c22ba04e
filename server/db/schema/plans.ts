import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  integer,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AssignmentRole, IndicatorValueType, PlanItemKind, UnitGroup } from '../../../shared/domain.js';
import type { ReportingSchedule } from '../../../shared/periods.js';
import type { TargetChangeKind, TargetDirection } from '../../../shared/targets.js';
import { orgUnits } from './org-units.js';

/** The plan record: Kế hoạch 1953/KH-UBND and, later, plans of the same shape. */
export const plans = pgTable('plan', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull().unique(),
  date: date('date').notNull(),
  title: text('title').notNull(),
  issuerUnitId: uuid('issuer_unit_id').references(() => orgUnits.id),
  issuer: text('issuer').notNull(),
  issuerParent: text('issuer_parent').notNull(),
  place: text('place').notNull(),
  scope: text('scope').notNull(),
  legalBases: jsonb('legal_bases').$type<string[]>().notNull(),
  preamble: text('preamble').notNull(),
  closing: jsonb('closing').$type<string[]>().notNull(),
  recipients: jsonb('recipients').$type<string[]>().notNull(),
  signerAuthority: jsonb('signer_authority').$type<string[]>().notNull(),
  signerName: text('signer_name').notNull(),
  currentVersion: integer('current_version').notNull().default(1),
  /**
   * The department the plan names as its standing agency ("cơ quan thường trực"): its focal
   * officers manage the plan's cycles. Null: the agency's focal department (the seed plan).
   */
  focalUnitId: uuid('focal_unit_id').references(() => orgUnits.id),
  /** The day the plan ended without a successor (its term ran out or it was repealed); null while running. */
  endedOn: date('ended_on'),
  /**
   * How often the plan's text asks units to report (the first reporting step's deadline, kept at
   * publication): yearly 30/11 for Kế hoạch 1953; null when the text states no dated deadline.
   */
  reportingSchedule: jsonb('reporting_schedule').$type<ReportingSchedule | null>(),
});

/**
 * A plan replacing another from a date (a merged province's new plan replacing the plans of the
 * former provinces). A plan is replaced by at most one plan; the old one stays readable.
 */
export const planReplacements = pgTable(
  'plan_replacement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    newPlanId: uuid('new_plan_id')
      .notNull()
      .references(() => plans.id),
    oldPlanId: uuid('old_plan_id')
      .notNull()
      .references(() => plans.id),
    fromDate: date('from_date').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_replacement_old_uq').on(t.oldPlanId), index('plan_replacement_new_idx').on(t.newPlanId)],
);

/** A version of the plan: 1 as issued, then one per approved amendment. */
export const planVersions = pgTable(
  'plan_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    effectiveDate: date('effective_date').notNull(),
    documentNumber: text('document_number').notNull(),
    documentDate: date('document_date').notNull(),
    /** The amendment proposal whose approval made this version (none for version 1). */
    amendmentId: uuid('amendment_id'),
    approvedBy: uuid('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_version_uq').on(t.planId, t.number)],
);

/**
 * One item of one plan version. Each version holds a full copy of its items; `key` identifies
 * the same item across versions so that versions can be compared.
 */
export const planItems = pgTable(
  'plan_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => planVersions.id),
    key: text('key').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind').$type<PlanItemKind>().notNull(),
    label: text('label').notNull(),
    title: text('title'),
    text: text('text'),
    position: integer('position').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [uniqueIndex('plan_item_key_uq').on(t.versionId, t.key), index('plan_item_parent_idx').on(t.parentId)],
);

/** Who is responsible for an item: a unit (lead or coordinating) or a named group of units. */
export const planAssignments = pgTable(
  'plan_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    unitGroup: text('unit_group').$type<UnitGroup>(),
    role: text('role').$type<AssignmentRole>().notNull(),
  },
  (t) => [index('plan_assignment_item_idx').on(t.itemId), index('plan_assignment_unit_idx').on(t.orgUnitId)],
);

/** The indicator catalogue (product.md), edited by the focal department. */
export const indicators = pgTable('indicator', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  valueType: text('value_type').$type<IndicatorValueType>().notNull(),
  /** Reported per waste stream, with the total computed. */
  byWasteStream: boolean('by_waste_stream').notNull().default(false),
  isRequired: boolean('is_required').notNull().default(false),
  min: integer('min'),
  max: integer('max'),
  position: integer('position').notNull(),
  /** Plan item keys this indicator measures. */
  planItemKeys: jsonb('plan_item_keys').$type<string[]>().notNull().default([]),
  isActive: boolean('is_active').notNull().default(true),
});

/**
 * A target of one plan version for one indicator (migration 0020): a baseline (year, value — null
 * while not entered: "chưa có"), a target year with either a value or a change against the
 * baseline (percent or absolute), a direction and the source ("QĐ 1639/QĐ-TTg"). Each version
 * holds a full copy of its targets, like its items.
 */
export const planTargets = pgTable(
  'plan_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => planVersions.id),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    targetYear: integer('target_year').notNull(),
    targetValue: doublePrecision('target_value'),
    changeKind: text('change_kind').$type<TargetChangeKind>(),
    changeAmount: doublePrecision('change_amount'),
    direction: text('direction').$type<TargetDirection>().notNull(),
    source: text('source').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('plan_target_uq').on(t.versionId, t.indicatorCode),
    check('plan_target_value_or_change', sql`(${t.targetValue} IS NULL) <> (${t.changeKind} IS NULL)`),
    check('plan_target_change_amount', sql`(${t.changeKind} IS NULL) = (${t.changeAmount} IS NULL)`),
  ],
);
