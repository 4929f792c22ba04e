import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPlans } from '../server/db/seed/demo-plans.js';
import { DEMO, expectAccessible, shot, signedInPage, startStack, type Stack } from './support.js';

// Several plans side by side (issue 14), in Chromium: the demo's Vĩnh Long plan 86/KH-UBND,
// imported at start through the importer and replacing 1953/KH-UBND from 1/7/2026; the focal
// officer finds both in the plans list, opens the new one, sees what it replaces and opens a
// reporting cycle for it.

// 20/11/2026 09:00 in Vietnam: after the replacement took effect, before the 30/11 deadline.
const NOW = '2026-11-20T02:00:00Z';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
  await seedDemoPlans(stack.app, () => {});
}, 180_000);
afterAll(async () => stack?.stop());

describe('several plans', () => {
  it('lists both plans, opens the Vĩnh Long plan and a cycle of it', { timeout: 300_000 }, async () => {
    const page = await signedInPage(stack, DEMO.focal, { now: NOW });
    await page.getByRole('link', { name: 'Các kế hoạch', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Các kế hoạch' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const old = rows.filter({ hasText: '1953/KH-UBND' });
    await old.getByText('Đã được thay thế').waitFor();
    await old.getByText('Được thay thế bởi Kế hoạch 86/KH-UBND từ ngày 01/07/2026').waitFor();
    await rows.filter({ hasText: '86/KH-UBND' }).getByText('Đang thực hiện', { exact: true }).waitFor();
    // Search without diacritics.
    await page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill('vinh long');
    await page.getByText('1 kế hoạch', { exact: true }).waitFor();
    await expectAccessible(page, 'plans list');
    await shot(page, 'multiplan-01-plans-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'multiplan-01-plans-390');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByRole('link', { name: '86/KH-UBND', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /tỉnh Vĩnh Long đến năm 2030/ }).waitFor();
    await page
      .getByRole('link', { name: /Thay thế Kế hoạch 1953\/KH-UBND từ ngày 01\/07\/2026/ })
      .first()
      .waitFor();
    await page.getByText('Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Kế hoạch trước và sau' }).waitFor();
    await expectAccessible(page, 'plan 86 page');
    await shot(page, 'multiplan-02-plan-86-1366');

    await page.getByRole('link', { name: 'Các kỳ báo cáo của kế hoạch này' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kỳ báo cáo', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Kế hoạch').inputValue()).toMatch(/^86\/KH-UBND/);
    expect(await dialog.getByLabel('Năm báo cáo').inputValue()).toBe('2026');
    await expectAccessible(page, 'create cycle of plan 86');
    await dialog.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kỳ báo cáo năm 2026' }).waitFor();
    await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await page.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await expectAccessible(page, 'open cycle of plan 86');
    await shot(page, 'multiplan-03-cycle-86-1366');

    // The cycles list names each cycle's plan.
    await page.goto('/ky-bao-cao');
    await page.locator('tbody tr').filter({ hasText: '86/KH-UBND' }).getByText('Đang mở').waitFor();
    await shot(page, 'multiplan-04-cycles-1366');
  });
});
