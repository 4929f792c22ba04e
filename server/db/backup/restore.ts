import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Database } from '../client.js';
import { BACKUP_FORMAT, FILE_TABLE, type BackupFigures } from './backup.js';
import { ident, listTables, openSession, selfReferencing, type SqlSession } from './session.js';

interface Header {
  bioplan: 'backup';
  format: number;
  createdAt: string;
  source: string;
  tables: Array<{ name: string; columns: string[]; rows: number }>;
}

/** Rows sent to the database per statement (a table referring to itself goes in one statement). */
const BATCH_BYTES = 4 * 1024 * 1024;

/** Reads the backup line by line. */
function lineReader(file: string) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    next: async (what: string): Promise<string> => {
      const { value, done } = await iterator.next();
      if (done) throw new Error(`Tệp sao lưu bị cắt cụt (truncated backup: ${what} missing)`);
      return value;
    },
    close: () => lines.close(),
  };
}

/**
 * Restores a backup written by `writeBackup` into an empty database (just migrated, nothing
 * seeded) and an empty files directory: every table's rows in one transaction, the stored
 * files into the database on a PostgreSQL server or into `filesDir` with PGlite, each checked
 * against its SHA-256. Refuses a non-empty target and an incomplete file; on any error nothing
 * of the backup stays in the database.
 */
export async function restoreBackup(database: Database, filesDir: string, file: string): Promise<BackupFigures> {
  const input = lineReader(file);
  const session = await openSession(database.db);
  const figures: BackupFigures = { tables: 0, rows: 0, files: 0, fileBytes: 0, backupBytes: 0 };
  const written: string[] = [];
  try {
    const header = JSON.parse(await input.next('header')) as Header;
    if (header.bioplan !== 'backup' || header.format !== BACKUP_FORMAT) {
      throw new Error('Tệp không phải bản sao lưu bioplan định dạng 1 (not a bioplan backup, format 1)');
    }
    const target = new Map((await listTables(session)).map((t) => [t.name, t.columns]));
    await refuseNonEmpty(session, [...target.keys()], filesDir);
    for (const table of header.tables) {
      const columns = target.get(table.name);
      const missing = table.columns.filter((c) => !columns?.includes(c));
      if (!columns || missing.length > 0) {
        throw new Error(
          `Cơ sở dữ liệu đích không có ${columns ? `cột ${missing.join(', ')} của ` : ''}bảng ${table.name}: ` +
            `hãy khôi phục bằng đúng phiên bản đã sao lưu (target lacks ${table.name}; restore with the version that made the backup)`,
        );
      }
    }
    const selfRef = await selfReferencing(session);
    await session.query('begin');
    for (const table of header.tables) {
      const section = JSON.parse(await input.next(`table ${table.name}`)) as { table: string; rows: number };
      if (section.table !== table.name) throw new Error(`expected table ${table.name}, found ${section.table}`);
      await insertRows(session, table, section.rows, input.next, selfRef.has(table.name));
      figures.tables += 1;
      figures.rows += section.rows;
    }
    const toDatabase = database.kind === 'postgres';
    for (;;) {
      const entry = JSON.parse(await input.next('end')) as {
        file?: string;
        sha256?: string;
        end?: boolean;
      } & Partial<BackupFigures>;
      if (entry.end) {
        if (entry.rows !== figures.rows || entry.files !== figures.files) throw new Error('backup totals do not match');
        break;
      }
      const key = entry.file!;
      if (!/^[A-Za-z0-9._-]{3,200}$/.test(key)) throw new Error(`invalid stored file key ${key}`);
      const body = Buffer.from(await input.next(`file ${key}`), 'base64');
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (sha256 !== entry.sha256)
        throw new Error(`Tệp ${key} hỏng: SHA-256 không khớp (file ${key}: SHA-256 mismatch)`);
      if (toDatabase) {
        await session.query(`insert into ${FILE_TABLE} (key, sha256, size, body) values ($1, $2, $3, $4)`, [
          key,
          sha256,
          body.length,
          body,
        ]);
      } else {
        const filePath = path.join(filesDir, key.slice(0, 2), key);
        await mkdir(path.dirname(filePath), { recursive: true });
        await writeFile(filePath, body);
        written.push(filePath);
      }
      figures.files += 1;
      figures.fileBytes += body.length;
    }
    await resetSequences(session);
    await session.query('commit');
  } catch (err) {
    await session.query('rollback').catch(() => {});
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  } finally {
    session.release();
    input.close();
  }
  return figures;
}

async function refuseNonEmpty(session: SqlSession, tables: string[], filesDir: string): Promise<void> {
  const busy: string[] = [];
  for (const table of tables) {
    const [row] = await session.query<{ any: boolean }>(`select exists (select 1 from ${ident(table)}) as any`);
    if (row.any) busy.push(table);
  }
  const files = await readdir(filesDir).catch(() => []);
  if (busy.length > 0 || files.length > 0) {
    throw new Error(
      `Chỉ khôi phục vào cơ sở dữ liệu và thư mục tệp trống; đã có dữ liệu trong ${[...busy, ...(files.length ? [filesDir] : [])].join(', ')} ` +
        '(restore only into an empty database and files directory)',
    );
  }
}

/** Inserts a table's rows in batches, each row's JSON text passed through untouched. */
async function insertRows(
  session: SqlSession,
  table: { name: string; columns: string[] },
  count: number,
  next: (what: string) => Promise<string>,
  oneStatement: boolean,
): Promise<void> {
  const cols = table.columns.map(ident).join(', ');
  const statement = `insert into ${ident(table.name)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(table.name)}, $1::json)`;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await session.query(statement, [`[${batch.join(',')}]`]);
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < count; i += 1) {
    const line = await next(`row ${i + 1} of ${table.name}`);
    batch.push(line);
    bytes += line.length;
    if (!oneStatement && bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/** Moves every serial column's sequence past the restored values. */
async function resetSequences(session: SqlSession): Promise<void> {
  const serials = await session.query<{ seq: string; tbl: string; col: string }>(`
    select s.relname as seq, t.relname as tbl, a.attname as col
    from pg_depend d
    join pg_class s on s.oid = d.objid and s.relkind = 'S'
    join pg_class t on t.oid = d.refobjid
    join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where d.deptype in ('a', 'i')`);
  for (const s of serials) {
    await session.query(
      `select setval('public.${ident(s.seq)}', coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 0) + 1, false)`,
    );
  }
}
