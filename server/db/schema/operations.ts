import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * File bodies kept in the database (attachments, generated documents) when the app runs on a
 * PostgreSQL server, so every instance sees every file. Metadata stays with its owner's row,
 * which refers to `key`.
 */
export const storedFiles = pgTable('stored_file', {
  key: text('key').primaryKey(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  body: bytea('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Request counters of @fastify/rate-limit, shared by every instance: one row per route and key. */
export const rateLimits = pgTable(
  'rate_limit',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_reset_idx').on(t.resetAt)],
);
