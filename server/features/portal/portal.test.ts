import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { HOSTILE, seedPortalFeedback } from './portal.fixtures.js';

let t: TestApp;
let focal: TestClient;

const PAGES = [
  ['/cong-thong-tin', 'Kế hoạch phát triển công nghiệp sinh học'],
  ['/cong-thong-tin/ke-hoach', 'MỤC TIÊU'],
  ['/cong-thong-tin/phien-ban', '1953/KH-UBND'],
  ['/cong-thong-tin/ai-lam-gi', 'Sở Nông nghiệp và Môi trường'],
  ['/cong-thong-tin/hoi-dap', 'trả lời câu 1'],
  ['/cong-thong-tin/van-ban-huong-dan', '12/2025/TT-BNNMT'],
] as const;
/** The pages of issue 13, here with nothing published yet: they say so. */
const NEW_PAGES = [
  ['/cong-thong-tin/tien-do', 'Chưa có năm nào được công bố.'],
  ['/cong-thong-tin/chi-so', 'Chưa có số liệu nào được công bố.'],
  ['/cong-thong-tin/doanh-nghiep', '0 doanh nghiệp'],
  ['/cong-thong-tin/du-lieu', 'Giấy phép CC BY 4.0'],
  ['/cong-thong-tin/phien-ban/so-sanh', 'Kế hoạch mới có một phiên bản.'],
] as const;

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  await seedPortalFeedback(t, focal);
  const guidance = await focal.post('/api/v1/guidance-documents', {
    number: '12/2025/TT-BNNMT',
    date: '2025-06-01',
    issuer: 'Bộ Nông nghiệp và Môi trường',
    title: `Hướng dẫn ${HOSTILE}`,
    summary: 'Hướng dẫn sử dụng chế phẩm sinh học trong xử lý chất thải chăn nuôi.',
  });
  expect(guidance.statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('portal pages', () => {
  it.each([...PAGES, ...NEW_PAGES])('%s answers HTML without an account, in Vietnamese', async (url, text) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain(text);
    expect(res.body).toContain('<a class="skip" href="#main">');
    expect(res.body).toMatch(/<main id="main">[\s\S]*<h1>/);
    expect(res.body).toContain('<meta property="og:title"');
    expect(res.body).not.toContain('<script');
    expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
  });

  it.each(PAGES)('%s?lang=en answers in English', async (url) => {
    const res = await get(`${url}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Skip to main content');
    // The records stay as issued, in Vietnamese, and say so.
    expect(res.body).toMatch(/<(h1|p|article|div|span)[^>]* lang="vi"/);
  });

  it('is served by the portal, not the single-page client, also when signed in', async () => {
    const res = await focal.get('/cong-thong-tin/ke-hoach');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<span class="label">1.</span>');
    const missing = await get('/cong-thong-tin/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<h1>Không tìm thấy trang</h1>');
    const slash = await get('/cong-thong-tin/?lang=en');
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe('/cong-thong-tin?lang=en');
  });

  it('escapes every value: a hostile subject and title are text, not markup', async () => {
    for (const url of ['/cong-thong-tin/hoi-dap', '/cong-thong-tin/van-ban-huong-dan', '/cong-thong-tin']) {
      const body = (await get(url)).body;
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<b>đậm</b>');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;');
    }
  });

  it('answers 304 to a client holding the same ETag', async () => {
    const first = await get('/cong-thong-tin/ke-hoach');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/cong-thong-tin/ke-hoach', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/cong-thong-tin/ke-hoach', { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('lists plan versions with the decision number and date', async () => {
    const body = (await get('/cong-thong-tin/phien-ban')).body;
    expect(body).toMatch(/<th scope="row">1<\/th>\s*<td>\s*1953\/KH-UBND/);
    expect(body).toContain('27/03/2025');
    expect(body).toContain('Đang có hiệu lực');
  });

  it('shows duties by unit and names groups', async () => {
    const body = (await get('/cong-thong-tin/ai-lam-gi')).body;
    expect(body).toContain('<h2>Sở Tài chính');
    expect(body).toContain('<h2>Các sở, ngành, địa phương</h2>');
  });

  it('searches answers without diacritics and pages through them', async () => {
    const found = (await get('/cong-thong-tin/hoi-dap?q=xu%20ly%20chat%20thai%20chan%20nuoi')).body;
    expect(found).toContain('1 câu hỏi');
    expect(found).toContain('Câu hỏi số 1');
    const none = (await get('/cong-thong-tin/hoi-dap?q=khong%20co%20gi')).body;
    expect(none).toContain('0 câu hỏi');
    const odd = await get('/cong-thong-tin/hoi-dap?page=abc&q=');
    expect(odd.statusCode).toBe(200);
    const beyond = (await get('/cong-thong-tin/hoi-dap?page=9')).body;
    expect(beyond).toContain('Trang 9/1');
    expect(beyond).toContain('href="/cong-thong-tin/hoi-dap" rel="prev"');
  });

  it('serves its stylesheet with a long cache under a versioned address', async () => {
    const home = (await get('/cong-thong-tin')).body;
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home)![1];
    const css = await get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('discovery', () => {
  it('lists every portal page in sitemap.xml', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    const doc = parseXml(res.body);
    const locs = Array.from(doc.getElementsByTagName('loc')).map((n) => new URL(n.textContent).pathname);
    for (const [url] of [...PAGES, ...NEW_PAGES]) expect(locs).toContain(url);
  });

  it('points robots to the sitemap and away from the API', async () => {
    const res = await get('/robots.txt');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Disallow: /api/');
    expect(res.body).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  });

  it('publishes the answers as an Atom feed that parses as XML', async () => {
    const res = await get('/cong-thong-tin/feed.atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const doc = parseXml(res.body);
    const titles = Array.from(doc.getElementsByTagName('entry')).map(
      (e) => e.getElementsByTagName('title')[0].textContent,
    );
    expect(titles).toHaveLength(2);
    expect(titles).toContain(HOSTILE);
  });
});

/** Parses XML strictly: any warning or error fails the test. */
function parseXml(text: string) {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    text,
    'text/xml',
  );
}
