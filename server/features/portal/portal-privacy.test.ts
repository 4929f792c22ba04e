import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/text.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';
import { approvedCycle, publishYear, SENDERS, seedPortalFeedback } from './portal.fixtures.js';

/** The officer who publishes, and a household business whose tax code is its owner's number. */
const OFFICER = { name: 'Nguyễn Cán Bộ Đầu Mối', email: 'canbo.daumoi@example.vn' };
const HOUSEHOLD_TAX = validTaxCode(8100);

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT', ...OFFICER });
  await seedPortalFeedback(t, focal);
  // A published year (by the named officer) and the registry, so the crawl reads those pages too.
  const yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  const { cycleId } = await approvedCycle(t, focal, yte, { year: 2026, results: (k) => `Kết quả mục ${k}.` });
  await publishYear(focal, cycleId);
  await addEnterprise(focal, {
    taxCode: HOUSEHOLD_TAX,
    name: 'Hộ kinh doanh Men Vi Sinh Ba Tri',
    products: [{ name: 'Men vi sinh ủ phân chuồng', wasteStreams: ['agri'] }],
  });
  // One more, never answered nor published, from a sender with both details in the text fields.
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    remoteAddress: '10.9.1.1',
    payload: {
      name: 'Đặng Thị Chưa Trả Lời',
      organisation: 'Hộ kinh doanh Chưa Trả Lời',
      contact: '0901112223',
      subject: 'Góp ý chưa xử lý',
      text: 'Nội dung góp ý chưa được trả lời.',
    },
  });
  expect(res.statusCode).toBe(201);
}, 300_000);
afterAll(async () => t?.close());

/** Every page reachable from the portal's home by links within /cong-thong-tin, plus its feeds. */
async function crawl(): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ['/cong-thong-tin', '/cong-thong-tin?lang=en', '/cong-thong-tin/feed.atom', '/sitemap.xml'];
  while (queue.length > 0 && seen.size < 300) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    seen.set(url, res.body);
    for (const [, raw] of res.body.matchAll(/href="([^"#]*)/g)) {
      const link = raw.replaceAll('&amp;', '&');
      const path = link.startsWith('http') ? new URL(link).pathname + new URL(link).search : link;
      if (path.startsWith('/cong-thong-tin') && !seen.has(path)) queue.push(path);
    }
  }
  return seen;
}

describe('the portal shows no personal data and nothing unpublished', () => {
  it('crawls every portal link from the home page and finds no sender name, e-mail or phone', async () => {
    const pages = await crawl();
    expect(pages.size).toBeGreaterThanOrEqual(35);
    // The crawl reached the pages of issue 13 and their open data.
    for (const url of ['/cong-thong-tin/tien-do', '/cong-thong-tin/chi-so', '/cong-thong-tin/doanh-nghiep']) {
      expect(pages.has(url), url).toBe(true);
    }
    expect([...pages.keys()].filter((u) => u.startsWith('/cong-thong-tin/du-lieu/'))).toHaveLength(12);
    expect([...pages.values()].some((b) => b.includes('Men vi sinh ủ phân chuồng'))).toBe(true);
    expect([...pages.values()].some((b) => b.includes('Kết quả mục'))).toBe(true);
    const secrets = [
      OFFICER.name,
      OFFICER.email,
      HOUSEHOLD_TAX,
      ...SENDERS.flatMap((s) => [s.name, s.organisation, s.contact]),
      'Đặng Thị Chưa Trả Lời',
      '0901112223',
      'Hộ kinh doanh Chưa Trả Lời',
    ];
    for (const [url, body] of pages) {
      const folded = foldText(body);
      for (const secret of secrets) {
        expect(body.includes(secret), `${secret} on ${url}`).toBe(false);
        expect(folded.includes(foldText(secret)), `${secret} (folded) on ${url}`).toBe(false);
      }
      // Tracking codes are the sender's key to their own item.
      expect(body, url).not.toMatch(/GY-[A-Z0-9]{4}-[A-Z0-9]{4}/);
      // Answered but unpublished (the 2nd and 4th) and unanswered items never appear.
      expect(body, url).not.toContain('trả lời câu 2');
      expect(body, url).not.toContain('trả lời câu 4');
      expect(body, url).not.toContain('Góp ý chưa xử lý');
    }
    // The published ones do appear, so the crawl did reach the answers.
    expect([...pages.values()].some((b) => b.includes('trả lời câu 1'))).toBe(true);
  });

  it('cannot be searched by a sender’s name, organisation or contact to tell who asked what', async () => {
    for (const s of SENDERS) {
      for (const q of [s.name, s.organisation, s.contact]) {
        const api = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/published?q=${encodeURIComponent(q)}` });
        expect(api.json().page.total, q).toBe(0);
        const page = await t.app.inject({ method: 'GET', url: `/cong-thong-tin/hoi-dap?q=${encodeURIComponent(q)}` });
        expect(page.body, q).toContain('0 câu hỏi');
      }
    }
  });
});
