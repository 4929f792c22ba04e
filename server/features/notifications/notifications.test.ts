import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDto, NotificationListResponse } from '../../../shared/contracts/notifications.js';
import { matchRoute, routes } from '../../../shared/routes.js';
import { auditLog, notifications } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildCycle, moveClock } from '../../test/cycles.js';

// The inbox (the bell's count, a page of notices, mark read, mark all read) and the producers:
// a return with its reason, an acceptance, a submission, a reminder, an extension, feedback
// forwarded to a unit, an amendment awaiting approval. Every link stored is a page of
// shared/routes.ts (client/routes.test.ts checks that the client declares each one).

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let health: TestClient;
let finance: TestClient;
let cycleId: string;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  await moveClock(t, '2026-11-20T02:00:00Z');
  ({ id: cycleId } = await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' }));
});
afterAll(async () => t?.close());

/**
 * Fills the unit's report validly and submits it. (Reporting's fixtures would make this module's
 * tests depend on reporting, which depends on notifications.)
 */
async function submitValid(unit: TestClient, cycle: string): Promise<ReportDto> {
  const r = (await unit.get(`/api/v1/cycles/${cycle}/my-report`)).json<ReportDto>();
  const saved = await unit.put(`/api/v1/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 2 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: 120.5 },
    ],
    sections: r.form.sections.map((s) => ({
      planItemId: s.planItemId,
      results: `Kết quả mục ${s.key}`,
      difficulties: '',
      proposals: '',
    })),
    otherResults: '',
    proposalsToCommittee: '',
  });
  expect(saved.statusCode).toBe(200);
  const sent = await unit.post(`/api/v1/reports/${r.id}/submit`);
  expect(sent.statusCode).toBe(200);
  return sent.json();
}

const inbox = async (c: TestClient, query = '') =>
  (await c.get(`/api/v1/notifications${query}`)).json<NotificationListResponse>();
const count = async (c: TestClient) => (await c.get('/api/v1/notifications/unread-count')).json<{ unread: number }>();
const latest = async (c: TestClient, kind: string) =>
  (await inbox(c, '?pageSize=100')).data.find((n) => n.kind === kind);

describe('producers', () => {
  it('a return tells the unit the reason and links to the report page', async () => {
    const report = await submitValid(health, cycleId);
    const submitted = await latest(focal, 'report.submitted');
    expect(submitted?.link).toBe(routes.report(report.id));

    const reason = 'Số liệu chất thải y tế chưa khớp với sổ theo dõi';
    expect((await focal.post(`/api/v1/reports/${report.id}/return`, { reason })).statusCode).toBe(200);
    const returned = await latest(health, 'report.returned');
    expect(returned).toMatchObject({ body: `Lý do: ${reason}`, link: `/bao-cao/${report.id}`, readAt: null });
    expect(matchRoute(returned!.link!)).toBe('report');

    await submitValid(health, cycleId);
    expect((await focal.post(`/api/v1/reports/${report.id}/accept`)).statusCode).toBe(200);
    expect((await latest(health, 'report.accepted'))?.link).toBe(`/bao-cao/${report.id}`);
  });

  it('a reminder and an extension link to the unit’s reports', async () => {
    const financeUnit = await t.unitId('VL-STC');
    const sent = await focal.post(`/api/v1/cycles/${cycleId}/reminders`, { orgUnitIds: [financeUnit] });
    expect(sent.json().data.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['VL-STC']);
    expect((await latest(finance, 'reminder'))?.link).toBe(routes.myReports());
    await focal.post(`/api/v1/cycles/${cycleId}/extensions`, {
      orgUnitId: financeUnit,
      deadline: '2026-12-10',
      reason: 'Thiếu nhân sự',
    });
    expect(matchRoute((await latest(finance, 'extension'))!.link!)).toBe('myReports');
  });

  it('feedback forwarded to a unit tells its officers, with a link to the item', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress: '10.9.0.1',
      payload: {
        name: 'Trần Thị Bình',
        organisation: 'Hợp tác xã Phú Túc',
        contact: 'binh@example.vn',
        subject: 'Xử lý bùn thải ao nuôi',
        text: 'Đề nghị hướng dẫn xử lý bùn thải.',
      },
    });
    expect(sent.statusCode).toBe(201);
    const { id } = sent.json();
    const forward = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'forwarded',
      forwardedToUnitId: await t.unitId('VL-SYT'),
    });
    expect(forward.statusCode).toBe(200);
    const notice = await latest(health, 'feedback.forwarded');
    expect(notice).toMatchObject({ body: 'Xử lý bùn thải ao nuôi', link: routes.feedbackItem(id) });
    expect(notice?.title).toMatch(/^Phản ánh GY-.+ được chuyển đến đơn vị$/);
    // The unit may open the item it was sent.
    expect((await health.get(`/api/v1/feedback/${id}`)).statusCode).toBe(200);
    expect(await latest(finance, 'feedback.forwarded')).toBeUndefined();
  });

  it("an answer to a unit's feedback tells that unit's officers, with a link to the item", async () => {
    const sent = await health.post('/api/v1/feedback', {
      subject: 'Hướng dẫn thu gom chất thải y tế',
      text: 'Đề nghị hướng dẫn xử lý chất thải y tế bằng chế phẩm sinh học.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { id } = sent.json();
    const answered = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'answered',
      answer: 'Sở sẽ ban hành hướng dẫn trong quý I/2027.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const notice = await latest(health, 'feedback.answered');
    expect(notice).toMatchObject({ body: 'Hướng dẫn thu gom chất thải y tế', link: routes.feedbackItem(id) });
    expect(notice?.title).toMatch(/đã được trả lời$/);
    expect(await latest(finance, 'feedback.answered')).toBeUndefined();
    // Publishing the answer later is no second notice.
    await focal.patch(`/api/v1/feedback/${id}`, { published: true });
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'feedback.answered'));
    expect(rows.filter((r) => r.link === routes.feedbackItem(id))).toHaveLength(1);
  });

  it('an amendment submitted for approval tells every leader, with a link to it', async () => {
    const plan = (await focal.get('/api/v1/plans')).json().data[0];
    const full = (await focal.get(`/api/v1/plans/${plan.id}`)).json();
    const itemId = full.items.find((i: { key: string }) => i.key === 'IV.4').id;
    const draft = (
      await focal.post(`/api/v1/plans/${plan.id}/amendments`, {
        summary: 'Sửa tên Sở Tài chính',
        reasoning: 'Sắp xếp bộ máy năm 2025',
        feedbackIds: [],
        changes: [{ op: 'update', itemId, title: 'Sở Tài chính' }],
      })
    ).json();
    expect(await latest(leader, 'amendment.submitted')).toBeUndefined();
    expect((await focal.post(`/api/v1/plans/${plan.id}/amendments/${draft.id}/submit`, {})).statusCode).toBe(200);
    expect(await latest(leader, 'amendment.submitted')).toMatchObject({
      title: 'Đề xuất sửa đổi kế hoạch chờ phê duyệt',
      body: 'Sửa tên Sở Tài chính',
      link: routes.amendment(draft.id),
    });
  });

  it('every link stored opens a page of the shared route table', async () => {
    const rows = await t.database.db
      .selectDistinct({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(isNotNull(notifications.link));
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set([
        'report.submitted',
        'report.returned',
        'report.accepted',
        'reminder',
        'extension',
        'feedback.forwarded',
        'feedback.answered',
        'amendment.submitted',
      ]),
    );
    expect(rows.filter((r) => matchRoute(r.link!) === null)).toEqual([]);
  });
});

describe('the inbox', () => {
  it('counts unread notices, marks one read (audited) and answers 404 for another account’s', async () => {
    const before = (await count(health)).unread;
    expect(before).toBeGreaterThanOrEqual(3);
    const list = await inbox(health);
    expect(list.unread).toBe(before);
    expect(list.page.total).toBe(before);
    // Newest first.
    const times = list.data.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = list.data[0];
    expect((await finance.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await finance.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(
      404,
    );
    expect((await health.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);

    const read = await health.post(`/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationDto>().readAt).not.toBeNull();
    expect((await count(health)).unread).toBe(before - 1);
    // Reading it again changes nothing and writes no second audit line.
    expect((await health.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(200);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.entityId, first.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].actorId).toBe(health.user.id);
    expect((await inbox(health, '?unreadOnly=true')).data.map((n) => n.id)).not.toContain(first.id);
  });

  it('pages the list', async () => {
    const all = await inbox(health, '?pageSize=100');
    const page2 = await inbox(health, '?pageSize=1&page=2');
    expect(page2.data).toHaveLength(1);
    expect(page2.data[0].id).toBe(all.data[1].id);
    expect(page2.page).toEqual({ page: 2, pageSize: 1, total: all.page.total });
    expect((await health.get('/api/v1/notifications?pageSize=1000')).statusCode).toBe(400);
  });

  it('marks all read for this account only', async () => {
    const focalBefore = (await count(focal)).unread;
    expect(focalBefore).toBeGreaterThan(0);
    const res = await health.post('/api/v1/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBeGreaterThan(0);
    expect((await count(health)).unread).toBe(0);
    expect((await count(focal)).unread).toBe(focalBefore);
    const [line] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'notification.read_all'));
    expect(line).toMatchObject({ actorId: health.user.id, data: { count: res.json().updated } });
    // Nothing left: nothing changes, nothing more is audited.
    expect((await health.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0, unread: 0 });
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).statusCode).toBe(401);
  });
});
