import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** Account names by id (for "created by" and "decided by" labels). */
export async function userNames(db: DbOrTx, ids: Array<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const rows = unique.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}
