// Input hardening (issue 11, findings 1 and 9): characters PostgreSQL cannot store, broken
// multipart bodies, concurrent duplicates and file names with bidirectional controls answer 4xx
// in the envelope, never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { buildCycle, moveClock, validContent } from '../reporting/reporting.fixtures.js';

let t: TestApp;
let admin: TestClient;
let focal: TestClient;
let unit: TestClient;
let report: ReportDto;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.loginAs('admin');
  focal = await t.loginAs('focal');
  unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await moveClock(t, '2026-11-20T02:00:00Z');
  const cycle = await buildCycle(t, focal, {
    year: 2071,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
  report = (await unit.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
});
afterAll(async () => t?.close());

/** Expects a 400 in the envelope whose issue names `field`. */
function expectRefusedField(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  const body = res.json() as {
    error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
    requestId: string;
  };
  expect(body.error.code).toBe('VALIDATION_ERROR');
  expect(body.requestId).toEqual(expect.any(String));
  expect(body.error.issues?.map((i) => i.path)).toContain(field);
  expect(body.error.message).toContain(field);
  return body;
}

describe('NUL characters are refused before they reach the database', () => {
  it('in the search text of every list, anonymous or signed in, naming the field', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/published?q=a%00b' });
    const vi = expectRefusedField(anon, 'q');
    expect(vi.error.message).toMatch(/ký tự/);
    expectRefusedField(await admin.get('/api/v1/users?q=a%00b'), 'q');
    expectRefusedField(await admin.get('/api/v1/org-units?q=a%00b'), 'q');
    expectRefusedField(await focal.get('/api/v1/feedback?q=a%00b'), 'q');
    expectRefusedField(await focal.get('/api/v1/guidance-documents?q=a%00b'), 'q');
    const en = expectRefusedField(await admin.get('/api/v1/users?q=a%00b', { 'accept-language': 'en' }), 'q');
    expect(en.error.message).toMatch(/character/);
  });

  it('in body fields: names, titles, report texts, answers', async () => {
    expectRefusedField(
      await admin.post('/api/v1/users', {
        email: 'nul@test.vn',
        name: 'Nguyễn\u0000A',
        role: 'focal',
        password: TEST_PASSWORD,
      }),
      'name',
    );
    expectRefusedField(
      await focal.post('/api/v1/guidance-documents', {
        number: '1/2026/TT',
        date: '2026-01-02',
        issuer: 'Bộ',
        title: 'Hướng\u0000dẫn',
      }),
      'title',
    );
    expectRefusedField(
      await unit.put(`/api/v1/reports/${report.id}`, { ...validContent(report), otherResults: 'a\u0000b' }),
      'otherResults',
    );
    const content = validContent(report);
    content.sections[0].results = 'x\u0000';
    expectRefusedField(await unit.put(`/api/v1/reports/${report.id}`, content), 'sections.0.results');
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { organisation: 'Công ty A', contact: 'a@b.vn', subject: 'Hỏi', text: 'Nội dung' },
    });
    expect(sent.statusCode).toBe(201);
    expectRefusedField(
      await focal.patch(`/api/v1/feedback/${sent.json().id}`, { status: 'answered', answer: 'Trả\u0000lời' }),
      'answer',
    );
  });

  it('in multipart form fields', async () => {
    const form = multipartForm({
      organisation: 'Công ty A',
      contact: 'a@b.vn',
      subject: 'Hỏi\u0000',
      text: 'Nội dung',
    });
    expectRefusedField(await t.app.inject({ method: 'POST', url: '/api/v1/feedback', ...form }), 'subject');
  });
});

describe('lone UTF-16 surrogates are refused, naming the field', () => {
  it('in a JSON body (they would break the audit write)', async () => {
    const payload = `{"email":"sur@test.vn","name":"x\\ud800y","role":"focal","password":"${TEST_PASSWORD}"}`;
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    const body = expectRefusedField(res, 'name');
    expect(body.error.message).toMatch(/Unicode/);
    const low = await focal.inject({
      method: 'POST',
      url: '/api/v1/guidance-documents',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"number":"2/2026/TT","date":"2026-01-02","issuer":"B\\udc00","title":"T"}',
    });
    expect(expectRefusedField(low, 'issuer').error.message).toMatch(/surrogate/);
    // A proper pair (an emoji) is text like any other.
    const ok = await focal.inject({
      method: 'POST',
      url: '/api/v1/guidance-documents',
      headers: { 'content-type': 'application/json' },
      payload: '{"number":"3/2026/TT","date":"2026-01-02","issuer":"Bộ \\ud83c\\udf31","title":"Hướng dẫn"}',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().issuer).toBe('Bộ 🌱');
  });
});

describe('broken multipart bodies answer 400 in the envelope', () => {
  const broken = (good: ReturnType<typeof multipartForm>) => ({
    truncated: { payload: good.payload.subarray(0, good.payload.length - 40), headers: good.headers },
    wrongBoundary: { payload: good.payload, headers: { 'content-type': 'multipart/form-data; boundary=not-the-one' } },
    noBoundary: { payload: good.payload, headers: { 'content-type': 'multipart/form-data' } },
  });

  it('on attachments, Excel import and feedback, signed in or anonymous', async () => {
    const file = multipartForm({}, [{ name: 'a.pdf', body: pdfBytes(), type: 'application/pdf' }]);
    const feedbackForm = multipartForm(
      { organisation: 'Công ty A', contact: 'a@b.vn', subject: 'Hỏi', text: 'Nội dung' },
      [{ field: 'attachments', name: 'a.pdf', body: pdfBytes(), type: 'application/pdf' }],
    );
    const targets: Array<{
      who: string;
      send: (o: {
        payload: Buffer;
        headers: Record<string, string>;
      }) => Promise<{ statusCode: number; json(): { error: { code: string }; requestId: unknown } }>;
    }> = [
      {
        who: 'unit attachment',
        send: (o) => unit.inject({ method: 'POST', url: `/api/v1/reports/${report.id}/attachments`, ...o }),
      },
      {
        who: 'unit import',
        send: (o) => unit.inject({ method: 'POST', url: `/api/v1/reports/${report.id}/import.xlsx`, ...o }),
      },
      { who: 'anonymous feedback', send: (o) => t.app.inject({ method: 'POST', url: '/api/v1/feedback', ...o }) },
    ];
    for (const target of targets) {
      const form = target.who.includes('feedback') ? feedbackForm : file;
      for (const [kind, req] of Object.entries(broken(form))) {
        const res = await target.send(req);
        expect(res.statusCode, `${target.who} ${kind}: ${JSON.stringify(res.json())}`).toBe(400);
        expect(res.json().error.code).toBe('MALFORMED_MULTIPART');
        expect(res.json().requestId).toEqual(expect.any(String));
      }
    }
    // The same bodies, whole, are accepted: the refusal is about the breakage only.
    expect((await targets[0].send(file)).statusCode).toBe(201);
    expect((await targets[2].send(feedbackForm)).statusCode).toBe(201);
  });

  it('JSON sent to a multipart-only endpoint answers 415', async () => {
    for (const url of [`/api/v1/reports/${report.id}/attachments`, `/api/v1/reports/${report.id}/import.xlsx`]) {
      const res = await unit.post(url, { file: 'x' });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    // No body at all: the same.
    const empty = await unit.inject({ method: 'POST', url: `/api/v1/reports/${report.id}/attachments` });
    expect(empty.statusCode).toBe(415);
  });
});

describe('concurrent duplicates answer 409', () => {
  it('six simultaneous POST /users with one new e-mail: one 201, five 409', async () => {
    const body = { email: 'cung-luc@test.vn', name: 'Cùng Lúc', role: 'focal', password: TEST_PASSWORD };
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/v1/users', body)));
    const codes = answers.map((a) => a.statusCode).sort((a, b) => a - b);
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().error.code).toBe('CONFLICT');
      expect(a.json().error.issues?.[0]?.path).toBe('email');
    }
  });
});

describe('stored file names lose bidirectional controls', () => {
  it('on report attachments and feedback files', async () => {
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in a browser: the override must not be kept.
    const tricky = 'hoa-don\u202Efdp.exe\u2066x\u2069.pdf';
    const up = await unit.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/attachments`,
      ...multipartForm({}, [{ name: tricky, body: pdfBytes() }]),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().fileName).toBe('hoa-donfdp.exex.pdf');

    const form = multipartForm({ subject: 'Tệp', text: 'Có tệp' }, [
      { field: 'attachments', name: `\u202Abao-cao\u202C\u200F.pdf`, body: pdfBytes() },
    ]);
    const sent = await unit.inject({ method: 'POST', url: '/api/v1/feedback', ...form });
    expect(sent.statusCode, sent.body).toBe(201);
    const item = (await focal.get(`/api/v1/feedback/${sent.json().id}`)).json();
    expect(item.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['bao-cao.pdf']);
  });
});
