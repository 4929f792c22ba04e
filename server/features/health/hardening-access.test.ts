// Access is checked before an upload's body is read (issue 11, finding 3), and feedback binds
// only to a report of the sender's own unit (finding 6). Unknown and forbidden ids answer alike.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { buildCycle, moveClock } from '../reporting/reporting.fixtures.js';

let t: TestApp;
let port: number;
let focal: TestClient;
let health: TestClient;
let finance: TestClient;
let healthReport: ReportDto;
let financeReport: ReportDto;
const unknownId = '6f1c7a52-8d0e-4b8e-9f55-0a4e3c2b1d90';

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  await moveClock(t, '2026-11-20T02:00:00Z');
  const cycle = await buildCycle(t, focal, {
    year: 2072,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
  healthReport = (await health.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
  financeReport = (await finance.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t?.close());

/**
 * Starts a 19 MB multipart upload, sends its first kilobyte and never the rest, and waits for the
 * answer: a server that reads the body before checking access never answers.
 */
function unfinishedUpload(
  path: string,
  who?: TestClient,
): Promise<{ status: number; connection?: string; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const boundary = 'bioplanNeverEnds';
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      agent: false,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(19 * 1024 * 1024),
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${path} while the body was still arriving`));
    }, 8_000);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    req.write(Buffer.alloc(1024, 0x20));
  });
}

describe('uploads: access is checked before the body is read', () => {
  it('anonymous: 401 while the body is still arriving, whatever the id', async () => {
    for (const id of [unknownId, healthReport.id]) {
      for (const what of ['attachments', 'import.xlsx']) {
        const res = await unfinishedUpload(`/api/v1/reports/${id}/${what}`);
        expect(res.status, `${what} ${id}`).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
        // The rest of the 19 MB is not received at all.
        expect(res.connection).toBe('close');
      }
    }
  });

  it("another unit's report answers exactly like an unknown id, before the body", async () => {
    for (const what of ['attachments', 'import.xlsx']) {
      const other = await unfinishedUpload(`/api/v1/reports/${financeReport.id}/${what}`, health);
      const unknown = await unfinishedUpload(`/api/v1/reports/${unknownId}/${what}`, health);
      expect(other.status).toBe(404);
      expect(other.body.error).toEqual(unknown.body.error);
    }
  });

  it('a reader who may not write (the focal officer) is refused before the body', async () => {
    const res = await unfinishedUpload(`/api/v1/reports/${healthReport.id}/attachments`, focal);
    expect(res.status).toBe(403);
  });

  it('the report’s own unit still uploads', async () => {
    const up = await health.inject({
      method: 'POST',
      url: `/api/v1/reports/${healthReport.id}/attachments`,
      ...multipartForm({}, [{ name: 'ok.pdf', body: pdfBytes() }]),
    });
    expect(up.statusCode, up.body).toBe(201);
  });
});

describe('feedback bound to a report', () => {
  const body = (reportId: string) => ({ subject: 'Vướng mắc', text: 'Nội dung vướng mắc của đơn vị', reportId });

  it("refuses another unit's report and an unknown report alike (404)", async () => {
    const other = await health.post('/api/v1/feedback', body(financeReport.id));
    const unknown = await health.post('/api/v1/feedback', body(unknownId));
    expect(other.statusCode, other.body).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(other.json().error).toEqual(unknown.json().error);
    expect(other.json().error.issues).toEqual([{ path: 'reportId', message: expect.any(String) }]);
  });

  it('accepts the unit’s own report', async () => {
    const own = await health.post('/api/v1/feedback', body(healthReport.id));
    expect(own.statusCode, own.body).toBe(201);
    const item = (await focal.get(`/api/v1/feedback/${own.json().id}`)).json();
    expect(item.reportId).toBe(healthReport.id);
  });
});
