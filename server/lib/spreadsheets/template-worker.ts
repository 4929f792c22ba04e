// Worker thread of safe-open.ts: parses one report template and answers plain data (cells,
// metadata) or the reason it is not a template. Runs under a heap cap set by the caller.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyZipContents } from './safe-open.js';
import { InvalidTemplateError, readReportTemplate } from './workbooks.js';

const { body: bytes } = workerData as { body: Uint8Array };
const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

try {
  // Entries holding more than their directory declares stop here, before the parser inflates them.
  const problem = await verifyZipContents(body);
  parentPort!.postMessage(problem ? { unsafe: problem } : { ok: await readReportTemplate(body) }, []);
} catch (err) {
  parentPort!.postMessage(
    err instanceof InvalidTemplateError
      ? { invalid: { vi: err.vi, en: err.en } }
      : { error: err instanceof Error ? err.message : String(err) },
    [],
  );
}
