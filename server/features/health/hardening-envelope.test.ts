// Every error answers the envelope { error: { code, message, issues? }, requestId } (issue 11,
// finding 7), also those Fastify raises before routing and those of Node's HTTP parser.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t?.close());

function expectEnvelope(body: unknown, code: string) {
  expect(body).toEqual({
    error: { code, message: expect.any(String) },
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
}

/** Sends raw bytes on a new connection and reads the whole answer until the server closes it. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.write(request);
  });
}

describe('errors raised before routing answer the envelope', () => {
  it('a path parameter over the length limit: 414', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${'a'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expectEnvelope(res.json(), 'URI_TOO_LONG');
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
    expect(res.json().error.message).toBe('Đường dẫn quá dài');
  });

  it('a malformed percent-encoding in the path: 400, in English when asked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/feedback/track/%E0%A4%A',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expectEnvelope(res.json(), 'BAD_URL');
    expect(res.json().error.message).toBe('Malformed URL');
  });

  it('the same over a real connection', async () => {
    const res = await raw(`GET /api/v1/reports/${'b'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(414);
    expectEnvelope(JSON.parse(res.body), 'URI_TOO_LONG');
  });
});

describe("errors of Node's HTTP parser answer the envelope", () => {
  it('headers over the size limit: 431', async () => {
    const res = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    const body = JSON.parse(res.body);
    expectEnvelope(body, 'HEADERS_TOO_LARGE');
    expect(res.headers.toLowerCase()).toContain(`x-request-id: ${body.requestId}`);
  });

  it('bytes that are not HTTP: 400', async () => {
    const res = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(res.status).toBe(400);
    expectEnvelope(JSON.parse(res.body), 'BAD_REQUEST');
  });
});
