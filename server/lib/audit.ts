import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './context.js';

/**
 * Appends one line to the audit log: who, when, what. Call it inside the transaction that makes
 * the change, so a change and its record land together or not at all.
 */
export async function writeAudit(
  db: DbOrTx,
  entry: {
    actor: Actor | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    data?: unknown;
    requestId?: string;
    at?: Date;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: (entry.data ?? null) as never,
    requestId: entry.requestId ?? null,
    at: entry.at,
  });
}
