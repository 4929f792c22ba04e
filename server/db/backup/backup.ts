// One backup file holding the database and every stored file, written from one snapshot.
//
// Format (gzip of JSON lines, version 1), read by restore.ts:
//   {"bioplan":"backup","format":1,"createdAt","source","migrations":[…],"tables":[{name,columns,rows}]}
//   for each table, in dependency order: {"table":name,"rows":n}, then n lines, each a row as
//     PostgreSQL's row_to_json writes it (restored by json_populate_recordset: exact for every type)
//   for each stored file: {"file":key,"sha256","size"}, then one line: the body in base64
//   {"end":true,"tables","rows","files","bytes"} — a file without it is incomplete and is refused.
// The stored files' own table (`stored_file`) travels as files, not rows.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../client.js';
import { ident, listTables, openSession, type SqlSession } from './session.js';

export const BACKUP_FORMAT = 1;
/** Tables whose rows are not copied as rows. */
export const FILE_TABLE = 'stored_file';

export interface BackupFigures {
  tables: number;
  rows: number;
  files: number;
  /** Bytes of stored files. */
  fileBytes: number;
  /** Size of the backup file (compressed). */
  backupBytes: number;
}

/** Lines written through gzip with back-pressure. */
function lineWriter(file: string) {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(file);
  const done = pipeline(gzip, out);
  return {
    line: async (text: string) => {
      if (!gzip.write(`${text}\n`)) await once(gzip, 'drain');
    },
    close: async () => {
      gzip.end();
      await done;
      return out.bytesWritten;
    },
  };
}

/** Files of a files directory laid out as `<dir>/<xx>/<key>`. */
async function directoryKeys(dir: string): Promise<string[]> {
  const prefixes = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const keys: string[] = [];
  for (const prefix of prefixes.filter((d) => d.isDirectory())) {
    const names = await readdir(path.join(dir, prefix.name), { withFileTypes: true });
    keys.push(...names.filter((d) => d.isFile()).map((d) => d.name));
  }
  return keys.sort();
}

/**
 * Writes a backup of `database` and its stored files (the `stored_file` table and `filesDir`)
 * to `file`. Reads everything inside one REPEATABLE READ, READ ONLY transaction, so the rows
 * are one consistent snapshot while the application keeps running (on PGlite the caller holds
 * the data directory's lock, so nothing else writes). Written to `<file>.partial` and renamed
 * at the end: a file named `file` is always complete.
 */
export async function writeBackup(database: Database, filesDir: string, file: string): Promise<BackupFigures> {
  const partial = `${file}.partial`;
  const out = lineWriter(partial);
  const session = await openSession(database.db);
  const figures: BackupFigures = { tables: 0, rows: 0, files: 0, fileBytes: 0, backupBytes: 0 };
  try {
    await session.query('begin isolation level repeatable read read only');
    const tables = (await listTables(session)).filter((t) => t.name !== FILE_TABLE);
    const counted = [];
    for (const table of tables) {
      const [{ n }] = await session.query<{ n: number }>(`select count(*)::int as n from ${ident(table.name)}`);
      counted.push({ ...table, rows: n });
    }
    const migrations = await session
      .query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by created_at')
      .catch(() => []);
    await out.line(
      JSON.stringify({
        bioplan: 'backup',
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations: migrations.map((m) => m.hash),
        tables: counted,
      }),
    );
    for (const table of counted) {
      await out.line(JSON.stringify({ table: table.name, rows: table.rows }));
      const written = await copyRows(session, table.name, out.line);
      if (written !== table.rows) throw new Error(`${table.name}: ${written} rows read, ${table.rows} counted`);
      figures.tables += 1;
      figures.rows += written;
    }
    const inDatabase = await copyDatabaseFiles(session, out.line, figures);
    await session.query('commit');
    await copyDirectoryFiles(filesDir, inDatabase, out.line, figures);
    await out.line(JSON.stringify({ end: true, ...figures }));
  } catch (err) {
    await session.query('rollback').catch(() => {});
    await out.close().catch(() => {});
    throw err;
  } finally {
    session.release();
  }
  figures.backupBytes = await out.close();
  await rename(partial, file);
  return figures;
}

/** Streams a table's rows through a cursor (bounded memory), one JSON line each. */
async function copyRows(session: SqlSession, table: string, line: (text: string) => Promise<void>): Promise<number> {
  const cursor = `backup_${table}`;
  await session.query(
    `declare ${ident(cursor)} no scroll cursor for select row_to_json(t)::text as j from ${ident(table)} t`,
  );
  let n = 0;
  for (;;) {
    const rows = await session.query<{ j: string }>(`fetch 500 from ${ident(cursor)}`);
    if (rows.length === 0) break;
    for (const row of rows) await line(row.j);
    n += rows.length;
  }
  await session.query(`close ${ident(cursor)}`);
  return n;
}

async function copyDatabaseFiles(
  session: SqlSession,
  line: (text: string) => Promise<void>,
  figures: BackupFigures,
): Promise<Set<string>> {
  const keys = new Set<string>();
  const exists = await session.query<{ ok: boolean }>(`select to_regclass('public.${FILE_TABLE}') is not null as ok`);
  if (!exists[0]?.ok) return keys;
  await session.query(`declare backup_files no scroll cursor for select key, sha256, size, body from ${FILE_TABLE}`);
  for (;;) {
    const [row] = await session.query<{ key: string; sha256: string; size: number; body: Uint8Array }>(
      'fetch 1 from backup_files',
    );
    if (!row) break;
    const body = Buffer.from(row.body);
    const sha256 = createHash('sha256').update(body).digest('hex');
    if (sha256 !== row.sha256) throw new Error(`stored file ${row.key}: SHA-256 does not match its record`);
    await writeFile(line, row.key, body, figures);
    keys.add(row.key);
  }
  await session.query('close backup_files');
  return keys;
}

/**
 * The files directory's files (with PGlite, or kept from before an installation moved to
 * PostgreSQL). Files are written once under a fresh key and never changed, so reading them after
 * the snapshot gives the bytes the snapshot's rows refer to; one deleted meanwhile is left out.
 */
async function copyDirectoryFiles(
  dir: string,
  skip: Set<string>,
  line: (text: string) => Promise<void>,
  figures: BackupFigures,
): Promise<void> {
  for (const key of await directoryKeys(dir)) {
    if (skip.has(key)) continue;
    const body = await readFile(path.join(dir, key.slice(0, 2), key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (body) await writeFile(line, key, body, figures);
  }
}

async function writeFile(line: (text: string) => Promise<void>, key: string, body: Buffer, figures: BackupFigures) {
  const sha256 = createHash('sha256').update(body).digest('hex');
  await line(JSON.stringify({ file: key, sha256, size: body.length }));
  await line(body.toString('base64'));
  figures.files += 1;
  figures.fileBytes += body.length;
}
