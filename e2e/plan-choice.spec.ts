import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPlans } from '../server/db/seed/demo-plans.js';
import {
  apiSession,
  DEMO,
  expectAccessible,
  shot,
  signedInPage,
  startStack,
  type Page,
  type Stack,
} from './support.js';

// One plan choice for the whole client (issue 14): with the demo's two plans the pages of a plan
// show a "Kế hoạch" picker and read the plan named by ?keHoach=; the home page follows every plan;
// the plan page ends a plan after a dialog naming it.

// 20/11/2026 09:00 in Vietnam: 86/KH-UBND in force, 1953/KH-UBND replaced from 1/7/2026.
const NOW = '2026-11-20T02:00:00Z';

let stack: Stack;
let plan86: string;
let plan1953: string;
beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
  await seedDemoPlans(stack.app, () => {});
  const focal = await apiSession(stack, DEMO.focal);
  const plans = (await focal.get('/plans')).data as Array<{ id: string; number: string }>;
  plan86 = plans.find((p) => p.number === '86/KH-UBND')!.id;
  plan1953 = plans.find((p) => p.number === '1953/KH-UBND')!.id;
  const cycle = await focal.post('/cycles', { planId: plan86, year: 2026, deadline: '2026-11-25' });
  await focal.post(`/cycles/${cycle.id}/open`, {});
  const old = await focal.post('/cycles', { planId: plan1953, year: 2026, deadline: '2026-11-30' });
  await focal.post(`/cycles/${old.id}/open`, {});
}, 180_000);
afterAll(async () => stack?.stop());

/** What a phone shows first (the full-page shot of a long page is too small to read). */
async function screen(page: Page, name: string) {
  // The navigation slides away when the viewport narrows: let it settle before the shot.
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/bioplan-shots/${name}.png` });
}

describe('choosing the plan', () => {
  it(
    'shows the versions of the plan ?keHoach= names, and the picker switches plans',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(stack, DEMO.focal, { now: NOW });

      // Home: every plan followed, nearest deadline first.
      const plansSection = page.getByTestId('home-plans');
      await plansSection.waitFor();
      const cards = plansSection.locator('article');
      expect(await cards.count()).toBe(2);
      expect(await cards.nth(0).getAttribute('aria-label')).toBe('86/KH-UBND');
      await cards.nth(0).getByText('Hạn nộp chung: 25/11/2026').waitFor();
      await page.getByRole('heading', { name: 'Kỳ báo cáo năm 2026 — Theo Kế hoạch 86/KH-UBND' }).waitFor();
      await expectAccessible(page, 'focal home with plans');
      await shot(page, 'planscope-home-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await screen(page, 'planscope-home-390');
      await page.setViewportSize({ width: 1366, height: 768 });

      const leader = await signedInPage(stack, DEMO.leader, { now: NOW });
      await leader.getByTestId('home-plans').locator('article').nth(1).waitFor();
      await expectAccessible(leader, 'leader home with plans');
      await shot(leader, 'planscope-home-leader-1366');
      await leader.close();

      await page.goto(`/ke-hoach/phien-ban?keHoach=${plan86}`);
      const picker = page.getByRole('combobox', { name: 'Kế hoạch' });
      await picker.waitFor();
      expect(await picker.inputValue()).toMatch(/^86\/KH-UBND — /);
      const table = page.getByTestId('versions-table');
      await table.getByText(/^86\/KH-UBND/).waitFor();
      expect(await table.getByText(/1953\/KH-UBND/).count()).toBe(0);
      await expectAccessible(page, 'versions of plan 86');
      await shot(page, 'planscope-versions-86-1366');

      await picker.click();
      await page.getByRole('option', { name: /^1953\/KH-UBND — / }).click();
      await table.getByText(/^1953\/KH-UBND/).waitFor();
      expect(new URL(page.url()).searchParams.get('keHoach')).toBe(plan1953);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page, 'versions of plan 1953 on a phone');
      await shot(page, 'planscope-versions-1953-390');
    },
  );

  it(
    "gathers a unit's reports of both plans, nearest deadline first, and its duties",
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(stack, DEMO.unitStc, { now: NOW });
      const reports = page.getByTestId('unit-report-plan');
      await reports.nth(1).waitFor();
      expect(await reports.allTextContents()).toEqual(['Theo Kế hoạch 86/KH-UBND', 'Theo Kế hoạch 1953/KH-UBND']);
      await expect.poll(() => page.getByText(/\d+ mục trong kế hoạch/).textContent()).toMatch(/[1-9]\d* mục/);
      await expectAccessible(page, 'unit home across plans');
      await shot(page, 'planscope-home-unit-1366');
    },
  );

  it('ends a plan after a dialog naming it; the list says since when', { timeout: 300_000 }, async () => {
    const page = await signedInPage(stack, DEMO.focal, { now: NOW });
    await page.goto(`/ke-hoach/${plan86}`);
    await page.getByRole('button', { name: 'Kết thúc kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kết thúc Kế hoạch 86/KH-UBND' });
    await dialog.waitFor();
    await dialog.getByText(/^86\/KH-UBND — /).waitFor();
    await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Kế hoạch được bãi bỏ theo Quyết định 12/QĐ-UBND');
    await expectAccessible(page, 'end plan dialog');
    await screen(page, 'planscope-end-dialog-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screen(page, 'planscope-end-dialog-390');
    await dialog.getByRole('button', { name: 'Kết thúc kế hoạch' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Đã kết thúc từ 20/11/2026').first().waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'planscope-plan-ended-1366');

    await page.goto('/ke-hoach/danh-sach');
    const row = page.locator('tbody tr').filter({ hasText: '86/KH-UBND' });
    await row.getByText('Đã kết thúc từ 20/11/2026').waitFor();
    await row.getByText('Đã kết thúc', { exact: true }).waitFor();
    await expectAccessible(page, 'plans list with an ended plan');
    await shot(page, 'planscope-plans-ended-1366');
  });
});
