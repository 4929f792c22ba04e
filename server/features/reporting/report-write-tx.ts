import { SQL, sql } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { ChangedSinceRead, writeIfCurrent, type Input } from './reports.repository.js';

/**
 * The write path of a save and a submission (docs/adr/0005-report-write-path.md), chosen once
 * by `BIOPLAN_WRITE_PATH`: `cte` writes ONE statement guarded by bioplan_expect_current()
 * (writeIfCurrent), `tx` ONE short transaction (writeIfCurrentTx). Same inputs, same outcome.
 */
export function reportWriter(config: Pick<Config, 'writePath'>): typeof writeIfCurrent {
  return config.writePath === 'tx' ? writeIfCurrentTx : writeIfCurrent;
}

const dialect = new PgDialect();

/**
 * writeIfCurrent as one short transaction: `update` (from reportUpdate: `UPDATE report … WHERE
 * id = … AND version = <read> RETURNING id`) runs first and takes the report row's lock; when it
 * finds no row (someone changed the report since it was read, or a concurrent writer committed
 * while this one waited for the lock) nothing else is written, the transaction rolls back and
 * ChangedSinceRead is thrown. Otherwise the other writes run in order, each its own statement,
 * and the transaction commits: they land all together or not at all. A named input (new_value,
 * new_section) is sent as a `WITH` in front of each write that reads it. A unique violation (the
 * Idempotency-Key used meanwhile) is ChangedSinceRead too, as in the one-statement path.
 * Inside an open transaction (a submission with items for the feedback desk) the writes join it.
 */
export async function writeIfCurrentTx(db: DbOrTx, update: SQL, writes: Array<SQL | Input>): Promise<void> {
  const run = async (tx: DbOrTx) => {
    const changed = rowsOf(await tx.execute(update));
    if (changed.length === 0) throw new ChangedSinceRead(new Error('the report changed since it was read'));
    const inputs: Input[] = [];
    for (const w of writes) {
      if (!(w instanceof SQL)) {
        inputs.push(w);
        continue;
      }
      const text = dialect.sqlToQuery(w).sql;
      const used = inputs.filter((i) => new RegExp(`\\b${i.name}\\b`).test(text));
      await tx.execute(used.length ? sql`with ${sql.join(used.map((i) => sql`${sql.identifier(i.name)} as (${i.query})`), sql`, `)} ${w}` : w);
    }
  };
  try {
    if (db instanceof PgTransaction) await run(db);
    else await db.transaction(run);
  } catch (err) {
    if (err instanceof ChangedSinceRead) throw err;
    const code = ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string })).code;
    if (code === '23505') throw new ChangedSinceRead(err);
    throw err;
  }
}

function rowsOf(result: unknown): unknown[] {
  return (result as { rows?: unknown[] }).rows ?? (result as unknown[]);
}
