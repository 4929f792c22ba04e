import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { PATHS } from '../../paths.js';

/** Answers when the database answers a trivial query; throws otherwise. */
export async function checkDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The migrations this build carries: their count and the stamp of the newest (drizzle's journal). */
function expectedMigrations(): { count: number; newest: number } {
  const journal = JSON.parse(readFileSync(path.join(PATHS.migrations, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ when: number }>;
  };
  return { count: journal.entries.length, newest: Math.max(0, ...journal.entries.map((e) => e.when)) };
}

let expected: { count: number; newest: number } | undefined;

export interface Readiness {
  database: boolean;
  migrations: { applied: number; expected: number; current: boolean };
}

/**
 * Is this instance ready for traffic: the database answers and every migration of this build is
 * applied (drizzle records each in drizzle.__drizzle_migrations with its journal stamp).
 */
export async function checkReadiness(db: DbOrTx): Promise<Readiness> {
  expected ??= expectedMigrations();
  const none = { database: false, migrations: { applied: 0, expected: expected.count, current: false } };
  try {
    const result = await db.execute(
      sql`select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as newest from drizzle.__drizzle_migrations`,
    );
    const row = (result.rows as unknown[])[0] as {
      applied: number | string;
      newest: string | number;
    };
    const applied = Number(row.applied);
    return {
      database: true,
      migrations: {
        applied,
        expected: expected.count,
        current: applied >= expected.count && Number(row.newest) >= expected.newest,
      },
    };
  } catch {
    // No answer, or no migration table: either way not ready. Which one: the database check.
    try {
      await checkDatabase(db);
      return { ...none, database: true };
    } catch {
      return none;
    }
  }
}
