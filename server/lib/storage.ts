import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { LIMITS } from '../../shared/limits.js';
import { stripBidiControls, stripLoneSurrogates } from '../../shared/text.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { storedFiles } from '../db/schema/index.js';
import { AppError, msg } from './errors.js';

/** Where file bodies live. Metadata (name, type, size, SHA-256, owner) lives in the database. */
export interface FileStorage {
  put(body: Buffer): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const sha256Of = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** The path of a stored file under the files directory: `<dir>/<first two characters>/<key>`. */
export function storedFilePath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), key);
}

/** A local folder (BIOPLAN_DATA_DIR/files); an S3-compatible store can implement the same interface. */
export function localStorage(dir: string): FileStorage {
  const full = (key: string) => storedFilePath(dir, key);
  return {
    async put(body) {
      const key = randomUUID();
      await mkdir(path.dirname(full(key)), { recursive: true });
      await writeFile(full(key), body);
      return { key, sha256: sha256Of(body), size: body.length };
    },
    get: (key) => readFile(full(key)),
    remove: (key) => rm(full(key), { force: true }),
  };
}

/**
 * File bodies in the database (table `stored_file`), so that every instance sharing one
 * PostgreSQL server sees every file. A key not in the table is read from `dir`: files stored
 * in the directory before the installation moved to PostgreSQL stay readable.
 */
export function databaseStorage(db: Db, dir: string): FileStorage {
  const local = localStorage(dir);
  return {
    async put(body) {
      const key = randomUUID();
      const sha256 = sha256Of(body);
      await db.insert(storedFiles).values({ key, sha256, size: body.length, body });
      return { key, sha256, size: body.length };
    },
    async get(key) {
      const [row] = await db.select({ body: storedFiles.body }).from(storedFiles).where(eq(storedFiles.key, key));
      return row ? row.body : local.get(key);
    },
    async remove(key) {
      await db.delete(storedFiles).where(eq(storedFiles.key, key));
      await local.remove(key);
    },
  };
}

/** Whether the handle talks to a PostgreSQL server (shared by instances) rather than an embedded PGlite. */
export function isServerDatabase(db: Db): boolean {
  return !(db.$client instanceof PGlite);
}

/**
 * The file storage of this installation: in the database on a PostgreSQL server (every instance
 * reads the same files), in the files directory with the embedded PGlite (one instance).
 */
export function fileStorage(ctx: { db: Db; config: Pick<Config, 'filesDir'> }): FileStorage {
  return isServerDatabase(ctx.db) ? databaseStorage(ctx.db, ctx.config.filesDir) : localStorage(ctx.config.filesDir);
}

/**
 * A stored file name that is readable but harmless: no folder part, no control characters
 * (C0, DEL, C1), no quotes, no bidirectional formatting characters (U+202E would show
 * "hoa-don‮fdp.exe" as "hoa-donexe.pdf"), no unpaired surrogates, bounded length.
 */
export function safeFileName(name: string | undefined, opts: { fallback?: string; maxLength?: number } = {}): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = stripLoneSurrogates(stripBidiControls(base))
    // oxlint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
    .replace(/[\u0000-\u001f\u007f-\u009f"]/g, '')
    .trim();
  // Cutting may split a surrogate pair: remove the half left behind.
  return stripLoneSurrogates((cleaned || opts.fallback || 'tep').slice(0, opts.maxLength ?? LIMITS.name));
}

/** The file types users may attach, by the type detected from the content. */
export const ALLOWED_ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/**
 * Checks an upload's type from its bytes, not its name or declared type, and its size.
 * Throws 415 / 413 with a Vietnamese message naming the file.
 */
export async function checkAttachment(body: Buffer, fileName: string, field = 'file'): Promise<{ mime: string }> {
  if (body.length > LIMITS.attachmentBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      msg(`Tệp "${fileName}" vượt quá 20 MB`, `File "${fileName}" is larger than 20 MB`),
      {
        status: 413,
        issues: [{ path: field, message: msg('Tệp vượt quá 20 MB', 'File larger than 20 MB') }],
      },
    );
  }
  if (body.length === 0) {
    throw new AppError('VALIDATION_ERROR', msg(`Tệp "${fileName}" rỗng`, `File "${fileName}" is empty`), {
      issues: [{ path: field, message: msg('Tệp rỗng', 'Empty file') }],
    });
  }
  const detected = await fileTypeFromBuffer(body);
  if (!detected || !ALLOWED_ATTACHMENT_TYPES[detected.mime]) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      msg(
        `Tệp "${fileName}" không đúng định dạng cho phép (PDF, DOCX, XLSX, JPEG, PNG)`,
        `File "${fileName}" is not an allowed type (PDF, DOCX, XLSX, JPEG, PNG)`,
      ),
      {
        status: 415,
        issues: [{ path: field, message: msg('Định dạng tệp không được phép', 'File type not allowed') }],
      },
    );
  }
  return { mime: detected.mime };
}
