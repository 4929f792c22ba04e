import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** Answers when the database answers a trivial query; throws otherwise. */
export async function checkDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}
