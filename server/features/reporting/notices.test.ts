import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, submitValid } from './reporting.fixtures.js';

// The notices of the reporting workflow are written in both languages and read in the language
// of the request (Accept-Language), like the API's errors; rows written before stay as they were.

let t: TestApp;
let focal: TestClient;
let health: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await moveClock(t, '2026-11-20T02:00:00Z');
});
afterAll(async () => t?.close());

type Notice = { kind: string; title: string; body: string };
const latest = async (c: TestClient, kind: string, lang?: 'en') =>
  ((await c.get('/api/v1/notifications', lang ? { 'accept-language': lang } : {})).json().data as Notice[]).find(
    (n) => n.kind === kind,
  )!;

describe('notices in the reader’s language', () => {
  it('a returned report: Vietnamese by default, English with Accept-Language: en', async () => {
    const { id: cycleId } = await buildCycle(t, focal, {
      year: 2026,
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
      deadline: '2026-11-30',
    });
    const report = await submitValid(health, cycleId);
    expect(await latest(focal, 'report.submitted')).toMatchObject({
      title: 'Sở Y tế đã gửi báo cáo năm 2026',
      body: 'Báo cáo gửi lần đầu.',
    });
    expect(await latest(focal, 'report.submitted', 'en')).toMatchObject({
      title: 'Sở Y tế sent its 2026 report',
      body: 'First submission.',
    });

    const reason = 'Số liệu chất thải y tế chưa khớp';
    expect((await focal.post(`/api/v1/reports/${report.id}/return`, { reason })).statusCode).toBe(200);
    expect(await latest(health, 'report.returned')).toEqual(
      expect.objectContaining({ title: 'Báo cáo năm 2026 của Sở Y tế bị trả lại', body: `Lý do: ${reason}` }),
    );
    const en = await latest(health, 'report.returned', 'en');
    expect(en).toEqual(
      expect.objectContaining({ title: expect.stringMatching(/was returned$/), body: `Reason: ${reason}` }),
    );
    expect(en.title).not.toContain('"vi"');

    const extension = await focal.post(`/api/v1/cycles/${cycleId}/extensions`, {
      orgUnitId: report.orgUnitId,
      deadline: '2026-12-10',
      reason: 'Thiếu nhân sự',
    });
    expect(extension.statusCode).toBe(201);
    expect(await latest(health, 'extension')).toMatchObject({
      title: 'Gia hạn nộp báo cáo năm 2026 đến 10/12/2026',
      body: 'Lý do: Thiếu nhân sự',
    });
    expect(await latest(health, 'extension', 'en')).toMatchObject({
      title: 'The 2026 report deadline is extended to 2026-12-10',
      body: 'Reason: Thiếu nhân sự',
    });
  });

  it('a notice stored before as plain text reads the same in both languages', async () => {
    await t.database.db.insert(notifications).values({
      userId: health.user.id,
      kind: 'legacy',
      title: 'Thông báo cũ',
      body: 'Nội dung cũ',
      link: '/',
      createdAt: new Date(),
    });
    expect(await latest(health, 'legacy', 'en')).toMatchObject({ title: 'Thông báo cũ', body: 'Nội dung cũ' });
    await t.database.db.delete(notifications).where(eq(notifications.kind, 'legacy'));
  });
});
