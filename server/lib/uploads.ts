// The one way routes read multipart bodies. A broken body (a boundary that does not match, a
// truncated request, a malformed part header) is the client's fault: busboy reports it as a
// plain Error, which would otherwise become a 500. Every file name is cleaned as it is read.
import type { FastifyRequest } from 'fastify';
import { AppError, msg, type Message } from './errors.js';
import { safeFileName } from './storage.js';

/** A file read into memory, with a cleaned name. */
export interface Upload {
  fileName: string;
  body: Buffer;
}

const MALFORMED = msg(
  'Nội dung tải lên bị hỏng hoặc không đầy đủ (multipart không hợp lệ); vui lòng gửi lại',
  'The upload is malformed or incomplete (invalid multipart body); please send it again',
);

/**
 * Turns what reading a multipart body threw into the answer: our own errors and the plugin's
 * (FST_… codes, each with its status, mapped by the error handler) pass through; anything else
 * comes from the parser and means the body is broken (400 MALFORMED_MULTIPART).
 */
export function multipartError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) return err;
  return new AppError('MALFORMED_MULTIPART', MALFORMED, { status: 400 });
}

function tooLarge(fileName: string, path: string): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    msg(`Tệp "${fileName}" vượt quá 20 MB`, `File "${fileName}" is larger than 20 MB`),
    {
      status: 413,
      issues: [{ path, message: msg('Tệp vượt quá 20 MB', 'File larger than 20 MB') }],
    },
  );
}

async function bufferOf(part: { toBuffer(): Promise<Buffer> }, fileName: string, path: string): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(fileName, path);
    throw err;
  }
}

/**
 * Reads the first file of a multipart request (field "file"); 400 with `missing` when there is
 * none, 413 naming the file when it is over the size limit.
 */
export async function readFile(req: FastifyRequest, missing: Message): Promise<Upload> {
  try {
    const part = await req.file();
    if (!part) {
      throw new AppError('VALIDATION_ERROR', missing, {
        issues: [{ path: 'file', message: msg('Chưa chọn tệp', 'No file') }],
      });
    }
    const fileName = safeFileName(part.filename);
    return { fileName, body: await bufferOf(part, fileName, 'file') };
  } catch (err) {
    throw multipartError(err);
  }
}

/**
 * Reads a whole multipart form: non-empty text fields as strings, and the files of `fileField`
 * (a form's empty file input, a nameless empty part, is skipped). Files over the size limit stop
 * the read with 413 naming the file and its index.
 */
export async function readForm(
  req: FastifyRequest,
  fileField: string,
): Promise<{ fields: Record<string, string>; files: Upload[] }> {
  const fields: Record<string, string> = {};
  const files: Upload[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const fileName = safeFileName(part.filename, { fallback: 'tep-dinh-kem', maxLength: 255 });
        const body = await bufferOf(part, fileName, `${fileField}.${files.length}`);
        if (!part.filename && body.length === 0) continue;
        files.push({ fileName, body });
      } else if (typeof part.value === 'string' && part.value !== '') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    throw multipartError(err);
  }
  return { fields, files };
}
