import { asc, desc, like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { escapeLike, foldText } from '../../shared/text.js';
import type { DbOrTx } from '../db/client.js';

/**
 * The pieces every paged, searched, sorted list query of a repository shares. A repository keeps
 * its own filters and sort columns; these say how a page is cut, how the search text matches and
 * how the total is counted, the same way everywhere.
 */

/** The rows a page skips: `.limit(q.pageSize).offset(pageOffset(q))`. */
export function pageOffset(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}

/**
 * The search condition on a table's `search_text` column (text folded by `foldText` when the row
 * was written): the folded query as a literal substring, so "Hoà", "hoa" and "HÒA" find the same
 * rows and a typed "%" or "_" is no wildcard. Undefined when there is nothing to search for.
 */
export function searchWhere(column: AnyColumn, q: string | undefined): SQL | undefined {
  const folded = q ? foldText(q) : '';
  return folded ? like(column, `%${escapeLike(folded)}%`) : undefined;
}

/** A sort column in the list's order (`dir` of the list query). */
export function ordered(column: AnyColumn | SQL | SQL.Aliased, dir: 'asc' | 'desc'): SQL {
  return dir === 'desc' ? desc(column) : asc(column);
}

/** How many rows of `table` meet `where` (the total of a paged list). */
export async function countWhere(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<number> {
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return total;
}
