// Opening uploaded Office files (.xlsx, .docx: zip archives) without letting one of them take the
// server down. A "zip bomb" of 1–2 MB can inflate to gigabytes; so before any parser sees the
// file its central directory is read (yauzl: no entry is inflated) and refused when it declares
// too many entries, too much uncompressed data or an absurd compression ratio. Then the
// workbook is parsed in a worker thread with a memory cap and a time limit, off the request
// thread: /health keeps answering, and a file whose directory lies about its sizes costs only
// the worker (killed at its cap) — 400 again, naming the file.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import yauzl from 'yauzl';
import { AppError, msg } from '../errors.js';
import { InvalidTemplateError, type readReportTemplate } from './workbooks.js';

export const ZIP_LIMITS = {
  /** Entries in the archive (a report template has about 20). */
  maxEntries: 2_000,
  /** Bytes of all entries once inflated. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Uncompressed ÷ compressed size of one entry above `ratioFloorBytes`; XML rarely passes 50. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** The worker's heap cap and how long it may take. */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, timeoutMs: 60_000 };

export type ZipProblem =
  | { kind: 'entries'; count: number }
  | { kind: 'size'; bytes: number }
  | { kind: 'ratio'; entry: string; ratio: number }
  | { kind: 'mismatch'; entry: string };

/**
 * Reads the archive's central directory only and says what is wrong with it, or null.
 * A buffer that is not a zip is not this function's concern (null): the parser refuses it.
 */
export function inspectZip(body: Buffer, limits = ZIP_LIMITS): Promise<ZipProblem | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(body, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        return resolve({ kind: 'entries', count: zip.entryCount });
      }
      let total = 0;
      const stop = (problem: ZipProblem | null) => {
        zip.close();
        resolve(problem);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > limits.maxUncompressedBytes) return stop({ kind: 'size', bytes: total });
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          return stop({ kind: 'ratio', entry: entry.fileName, ratio: Math.round(ratio) });
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(null));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/**
 * Inflates every entry without keeping it (run in the worker) and checks that none holds more
 * than its directory declares: yauzl stops an entry's stream at its declared size, so a file
 * whose directory lies costs at most the declared, already limited, bytes.
 */
export function verifyZipContents(body: Buffer): Promise<ZipProblem | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(body, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      let settled = false;
      const finish = (problem: ZipProblem | null) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve(problem);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return finish({ kind: 'mismatch', entry: entry.fileName });
          stream.on('data', () => {});
          stream.on('error', () => finish({ kind: 'mismatch', entry: entry.fileName }));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => finish(null));
      zip.on('error', () => finish(null));
      zip.readEntry();
    });
  });
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

function unsafe(fileName: string, why: { vi: string; en: string }): AppError {
  return new AppError(
    'UNSAFE_ARCHIVE',
    msg(
      `Tệp "${fileName}" không được xử lý: ${why.vi}. Hãy lưu lại tệp bằng Excel/Word rồi gửi lại.`,
      `File "${fileName}" was not processed: ${why.en}. Save it again with Excel/Word and resend it.`,
    ),
    { status: 400, issues: [{ path: 'file', message: why }] },
  );
}

/** Throws 400 UNSAFE_ARCHIVE naming the file when its zip directory is over the limits. */
export async function assertSafeZip(body: Buffer, fileName: string): Promise<void> {
  const problem = await inspectZip(body);
  if (problem) throw zipProblemError(problem, fileName);
}

/** The 400 of a zip problem, naming the file. */
export function zipProblemError(problem: ZipProblem, fileName: string): AppError {
  if (problem.kind === 'entries') {
    return unsafe(
      fileName,
      msg(
        `tệp nén chứa ${problem.count} thành phần, vượt giới hạn ${ZIP_LIMITS.maxEntries}`,
        `the archive holds ${problem.count} entries, over the limit of ${ZIP_LIMITS.maxEntries}`,
      ),
    );
  }
  if (problem.kind === 'size') {
    return unsafe(
      fileName,
      msg(
        `khi giải nén tệp lớn hơn ${mb(ZIP_LIMITS.maxUncompressedBytes)} MB`,
        `it inflates to more than ${mb(ZIP_LIMITS.maxUncompressedBytes)} MB`,
      ),
    );
  }
  if (problem.kind === 'mismatch') {
    return unsafe(
      fileName,
      msg(
        `thành phần "${problem.entry}" lớn hơn kích thước khai báo trong tệp nén`,
        `entry "${problem.entry}" holds more than the archive declares`,
      ),
    );
  }
  return unsafe(
    fileName,
    msg(
      `thành phần "${problem.entry}" có tỉ lệ nén bất thường (${problem.ratio}:1)`,
      `entry "${problem.entry}" has an abnormal compression ratio (${problem.ratio}:1)`,
    ),
  );
}

/** What the template worker answers. */
export type TemplateWorkerAnswer =
  | { ok: Awaited<ReturnType<typeof readReportTemplate>> }
  | { invalid: { vi: string; en: string } }
  | { unsafe: ZipProblem };

/** The worker's entry: the bundle's sibling file, or the TypeScript source through tsx. */
function workerSource(): { code: string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.js')) {
    return { code: fileURLToPath(new URL('./template-worker.js', here)), eval: false };
  }
  const source = new URL('./template-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return {
    code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`,
    eval: true,
  };
}

/**
 * Reads a filled report template off the request thread: zip limits first, then the parse in
 * a worker with a memory cap. A file the worker cannot finish (memory, time) is 400 naming it.
 */
export async function readReportTemplateIsolated(body: Buffer, fileName: string): Promise<TemplateWorkerAnswer> {
  await assertSafeZip(body, fileName);
  const { code, eval: isEval } = workerSource();
  const worker = new Worker(code, {
    eval: isEval,
    workerData: { body },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.maxOldGenerationSizeMb },
  });
  try {
    return await new Promise<TemplateWorkerAnswer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), WORKER_LIMITS.timeoutMs);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      worker.once('message', (answer: TemplateWorkerAnswer | { error: string }) =>
        done(() => ('error' in answer ? reject(new Error(answer.error)) : resolve(answer))),
      );
      worker.once('error', (err) => done(() => reject(err)));
      worker.once('exit', (exitCode) => done(() => reject(new Error(`worker exited (${exitCode})`))));
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw unsafe(fileName, msg('nội dung giải nén quá lớn để đọc', 'its content is too large to read once inflated'));
    }
    if ((err as Error).message === 'timeout') {
      throw unsafe(fileName, msg('đọc tệp mất quá nhiều thời gian', 'reading it took too long'));
    }
    throw err;
  } finally {
    void worker.terminate();
  }
}

/**
 * `readReportTemplate` made safe for uploads: same answer, same InvalidTemplateError, but zip
 * limits first and the parse in a capped worker (400 UNSAFE_ARCHIVE naming the file).
 */
export async function readReportTemplateSafely(
  body: Buffer,
  fileName: string,
): Promise<Awaited<ReturnType<typeof readReportTemplate>>> {
  const answer = await readReportTemplateIsolated(body, fileName);
  if ('unsafe' in answer) throw zipProblemError(answer.unsafe, fileName);
  if ('invalid' in answer) throw new InvalidTemplateError(answer.invalid.vi, answer.invalid.en);
  return answer.ok;
}
