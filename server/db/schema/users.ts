import { bigserial, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/domain.js';
import { orgUnits } from './org-units.js';

export const users = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  searchText: text('search_text').notNull().default(''),
  /** Set when the administrator chose the password: the user must change it at the next sign-in. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** A hard lock after many failed sign-ins; lifted by the owner's e-mailed link or by the admin. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** A signed-in session; the cookie holds a random token whose SHA-256 is the id. */
export const sessions = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The address and browser it was opened from, shown in the list of active sessions. */
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/**
 * A single-use token sent by e-mail: a password reset or the lifting of a lock. The link holds a
 * random token whose SHA-256 is the id.
 */
export const accountTokens = pgTable(
  'account_token',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<'reset' | 'unlock'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_token_user_idx').on(t.userId, t.purpose)],
);

/** Failed sign-ins, per account and per address, for rate limiting across app instances. */
export const loginFailures = pgTable(
  'login_failure',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_failure_email_idx').on(t.email, t.at),
    index('login_failure_ip_idx').on(t.ip, t.at),
    index('login_failure_pair_idx').on(t.email, t.ip, t.at),
  ],
);

/** Append-only record of every state change: who, when, what. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_at_idx').on(t.at)],
);
