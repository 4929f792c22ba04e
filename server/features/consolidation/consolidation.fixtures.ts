// Test helpers of the consolidation area: reports in the database through the API, waiting for
// jobs, and opening the Word files.
import JSZip from 'jszip';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation.js';
import type { TestClient } from '../../test/harness.js';

/** Polls the draft until its job has finished; answers the draft. */
export async function waitForJob(c: TestClient, cycleId: string, jobId?: string): Promise<ConsolidationDto> {
  for (let i = 0; i < 400; i += 1) {
    const res = await c.get(`/api/v1/cycles/${cycleId}/consolidation`);
    if (res.statusCode === 200) {
      const d = res.json<ConsolidationDto>();
      const job = d.job;
      if (job && (!jobId || job.id === jobId) && (job.status === 'succeeded' || job.status === 'failed')) return d;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

/** The parts of a .docx: the body, styles and headers as XML text. */
export async function openDocx(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  const document = await read('word/document.xml');
  const headers: Record<string, string> = {};
  for (const n of names.filter((x) => /^word\/header\d+\.xml$/.test(x))) headers[n] = await read(n);
  const rels = await read('word/_rels/document.xml.rels');
  return { document, styles: await read('word/styles.xml'), headers, rels, names };
}

/** The plain text of a piece of WordprocessingML (runs joined, paragraphs on lines). */
export function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
