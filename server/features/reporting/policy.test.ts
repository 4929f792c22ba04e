import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { reportEvents, reports } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock } from './reporting.fixtures.js';

// The policy's promises: a closed cycle refuses every change of a report by one rule, and reading
// a report never writes.

let t: TestApp;
let focal: TestClient;
let health: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
});
afterAll(async () => t?.close());

let year = 2060;
async function freshCycle() {
  year += 1;
  await moveClock(t, '2026-11-20T02:00:00Z');
  return buildCycle(t, focal, {
    year,
    graceDays: 0,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
}
const myReport = async (c: TestClient, cycleId: string) =>
  (await c.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();

describe('a closed cycle', () => {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n'),
    Buffer.alloc(200, 32),
    Buffer.from('\n%%EOF\n'),
  ]);
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const upload = (c: TestClient, id: string, name: string, body: Buffer, type: string) => {
    const boundary = '----bioplan' + Math.random().toString(16).slice(2);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    );
    const payload = Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return c.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/attachments`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };

  it('after the cycle closes, adding and deleting a file both answer 409, by the same rule as saving', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const a = (await upload(health, r.id, 'minh-chung.pdf', pdf, 'application/pdf')).json();
    expect((await focal.post(`/api/v1/cycles/${id}/close`)).statusCode).toBe(200);
    expect((await health.get(`/api/v1/reports/${r.id}`)).json().abilities).toMatchObject({
      canEdit: false,
      canUpload: false,
    });
    expect((await upload(health, r.id, 'anh.png', png, 'image/png')).statusCode).toBe(409);
    const removed = await health.delete(`/api/v1/reports/${r.id}/attachments/${a.id}`);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.message).toContain('đã đóng');
    expect((await focal.get(`/api/v1/reports/${r.id}/attachments`)).json().data).toHaveLength(1);
  });
});

describe('reading', () => {
  it('reading never writes: every expected unit has its report from the opening, and a GET adds no row', async () => {
    const { id } = await freshCycle();
    const before = await t.database.db.select().from(reports).where(eq(reports.cycleId, id));
    const expected = (await focal.get(`/api/v1/cycles/${id}`)).json().expectedCount as number;
    expect(before).toHaveLength(expected);
    const events = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, before[0].id), eq(reportEvents.action, 'create')));
    expect(events).toHaveLength(1);
    const r = await myReport(health, id);
    expect(before.map((x) => x.id)).toContain(r.id);
    await health.get(`/api/v1/reports?cycleId=${id}`);
    await focal.get(`/api/v1/reports?cycleId=${id}`);
    const after = await t.database.db.select().from(reports).where(eq(reports.cycleId, id));
    expect(after).toHaveLength(expected);
    expect(after.map((x) => x.updatedAt.getTime()).sort((a, b) => a - b)).toEqual(
      before.map((x) => x.updatedAt.getTime()).sort((a, b) => a - b),
    );
  });
});
