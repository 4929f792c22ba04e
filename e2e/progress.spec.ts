// The dashboards in a browser: a leader opens them, a chart is drawn (ECharts' SVG), each figure
// says how it was computed, ECharts is not loaded by other pages, the overview prints on one A4
// page, and axe finds nothing serious.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  shot,
  signedInPage,
  startStack,
  type Stack,
} from './support.js';

const NOW = '2026-11-20T02:00:00Z';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  const focal = await apiSession(stack, DEMO.focal);
  const plans = await focal.get('/plans');
  const cycle = await focal.post('/cycles', { planId: plans.data[0].id, year: 2026 });
  await focal.post(`/cycles/${cycle.id}/open`, {});
  // Sở Tài chính fills and submits its report, raising a difficulty; the focal department accepts it.
  const stc = await apiSession(stack, DEMO.unitStc);
  const r = await stc.get(`/cycles/${cycle.id}/my-report`);
  const put = await stcPut(`/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 1 },
      { indicatorCode: 'XL-01', wasteStream: 'agri', value: 320.5 },
    ],
    sections: r.form.sections.map((s: { planItemId: string; key: string }, i: number) => ({
      planItemId: s.planItemId,
      results: `Sở Tài chính đã tham mưu bố trí kinh phí cho nội dung mục ${s.key}.`,
      difficulties: i === 0 ? 'Nguồn kinh phí còn hạn chế.' : '',
      proposals: '',
    })),
  });
  await stc.post(`/reports/${put.id}/submit`, {});
  await focal.post(`/reports/${put.id}/accept`, {});
}, 240_000);
afterAll(async () => stack?.stop());

/** PUT as Sở Tài chính (apiSession has get and post only). */
async function stcPut(route: string, body: unknown) {
  const login = await fetch(`${stack.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.unitStc, password: DEMO_PASSWORD }),
  });
  const me = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${stack.baseURL}/api/v1${route}`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

describe('dashboards', () => {
  it('a leader opens the dashboard: charts drawn, each with its method sentence, axe clean', async () => {
    const page = await signedInPage(stack, DEMO.leader, { now: NOW });
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    });
    // The home page does not load the dashboards' chunk (nor ECharts).
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const before = scripts.length;
    await page.getByRole('link', { name: 'Tiến độ thực hiện' }).first().click();
    await page.getByRole('heading', { name: 'Tiến độ thực hiện kế hoạch' }).waitFor();
    expect(scripts.length).toBeGreaterThan(before);
    await page.locator('.progress-chart svg').first().waitFor();
    await expect.poll(() => page.getByTestId('figure-method').first().textContent()).toContain('Kỳ 2026');
    await shot(page, 'progress-items-1366');
    await expectAccessible(page, 'progress: per plan item');

    // Drill-down: an item's "units reporting" opens the accepted reports behind it, its activities
    // by status and its registries; the activity count opens the province-wide list filtered.
    const row = page.locator('[data-item="IV.4"]');
    await row.getByRole('button', { name: /đơn vị đã báo cáo/ }).click();
    const details = page.locator('#item-details-IV_4');
    await details
      .getByRole('link', { name: /Sở Tài chính/ })
      .first()
      .waitFor();
    expect(await details.textContent()).toContain('Hoạt động phục vụ mục, theo trạng thái');
    await details.getByRole('link', { name: /KP-01/ }).waitFor();
    await expectAccessible(page, 'progress: an item opened');
    await row.getByRole('link', { name: /hoạt động phục vụ/ }).click();
    await page.waitForURL(/\/hoat-dong-toan-tinh\?ke-hoach=[0-9a-f-]+&muc=IV\.4/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goBack();
    await page.getByRole('tab', { name: 'Chỉ tiêu qua các năm' }).waitFor();

    await page.getByRole('tab', { name: 'Chỉ tiêu qua các năm' }).click();
    await page.getByRole('heading', { name: /XL-01 — / }).waitFor();
    await page.locator('.progress-chart svg').first().waitFor();
    const methods = await page.getByTestId('figure-method').allTextContents();
    expect(methods.length).toBe(4);
    expect(methods[0]).toContain('báo cáo đã tiếp nhận');
    expect(methods[0]).toContain('chưa có mục tiêu số');
    // The 48 communes and wards, sortable.
    await page.getByRole('region', { name: /Bảng số liệu: XL-01 theo xã, phường/ }).waitFor();
    await shot(page, 'progress-indicators-1366');
    await expectAccessible(page, 'progress: indicators');

    await page.getByRole('tab', { name: 'Đúng hạn và khó khăn' }).click();
    await page.getByRole('heading', { name: 'Đúng hạn và đầy đủ qua các kỳ' }).waitFor();
    await page.locator('.progress-chart svg').first().waitFor();
    await expectAccessible(page, 'progress: timeliness');

    // Exports: SVG of a chart and CSV of its data.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG' }).first().click();
    expect((await download).suggestedFilename()).toMatch(/^bieu-do-timeliness.*\.svg$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'progress-timeliness-390');
    await page.close();
  }, 300_000);

  it('the leader’s overview prints on one A4 page', async () => {
    const page = await signedInPage(stack, DEMO.leader, { now: NOW });
    await page.goto('/tong-quan');
    await page.getByRole('heading', { name: /Tổng quan thực hiện kế hoạch/ }).waitFor();
    await expect.poll(() => page.getByTestId('figure-method').first().textContent()).toContain('Kỳ 2026');
    await expectAccessible(page, 'leader overview');
    await shot(page, 'progress-overview-1366');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ media: 'screen' });
    await shot(page, 'progress-overview-390');
    await page.close();
  }, 300_000);
});
