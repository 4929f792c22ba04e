// Worker thread of safe-open.ts: parses one report template and answers plain data (cells,
// metadata) or the reason it is not a template. Runs under a heap cap set by the caller.
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidTemplateError, readReportTemplate } from './workbooks.js';

const { body } = workerData as { body: Uint8Array };

try {
  const result = await readReportTemplate(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  parentPort!.postMessage({ ok: result });
} catch (err) {
  parentPort!.postMessage(
    err instanceof InvalidTemplateError
      ? { invalid: { vi: err.vi, en: err.en } }
      : { error: err instanceof Error ? err.message : String(err) },
  );
}
