// Finding 2 of issue 11: a 1–2 MB .xlsx that inflates to hundreds of megabytes, posted to the
// Excel import, must be refused (400 naming the file) before any parser inflates it, and the
// server must stay healthy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildCycle } from '../../test/cycles.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm } from '../../test/multipart.js';
import { xlsxBomb } from '../../test/zip-bomb.js';
import { inspectZip, WORKER_LIMITS } from '../../lib/spreadsheets/safe-open.js';

let t: TestApp;
let stc: TestClient;
let report: ReportDto;
let template: Buffer;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importFile(name: string, body: Buffer, lang = 'vi') {
  const m = multipartForm({}, [{ name, body, type: XLSX }]);
  return stc.inject({
    method: 'POST',
    url: `/api/v1/reports/${report.id}/import.xlsx`,
    payload: m.payload,
    headers: { ...m.headers, 'accept-language': lang },
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  const focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  stc = await t.loginAs('unit', { unitCode: 'VL-STC' });
  const cycleId = (await buildCycle(t, focal)).id;
  report = (await stc.get(`/api/v1/cycles/${cycleId}/my-report`)).json();
  template = (await stc.get(`/api/v1/reports/${report.id}/template.xlsx`)).rawPayload;
});

afterAll(async () => {
  await t?.close();
});

describe('zip bombs on the Excel import', () => {
  it('refuses an .xlsx whose sheet inflates to 400 MB, naming the file, without inflating it', async () => {
    const bomb = await xlsxBomb(template, 400);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const res = await importFile('bieu-mau-bom.xlsx', bomb);
    const grown = process.memoryUsage().rss - rssBefore;
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('UNSAFE_ARCHIVE');
    expect(body.error.message).toContain('"bieu-mau-bom.xlsx"');
    expect(body.error.message).toContain('giải nén');
    expect(body.requestId).toEqual(expect.any(String));
    // Inflating the sheet (what the parser did before) costs the process at least 400 MB.
    expect(grown).toBeLessThan(150 * 1024 * 1024);
    expect((await t.app.inject({ url: '/api/v1/health/live' })).statusCode).toBe(200);
  });

  it('refuses a file whose directory lies about a sheet size, stopping at the declared size', async () => {
    const liar = await xlsxBomb(template, 300, 20_000);
    expect(await inspectZip(liar)).toBeNull();
    const rssBefore = process.memoryUsage().rss;
    const res = await importFile('khai-sai.xlsx', liar, 'en');
    const grown = process.memoryUsage().rss - rssBefore;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNSAFE_ARCHIVE');
    expect(res.json().error.message).toContain('File "khai-sai.xlsx"');
    expect(grown).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses an archive of too many entries', async () => {
    const { writeZip } = await import('../../test/zip-bomb.js');
    const { deflateRawSync, crc32 } = await import('node:zlib');
    const empty = Buffer.from('x');
    const many = writeZip(
      Array.from({ length: 2_500 }, (_, i) => ({
        name: `xl/media/f${i}.txt`,
        data: deflateRawSync(empty),
        crc: crc32(empty) >>> 0,
        size: 1,
      })),
    );
    const res = await importFile('nhieu-tep.xlsx', many);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('2500 thành phần');
  });

  it('answers 400 naming the file when the parse outgrows the worker heap cap, and goes on', async () => {
    const cap = WORKER_LIMITS.maxOldGenerationSizeMb;
    WORKER_LIMITS.maxOldGenerationSizeMb = 2;
    try {
      const res = await importFile('qua-lon.xlsx', template);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('UNSAFE_ARCHIVE');
      expect(res.json().error.message).toContain('"qua-lon.xlsx"');
      expect(res.json().error.message).toContain('quá lớn để đọc');
    } finally {
      WORKER_LIMITS.maxOldGenerationSizeMb = cap;
    }
    expect((await t.app.inject({ url: '/api/v1/health/live' })).statusCode).toBe(200);
  });

  it('still imports a real template, parsed in the worker', async () => {
    const res = await importFile('bieu-mau.xlsx', template);
    expect(res.statusCode).toBe(200);
    expect(res.json().refused).toEqual([]);
  });

  it('still refuses a file that is not a workbook with the template message', async () => {
    const res = await importFile('khong-phai.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TEMPLATE');
    expect(res.json().error.message).toContain('"khong-phai.xlsx"');
  });
});
