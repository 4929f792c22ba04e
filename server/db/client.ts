import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
  let unlock = () => {};
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    unlock = lockDataDir(opts.dataDir);
    client = new PGlite(path.join(opts.dataDir, 'pgdata'));
  } else {
    client = new PGlite();
  }
  try {
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * PGlite is one process's database: a second process opening the same data directory (a second
 * server, a backup while the server runs) would corrupt it. The directory's `bioplan.lock` holds
 * the owner's process id; a lock left by a process that no longer exists (killed) is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'bioplan.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && processExists(owner)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${owner} sử dụng; hãy dừng tiến trình đó trước ` +
            `(data directory in use by process ${owner}; stop it first, or delete ${file} if it is certainly not running)`,
          { cause: err },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${dataDir} (could not lock the data directory)`);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
