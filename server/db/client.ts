import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PATHS } from '../paths.js';
import * as schema from './schema/index.js';

export type Db = ReturnType<typeof drizzlePglite<typeof schema>>;
/** A database handle or an open transaction: repository functions take either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PostgreSQL connection pool's counts (for /metrics); absent on PGlite (one connection). */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;
}

const migrationsFolder = PATHS.migrations;

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, otherwise PGlite
 * (PostgreSQL in WebAssembly, in-process) in `dataDir` — or in memory when dataDir is null.
 * Migrations run before the handle is returned.
 */
export async function createDb(opts: {
  databaseUrl?: string;
  dataDir?: string | null;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection closed by the server (restart, failover, a dropped test database)
    // must not crash the process: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) =>
      console.warn(`PostgreSQL: kết nối rảnh bị đóng / idle connection closed: ${err.message}`),
    );
    // Both drivers share one Drizzle API; the cast lets repositories take one type.
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end(), pool };
  }
  let client: PGlite;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    client = new PGlite(path.join(opts.dataDir, 'pgdata'));
  } else {
    client = new PGlite();
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}
