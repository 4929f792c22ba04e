import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db } from '../client.js';

/** One connection of either driver, for the backup and restore's plain SQL. */
export interface SqlSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  release(): void;
}

/** Takes one connection: a pooled client of the PostgreSQL server, or PGlite itself (one connection by nature). */
export async function openSession(db: Db): Promise<SqlSession> {
  const client = db.$client as unknown;
  if (client instanceof PGlite) {
    return {
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      release: () => {},
    };
  }
  const conn = await (client as pg.Pool).connect();
  return {
    query: async <T>(text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[],
    release: () => conn.release(),
  };
}

/** A quoted identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables (schema public) with the columns a restore writes (not generated ones). */
export async function listTables(session: SqlSession): Promise<Array<{ name: string; columns: string[] }>> {
  const rows = await session.query<{ table: string; column: string }>(`
    select c.relname as "table", a.attname as "column"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`);
  const tables = new Map<string, string[]>();
  for (const row of rows) tables.set(row.table, [...(tables.get(row.table) ?? []), row.column]);
  const edges = await session.query<{ child: string; parent: string }>(`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = k.connamespace
    where k.contype = 'f' and n.nspname = 'public'`);
  return dependencyOrder([...tables.keys()], edges).map((name) => ({ name, columns: tables.get(name)! }));
}

/**
 * Tables ordered so that every table comes after those it refers to (a table referring to
 * itself is restored in one statement, where PostgreSQL checks its keys at the statement's end).
 */
export function dependencyOrder(names: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const parents = (name: string) => edges.filter((e) => e.child === name && e.parent !== name).map((e) => e.parent);
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const parent of parents(name).sort()) visit(parent, [...trail, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name, []);
  return order;
}

/** Tables that refer to themselves (restored whole in one statement). */
export async function selfReferencing(session: SqlSession): Promise<Set<string>> {
  const rows = await session.query<{ name: string }>(`
    select distinct c.relname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.contype = 'f' and k.conrelid = k.confrelid`);
  return new Set(rows.map((r) => r.name));
}
