import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

const TITLE = 'Hội nghị phổ biến mô hình xử lý rác hữu cơ bằng chế phẩm vi sinh';
const NOTE = 'Đã gửi giấy mời 12 đơn vị, hội nghị dự kiến ngày 15/12.';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

async function pageAt(width: number, height: number): Promise<Page> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseURL,
    locale: 'vi-VN',
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

it('a unit officer creates an activity, adds a progress note and sees it in the list', async () => {
  const page = await pageAt(1366, 768);
  await signIn(page, DEMO.unitStc);
  await page.getByRole('link', { name: 'Kế hoạch chi tiết & hoạt động' }).first().click();
  await page.getByRole('heading', { name: 'Kế hoạch chi tiết & hoạt động', level: 1 }).waitFor();
  await expectAccessible(page, 'unit activities page');
  await page.getByRole('link', { name: 'Thêm hoạt động' }).click();
  await page.getByRole('heading', { name: 'Thêm hoạt động', level: 1 }).waitFor();

  // A missing title and plan item are refused on their fields, in Vietnamese.
  await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
  await page.getByText('Tên hoạt động: chưa được nhập.').waitFor();

  await page.getByRole('textbox', { name: 'Tên hoạt động' }).fill(TITLE);
  const items = page.getByRole('combobox', { name: /Mục của kế hoạch/ });
  await items.fill('IV.4');
  await page
    .getByRole('option', { name: /^IV\.4/ })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: /Kinh phí/ }).fill('1,5');
  await page.getByRole('textbox', { name: 'Sản phẩm dự kiến' }).fill('01 hội nghị, 100 đại biểu');
  await shot(page, 'activities-new-1366');
  await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await expect.poll(async () => (await page.locator('dl').first().textContent()) ?? '').toContain('1,5');

  await page.getByRole('textbox', { name: 'Nội dung tiến độ' }).fill(NOTE);
  await page.getByRole('button', { name: 'Lưu tiến độ' }).click();
  await expect.poll(async () => (await page.getByTestId('activity-notes').textContent()) ?? '').toContain(NOTE);
  await expect
    .poll(async () => (await page.getByTestId('activity-history').textContent()) ?? '')
    .toContain('Cập nhật tiến độ');
  await shot(page, 'activities-record-1366');
  await expectAccessible(page, 'activity page');

  await page.getByRole('link', { name: /Quay lại danh sách hoạt động/ }).click();
  const table = page.getByTestId('activity-table');
  await expect.poll(async () => (await table.textContent()) ?? '').toContain(TITLE);
  await shot(page, 'activities-list-1366');
});

it('the focal officer filters the province-wide list to overdue activities, on a phone too', async () => {
  const page = await pageAt(390, 844);
  await signIn(page, DEMO.focal);
  await page.goto('/hoat-dong-toan-tinh');
  await page.getByRole('heading', { name: 'Hoạt động của các đơn vị', level: 1 }).waitFor();
  // A controlled checkbox: it shows the address's filter once the address has changed.
  await page.getByRole('checkbox', { name: 'Chỉ hoạt động quá hạn' }).click();
  await expect.poll(async () => page.url()).toContain('qua-han=1');
  await expect.poll(async () => page.getByRole('checkbox', { name: 'Chỉ hoạt động quá hạn' }).isChecked()).toBe(true);
  await expect.poll(async () => page.getByTestId('overdue-badge').count()).toBeGreaterThan(0);
  await shot(page, 'activities-province-390');
  await expectAccessible(page, 'province activities');
});
