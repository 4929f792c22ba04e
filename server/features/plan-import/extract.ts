import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { AppError, msg, type Message } from '../../lib/errors.js';
import type { SourceKind } from './source-text.js';

/** Limits on what an upload may unpack to: a .docx past them is refused before mammoth opens it. */
export const DOCX_LIMITS = { entries: 2000, unpackedBytes: 60 * 1024 * 1024, ratio: 200 };
/** Longest text taken, pasted or extracted (a 300-page plan is about 1.5 million characters). */
export const MAX_TEXT_CHARS = 3_000_000;

function refused(message: Message): AppError {
  return new AppError('UNREADABLE_PLAN_FILE', message, {
    status: 400,
    issues: [{ path: 'file', message }],
  });
}

const NOT_DOCX = msg(
  'Tệp không phải là văn bản Word (.docx) hợp lệ: không đọc được nội dung',
  'The file is not a valid Word document (.docx): its content cannot be read',
);
const BOMB = msg(
  'Tệp .docx giải nén ra quá lớn hoặc có quá nhiều thành phần (nghi là tệp nén độc hại) — không xử lý',
  'The .docx unpacks to too much data or too many parts (a suspected zip bomb) — refused',
);

/**
 * Reads every entry of the zip's central directory and inflates each with yauzl, counting the
 * bytes: a declared size that lies, too many entries, too many bytes in all or a compression
 * ratio no document has stops the read. mammoth (JSZip, which trusts the sizes) sees only
 * packages that passed.
 */
export async function checkZip(body: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(body, { lazyEntries: true, validateEntrySizes: true }, (err, file) =>
      err || !file ? reject(refused(NOT_DOCX)) : resolve(file),
    );
  });
  let entries = 0;
  let total = 0;
  let hasDocument = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: AppError) => {
      zip.close();
      reject(e);
    };
    zip.on('error', () => fail(refused(NOT_DOCX)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      const declaredRatio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entries > DOCX_LIMITS.entries || total + entry.uncompressedSize > DOCX_LIMITS.unpackedBytes)
        return fail(refused(BOMB));
      if (entry.uncompressedSize > 1024 * 1024 && declaredRatio > DOCX_LIMITS.ratio) return fail(refused(BOMB));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(refused(NOT_DOCX));
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > DOCX_LIMITS.unpackedBytes) {
            stream.destroy();
            fail(refused(BOMB));
          }
        });
        stream.on('error', () => fail(refused(BOMB)));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
  if (!hasDocument) throw refused(NOT_DOCX);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') || e.startsWith('#X')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? m),
    );
}

/**
 * The docx's paragraphs, one a line. Tables of three or more columns (an appendix of tasks)
 * become one line per row with cells separated by tabs; narrower tables (the header and the
 * signature block) give their cells' paragraphs one after another.
 */
export function htmlToLines(html: string): string {
  const out: string[] = [];
  const blocks = html.split(/(<table>[\s\S]*?<\/table>)/);
  for (const block of blocks) {
    if (block.startsWith('<table>')) {
      const rows = [...block.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
          c[1]
            .split(/<\/p>/)
            .map((p) => decode(p).trim())
            .filter(Boolean),
        ),
      );
      const wide = rows.some((r) => r.length >= 3);
      for (const row of rows) {
        if (wide) out.push(row.map((cell) => cell.join(' ')).join('\t'));
        else for (const cell of row) out.push(...cell);
      }
    } else {
      for (const p of block.split(/<\/(?:p|h\d|li)>/)) {
        const text = decode(p).trim();
        if (text) out.push(text);
      }
    }
  }
  return out.join('\n');
}

function pdfToText(body: Buffer): Promise<string> {
  return (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bioplan-import-'));
    try {
      const file = path.join(dir, 'plan.pdf');
      await writeFile(file, body);
      return await new Promise<string>((resolve, reject) => {
        execFile(
          'pdftotext',
          ['-layout', '-enc', 'UTF-8', file, '-'],
          { timeout: 30_000, maxBuffer: 32 * 1024 * 1024 },
          (err, stdout) => (err ? reject(err) : resolve(stdout)),
        );
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
}

const SCANNED = msg(
  'Tệp PDF không có lớp chữ (có thể là bản scan ảnh): hãy tải lên bản .docx hoặc PDF có chữ, hoặc dán nội dung văn bản',
  'The PDF has no text layer (probably a scan): upload the .docx or a text PDF, or paste the text',
);
const JUNK = msg(
  'Không đọc được tệp: chỉ nhận văn bản Word (.docx), PDF có chữ hoặc văn bản thuần (UTF-8)',
  'The file cannot be read: only Word (.docx), text PDF or plain UTF-8 text is accepted',
);

/** Letters a plan's text is made of; anything else in quantity means the bytes are not text. */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const sample = text.slice(0, 20_000);
  // oxlint-disable-next-line no-control-regex -- counting control characters is the point
  const odd = (sample.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g) ?? []).length;
  return odd / Math.max(1, sample.length) < 0.01;
}

/**
 * The text of an uploaded plan, by its bytes (never its name): a .docx (zip checked first), a
 * PDF with a text layer, or UTF-8 text. Anything else is refused with a Vietnamese message.
 */
export async function extractText(body: Buffer): Promise<{ text: string; kind: SourceKind }> {
  if (body.length === 0) throw refused(msg('Tệp rỗng', 'The file is empty'));
  let result: { text: string; kind: SourceKind };
  if (body.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) {
    await checkZip(body);
    const html = await mammoth.convertToHtml({ buffer: body }).catch(() => {
      throw refused(NOT_DOCX);
    });
    result = { text: htmlToLines(html.value), kind: 'docx' };
  } else if (body.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = await pdfToText(body).catch(() => {
      throw refused(msg('Tệp PDF bị hỏng hoặc không mở được', 'The PDF is damaged or cannot be opened'));
    });
    if (text.replace(/\s+/g, '').length < 40) throw refused(SCANNED);
    result = { text, kind: 'pdf' };
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw refused(JUNK);
    }
    if (!looksLikeText(text)) throw refused(JUNK);
    result = { text, kind: 'text' };
  }
  if (result.text.length > MAX_TEXT_CHARS) {
    throw refused(msg('Văn bản quá dài (quá 3 triệu ký tự)', 'The text is too long (over 3 million characters)'));
  }
  return result;
}
