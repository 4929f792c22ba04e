// The public portal's publications (issue 13): each year's progress text and figures, published
// explicitly by the focal officer from the approved consolidated report of that cycle. The portal
// reads only rows with is_published; withdrawing keeps the row (and its audit lines).
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reportCycles } from './reporting.js';
import { users } from './users.js';

/** The published text of one plan item (the approved report's narrative, edited before publishing). */
export interface PublishedItem {
  itemKey: string;
  /** The item's label path and heading as shown ("V.1 - Phát triển ..."). */
  heading: string;
  text: string;
}

/** One indicator's totals as the approved consolidation froze them. */
export interface PublishedFigure {
  code: string;
  name: string;
  unit: string;
  total: number | null;
  previousTotal: number | null;
  /** Units that gave a value. */
  reporting: number;
  streams: Array<{ stream: string; value: number | null }>;
}

export const publishedProgress = pgTable(
  'published_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportCycles.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    /** The approved consolidation version the text and figures were taken from. */
    consolidationVersion: integer('consolidation_version').notNull(),
    items: jsonb('items').$type<PublishedItem[]>().notNull().default([]),
    figures: jsonb('figures').$type<PublishedFigure[]>().notNull().default([]),
    /** False once withdrawn: the portal then shows nothing of this year. */
    isPublished: boolean('is_published').notNull().default(true),
    /** Optimistic-concurrency version, +1 on every publish or withdrawal. */
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedByName: text('published_by_name'),
    unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
    unpublishedByName: text('unpublished_by_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('published_progress_cycle_uq').on(t.cycleId),
    index('published_progress_plan_year_idx').on(t.planId, t.year),
  ],
);
