// Issue 13: publishing is explicit. The focal officer publishes a year's progress text and figures
// from the approved consolidated report; nothing unpublished, withdrawn or not yet approved ever
// reaches the portal, and every publication and withdrawal is audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationStateDto } from '../../../shared/contracts/publishing.js';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle } from '../../test/cycles.js';
import { waitForJob } from '../consolidation/consolidation.fixtures.js';
import { submitReport } from '../reporting/reporting.fixtures.js';
import { approvedCycle } from './portal.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let yte: TestClient;
let cycleId: string;

/** Narrative of the unit's report: each item says it is not published until the officer does. */
const NARRATIVE = (key: string) => `Nội dung nội bộ mục ${key}: chưa công bố.`;
const PUBLISHED_TEXT = 'Đã hướng dẫn 12 bệnh viện dùng chế phẩm sinh học xử lý nước thải.';

const portal = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;
const PORTAL_PAGES = [
  '/cong-thong-tin',
  '/cong-thong-tin/tien-do',
  '/cong-thong-tin/chi-so',
  '/cong-thong-tin/du-lieu',
  '/cong-thong-tin/du-lieu/so-lieu-chi-tieu.csv',
  '/cong-thong-tin/du-lieu/so-lieu-chi-tieu.json',
];
async function everyPortalPage(): Promise<string> {
  const bodies = await Promise.all(PORTAL_PAGES.map(portal));
  return bodies.join('\n');
}

const state = async (c: TestClient = focal) =>
  (await c.get(`/api/v1/cycles/${cycleId}/publication`)).json<PublicationStateDto>();

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  leader = await t.loginAs('leader', { unitCode: 'VL-UBND' });
  yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
});
afterAll(async () => t?.close());

describe('before the consolidated report is approved', () => {
  it('offers nothing to publish, refuses to publish, and the portal shows no progress', async () => {
    const { id } = await buildCycle(t, focal, { year: 2027 });
    await submitReport(yte, id, { results: NARRATIVE, xlMedical: 77 });
    const started = await focal.post(`/api/v1/cycles/${id}/consolidation`, {});
    await waitForJob(focal, id, started.json().job.id);
    const s = (await focal.get(`/api/v1/cycles/${id}/publication`)).json<PublicationStateDto>();
    expect(s).toMatchObject({ year: 2027, approved: null, prefill: null, publication: null });
    expect(s.abilities.canPublish).toBe(false);
    const refused = await focal.put(`/api/v1/cycles/${id}/publication`, {
      consolidationVersion: 1,
      version: 0,
      items: [],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('chưa được duyệt');
    const pages = await everyPortalPage();
    expect(pages).toContain('Chưa có năm nào được công bố.');
    expect(pages).not.toContain('chưa công bố.');
  });
});

describe('publishing a year', () => {
  let approvedVersion: number;

  beforeAll(async () => {
    ({ cycleId, version: approvedVersion } = await approvedCycle(t, focal, yte, {
      year: 2026,
      results: NARRATIVE,
      xlMedical: 400,
    }));
  }, 300_000);

  it("prefills each plan item with the approved report's narrative and its figures", async () => {
    const s = await state();
    expect(s.approved?.version).toBe(approvedVersion);
    expect(s.publication).toBeNull();
    expect(s.abilities.canPublish).toBe(true);
    expect(s.prefill!.items.length).toBeGreaterThan(0);
    const first = s.prefill!.items[0];
    expect(first.text).toContain(NARRATIVE(first.itemKey));
    const xl = s.prefill!.figures.find((f) => f.code === 'XL-01')!;
    expect(xl.total).toBe(400 + 1234.5);
    // A leader reads it but cannot publish.
    expect((await state(leader)).abilities.canPublish).toBe(false);
    // Still nothing on the portal: approval alone publishes nothing.
    expect(await everyPortalPage()).not.toContain('chưa công bố.');
  });

  it('refuses a leader, an unknown item, a stale report version and a stale publication version', async () => {
    const s = await state();
    const body = { consolidationVersion: s.approved!.version, version: 0, items: [] };
    expect((await leader.put(`/api/v1/cycles/${cycleId}/publication`, body)).statusCode).toBe(403);
    const unknown = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
      ...body,
      items: [{ itemKey: 'KHÔNG-CÓ', text: 'x' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('items.0.itemKey');
    const tooLong = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
      ...body,
      items: [{ itemKey: s.prefill!.items[0].itemKey, text: 'x'.repeat(20_001) }],
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.issues[0].path).toBe('items.0.text');
    expect(tooLong.json().error.message).toContain('20.000 ký tự');
    const stale = await focal.put(`/api/v1/cycles/${cycleId}/publication`, { ...body, consolidationVersion: 1 });
    expect(stale.statusCode).toBe(409);
    const ahead = await focal.put(`/api/v1/cycles/${cycleId}/publication`, { ...body, version: 3 });
    expect(ahead.statusCode).toBe(409);
    expect((await state()).publication).toBeNull();
    expect(await portal('/cong-thong-tin/tien-do')).toContain('Chưa có năm nào được công bố.');
  });

  it('publishes the edited text of one item (blank items left out) and the figures, audited', async () => {
    const s = await state();
    const [first, ...rest] = s.prefill!.items;
    const res = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
      consolidationVersion: s.approved!.version,
      version: 0,
      items: [{ itemKey: first.itemKey, text: PUBLISHED_TEXT }, ...rest.map((i) => ({ itemKey: i.itemKey, text: '' }))],
    });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<PublicationStateDto>().publication!;
    expect(published).toMatchObject({ version: 1, isPublished: true, consolidationVersion: s.approved!.version });
    expect(published.items).toEqual([{ itemKey: first.itemKey, heading: first.heading, text: PUBLISHED_TEXT }]);

    const progress = await portal('/cong-thong-tin/tien-do');
    expect(progress).toContain(PUBLISHED_TEXT);
    expect(progress).toContain('Năm 2026');
    expect(progress).toContain('1.634,5');
    // The unedited narrative of the report was never published.
    expect(await everyPortalPage()).not.toContain('chưa công bố.');
    const csv = await portal('/cong-thong-tin/du-lieu/so-lieu-chi-tieu.csv');
    expect(csv).toMatch(/^\uFEFFnam,ma_chi_tieu/);
    expect(csv).toContain('2026,XL-01,');
    expect(csv).toContain(',1634.5,');

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'portal.publish'), eq(auditLog.entityType, 'published_progress')));
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ year: 2026, version: 1, items: 1 });
  });

  it('draws each published indicator on the server as an SVG image with its data table', async () => {
    const body = await portal('/cong-thong-tin/chi-so');
    expect(body).not.toContain('<script');
    const svg = /<svg role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/.exec(body);
    expect(svg).not.toBeNull();
    expect(svg![1]).toContain('Biểu đồ cột');
    expect(svg![2]).toBe(svg![1]);
    // The table under the XL-01 chart holds the real figure.
    const section = body.slice(body.indexOf('id="chi-tieu-XL-01"'));
    expect(section).toMatch(/<th scope="row">2026<\/th>\s*<td class="num">1\.634,5<\/td>/);
    expect(section).toContain('Kế hoạch không đặt mục tiêu định lượng cho chỉ tiêu này.');
  });

  it('withdraws the year: the portal and open data show nothing of it, audited; it can be published again', async () => {
    const before = await state();
    const stale = await focal.post(`/api/v1/cycles/${cycleId}/publication/withdraw`, { version: 99 });
    expect(stale.statusCode).toBe(409);
    expect((await leader.post(`/api/v1/cycles/${cycleId}/publication/withdraw`, { version: 1 })).statusCode).toBe(403);
    const res = await focal.post(`/api/v1/cycles/${cycleId}/publication/withdraw`, {
      version: before.publication!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PublicationStateDto>().publication).toMatchObject({ isPublished: false, version: 2 });
    const pages = await everyPortalPage();
    expect(pages).not.toContain(PUBLISHED_TEXT);
    expect(pages).not.toContain('1.634,5');
    expect(pages).not.toContain('1634.5');
    expect(await portal('/cong-thong-tin/tien-do')).toContain('Chưa có năm nào được công bố.');
    const again = await focal.post(`/api/v1/cycles/${cycleId}/publication/withdraw`, { version: 2 });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'portal.unpublish'));
    expect(audit).toHaveLength(1);

    const s = await state();
    const republished = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
      consolidationVersion: s.approved!.version,
      version: 2,
      items: [{ itemKey: s.prefill!.items[0].itemKey, text: PUBLISHED_TEXT }],
    });
    expect(republished.statusCode).toBe(200);
    expect(await portal('/cong-thong-tin/tien-do')).toContain(PUBLISHED_TEXT);
  });

  it('cannot publish again from a report changed after approval (a draft again), and keeps what is published', async () => {
    const draft = (await focal.get(`/api/v1/cycles/${cycleId}/consolidation`)).json<{ version: number }>();
    const edited = await focal.patch(`/api/v1/cycles/${cycleId}/consolidation`, {
      version: draft.version,
      settings: { title: 'Báo cáo sửa sau khi duyệt' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const s = await state();
    expect(s.approved).toBeNull();
    expect(s.abilities.canPublish).toBe(false);
    const res = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
      consolidationVersion: draft.version,
      version: s.publication!.version,
      items: [],
    });
    expect(res.statusCode).toBe(409);
    expect(await portal('/cong-thong-tin/tien-do')).toContain(PUBLISHED_TEXT);
  });
});
