import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrgUnitKind, SuccessionKind } from '../../../shared/domain.js';

/** A dated organisational unit: a province, its committee, a department, a district, a commune… */
export const orgUnits = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    parentId: uuid('parent_id'),
    /** null: valid since before the records begin. */
    validFrom: date('valid_from'),
    /** null: still valid. */
    validTo: date('valid_to'),
    postalCode: text('postal_code'),
    /** foldText(fullName + code), for diacritics-insensitive search. */
    searchText: text('search_text').notNull(),
  },
  (t) => [uniqueIndex('org_unit_code_uq').on(t.code), index('org_unit_validity_idx').on(t.validFrom, t.validTo)],
);

/** Unit A was succeeded by unit B on a date (merge, split or rename). */
export const orgUnitSuccessions = pgTable(
  'org_unit_succession',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => orgUnits.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => orgUnits.id),
    date: date('date').notNull(),
    kind: text('kind').$type<SuccessionKind>().notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('org_unit_succession_uq').on(t.predecessorId, t.successorId),
    index('org_unit_succession_successor_idx').on(t.successorId),
  ],
);
