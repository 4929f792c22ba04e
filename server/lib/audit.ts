import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './context.js';

export interface AuditEntry {
  actor: Actor | Pick<Actor, 'id' | 'email'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: unknown;
  requestId?: string;
  at?: Date;
}

/** The statement that appends an audit line, for a caller that runs it with others as one statement. */
export function auditInsert(db: DbOrTx, entry: AuditEntry): SQL {
  return db
    .insert(auditLog)
    .values({
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: entry.data ?? null,
      requestId: entry.requestId ?? null,
      at: entry.at,
    })
    .getSQL();
}

/**
 * Appends one line to the audit log: who, when, what. Call it inside the transaction that makes
 * the change, so a change and its record land together or not at all.
 */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.execute(auditInsert(db, entry));
}

/** The audit-log lines of one record (`entityType`, `entityId`), oldest first: its history. */
export async function auditHistory(db: DbOrTx, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
