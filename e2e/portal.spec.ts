import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, publishedProgress, reportCycles } from '../server/db/schema/index.js';
import { validTaxCode } from '../server/features/registries/registries.fixtures.js';
import { DEMO, DEMO_PASSWORD, expectAccessible, startStack, type Page, type Stack } from './support.js';

const PAGES = [
  ['home', '/cong-thong-tin'],
  ['plan', '/cong-thong-tin/ke-hoach'],
  ['versions', '/cong-thong-tin/phien-ban'],
  ['duties', '/cong-thong-tin/ai-lam-gi'],
  ['answers', '/cong-thong-tin/hoi-dap'],
  ['guidance', '/cong-thong-tin/van-ban-huong-dan'],
  ['progress', '/cong-thong-tin/tien-do'],
  ['indicators', '/cong-thong-tin/chi-so'],
  ['enterprises', '/cong-thong-tin/doanh-nghiep'],
  ['enterprises-search', '/cong-thong-tin/doanh-nghiep?q=che+pham+xu+ly+chat+thai+chan+nuoi'],
  ['open-data', '/cong-thong-tin/du-lieu'],
  ['compare', '/cong-thong-tin/phien-ban/so-sanh'],
  ['home-en', '/cong-thong-tin?lang=en'],
  ['indicators-en', '/cong-thong-tin/chi-so?lang=en'],
] as const;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];

let stack: Stack;

/** A published answer and a guidance document, so that no page is empty. */
async function seed() {
  const { app } = stack;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: DEMO.focal, password: DEMO_PASSWORD },
  });
  const cookie = `bioplan_session=${login.cookies.find((c) => c.name === 'bioplan_session')!.value}`;
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  const sent = await app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    payload: {
      name: 'Nguyễn Thị Riêng Tư',
      organisation: 'Hợp tác xã Bí Mật',
      contact: 'rieng.tu@example.vn',
      subject: 'Chế phẩm xử lý chất thải chăn nuôi mua ở đâu?',
      text: 'Xin cho biết nơi mua chế phẩm vi sinh xử lý chất thải chăn nuôi.',
    },
  });
  expect(sent.statusCode).toBe(201);
  const answered = await app.inject({
    method: 'PATCH',
    url: `/api/v1/feedback/${sent.json().id}`,
    headers,
    payload: { status: 'answered', answer: 'Danh sách cơ sở sản xuất chế phẩm được đăng tại Sở.', published: true },
  });
  expect(answered.statusCode).toBe(200);
  const guidance = await app.inject({
    method: 'POST',
    url: '/api/v1/guidance-documents',
    headers,
    payload: {
      number: '12/2025/TT-BNNMT',
      date: '2025-06-01',
      issuer: 'Bộ Nông nghiệp và Môi trường',
      title: 'Hướng dẫn sử dụng chế phẩm sinh học trong xử lý chất thải chăn nuôi',
    },
  });
  expect(guidance.statusCode).toBe(201);
  // The registry: producers of bio-preparations (what the public part lists).
  for (const [i, firm] of [
    ['Công ty TNHH Vi sinh Đồng Khởi', 'Men ủ phân chuồng Đồng Khởi', 'agri'],
    ['Công ty CP Sinh học Cửu Long', 'Chế phẩm xử lý nước thải bệnh viện', 'medical'],
  ].entries()) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/registries/enterprises',
      headers,
      payload: {
        taxCode: validTaxCode(9100 + i * 10),
        name: firm[0],
        industrialYears: [2025, 2026],
        products: [{ name: firm[1], wasteStreams: [firm[2]] }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Two published years. Gating is tested in the integration tier (publishing.test.ts); here the
  // rows are written as a publication leaves them, to read and audit the pages.
  const db = stack.database.db;
  const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
  for (const [year, total, firms] of [
    [2025, 812.5, 3],
    [2026, 1634.5, 5],
  ] as const) {
    const [cycle] = await db
      .insert(reportCycles)
      .values({
        planId: plan.id,
        year,
        windowStart: `${year}-10-01`,
        windowEnd: `${year}-12-15`,
        deadline: `${year}-11-30`,
      })
      .returning();
    await db.insert(publishedProgress).values({
      cycleId: cycle.id,
      planId: plan.id,
      year,
      consolidationVersion: 3,
      items: [
        {
          itemKey: 'II.1',
          heading: 'Ứng dụng chế phẩm sinh học trong xử lý chất thải chăn nuôi',
          text: `Năm ${year}, 14 xã đã hướng dẫn hộ chăn nuôi ủ phân bằng chế phẩm vi sinh.\n\nSở đã tổ chức 6 lớp tập huấn.`,
        },
      ],
      figures: [
        {
          code: 'XL-01',
          name: 'Khối lượng chất thải được xử lý bằng chế phẩm sinh học',
          unit: 'tấn',
          total,
          previousTotal: null,
          reporting: 12,
          streams: [],
        },
        {
          code: 'DN-01',
          name: 'Số doanh nghiệp sản xuất chế phẩm quy mô công nghiệp',
          unit: 'doanh nghiệp',
          total: firms,
          previousTotal: null,
          reporting: 12,
          streams: [],
        },
      ],
      publishedAt: new Date(`${year + 1}-01-15T03:00:00Z`),
      publishedByName: 'Cán bộ đầu mối',
    });
  }
}

beforeAll(async () => {
  mkdirSync('/tmp/bioplan-shots', { recursive: true });
  stack = await startStack();
  await seed();
}, 600_000);
afterAll(async () => stack?.stop());

async function noScriptPage(viewport: { width: number; height: number }, javaScriptEnabled = false): Promise<Page> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseURL,
    locale: 'vi-VN',
    viewport,
    javaScriptEnabled,
  });
  return context.newPage();
}

describe('the public portal without JavaScript', () => {
  for (const viewport of VIEWPORTS) {
    it(`reads every page at ${viewport.width}×${viewport.height}, accessibly, without overflowing`, async () => {
      const page = await noScriptPage(viewport);
      // axe runs on its own timers, which a page without JavaScript never fires: it reads the same
      // pages (they carry no script, so they are the same documents) in a second context.
      const audited = await noScriptPage(viewport, true);
      for (const [name, url] of PAGES) {
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
        expect(await page.locator('main#main').count()).toBe(1);
        expect(await page.locator('script').count()).toBe(0);
        await page.screenshot({ path: `/tmp/bioplan-shots/portal-${name}-${viewport.width}.png`, fullPage: true });
        await page.screenshot({ path: `/tmp/bioplan-shots/portal-${name}-${viewport.width}-top.png` });
        await audited.goto(url);
        // Nothing wider than the screen (a phone must not scroll sideways).
        const width = await audited.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${url} at ${viewport.width}`).toBeLessThanOrEqual(viewport.width);
        await expectAccessible(audited, `${url} at ${viewport.width}`);
      }
      await page.context().close();
      await audited.context().close();
    }, 900_000);
  }

  it('draws the charts as images with a name, the data in a table; finds the livestock-waste makers', async () => {
    const page = await noScriptPage(VIEWPORTS[1]);
    await page.goto('/cong-thong-tin/chi-so');
    const chart = page.getByRole('img', { name: /Biểu đồ cột: Khối lượng chất thải/ });
    await expect(chart.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: '1.634,5' }).isVisible()).resolves.toBe(true);
    await page.goto('/cong-thong-tin/doanh-nghiep');
    await page.getByLabel(/Tìm doanh nghiệp/).fill('chế phẩm xử lý chất thải chăn nuôi');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByText('1 doanh nghiệp').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Công ty TNHH Vi sinh Đồng Khởi' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('searches the answers with a plain form, and switches to English', async () => {
    const page = await noScriptPage(VIEWPORTS[0]);
    await page.goto('/cong-thong-tin/hoi-dap');
    await page.getByLabel('Từ khóa (có dấu hoặc không dấu)').fill('chat thai chan nuoi');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=chat\+thai\+chan\+nuoi/);
    await expect(page.getByText('1 câu hỏi').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByText('1 question').isVisible()).resolves.toBe(true);
    expect(await page.content()).not.toContain('Riêng Tư');
    await page.context().close();
  });

  it('is linked from the public feedback page', async () => {
    const page = await stack.newPage();
    await page.goto('/gop-y');
    await page.getByRole('link', { name: 'Cổng thông tin kế hoạch' }).click();
    await page.waitForURL(/\/cong-thong-tin$/);
    expect(await page.locator('h1').first().textContent()).toContain('Kế hoạch phát triển công nghiệp sinh học');
    await page.context().close();
  });
});
