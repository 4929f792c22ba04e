import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../client.js';
import { FILE_TABLE } from './backup.js';
import { ident, listTables, openSession } from './session.js';

/** What a database and its files hold: every table's row count and every stored file's SHA-256. */
export interface Inventory {
  rows: Record<string, number>;
  files: Record<string, string>;
}

/** Counts the rows of every table and hashes every stored file (in the database and the directory). */
export async function takeInventory(database: Database, filesDir: string): Promise<Inventory> {
  const session = await openSession(database.db);
  const inventory: Inventory = { rows: {}, files: {} };
  try {
    for (const table of await listTables(session)) {
      if (table.name === FILE_TABLE) continue;
      const [{ n }] = await session.query<{ n: number }>(`select count(*)::int as n from ${ident(table.name)}`);
      inventory.rows[table.name] = n;
    }
    const stored = await session.query<{ key: string; body: Uint8Array }>(`select key, body from ${FILE_TABLE}`);
    for (const f of stored) inventory.files[f.key] = createHash('sha256').update(f.body).digest('hex');
  } finally {
    session.release();
  }
  const prefixes = await readdir(filesDir).catch(() => []);
  for (const prefix of prefixes) {
    for (const key of await readdir(path.join(filesDir, prefix))) {
      const body = await readFile(path.join(filesDir, prefix, key));
      inventory.files[key] ??= createHash('sha256').update(body).digest('hex');
    }
  }
  return inventory;
}
