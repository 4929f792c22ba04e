import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot as saveShot, signIn, startStack, type Page, type Stack } from './support.js';

// The generic registries in Chromium: a commune officer opens "Sổ theo dõi", adds a training
// (the form built from the definition), sees it on its record page and in the list.

const TITLE = 'Tập huấn ủ phân hữu cơ bằng chế phẩm vi sinh cho hộ chăn nuôi';

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

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveShot(page, name);
}

it('a unit officer adds a training and finds it in the registry list', async () => {
  const page = await pageAt(1366, 768);
  await signIn(page, DEMO.unitXa);
  await page.getByRole('link', { name: 'Sổ theo dõi' }).first().click();
  await page.getByRole('heading', { name: 'Sổ theo dõi của ngành' }).waitFor();
  await shot(page, 'registries-hub-1366');
  await expectAccessible(page, 'registries page');
  await page.getByRole('link', { name: 'Đào tạo, tập huấn' }).click();
  await page.getByRole('heading', { name: 'Đào tạo, tập huấn' }).waitFor();
  await page.getByRole('link', { name: 'Thêm lớp đào tạo' }).click();
  // The server names the missing fields.
  await page.getByRole('button', { name: 'Thêm vào sổ' }).click();
  await page.getByText('Tên lớp đào tạo, tập huấn: chưa được nhập.').first().waitFor();
  await page.getByRole('textbox', { name: 'Tên lớp đào tạo, tập huấn' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Ngày bắt đầu' }).fill('15/10/2026');
  await page.getByRole('textbox', { name: 'Ngày bắt đầu' }).press('Tab');
  await page.getByRole('textbox', { name: 'Ngày kết thúc' }).fill('16/10/2026');
  await page.getByRole('textbox', { name: 'Ngày kết thúc' }).press('Tab');
  await page.getByRole('textbox', { name: 'Đơn vị tổ chức' }).fill('UBND xã Giao Long');
  await page.getByRole('textbox', { name: 'Địa điểm' }).fill('Nhà văn hóa ấp 3');
  await page.getByRole('textbox', { name: 'Số cán bộ tham dự (người)' }).fill('6');
  await page.getByRole('textbox', { name: 'Số người dân tham dự (người)' }).fill('85');
  await expectAccessible(page, 'new training form');
  await shot(page, 'registries-kinds-new-1366');
  await page.getByRole('button', { name: 'Thêm vào sổ' }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByText('15/10/2026 – 16/10/2026').first().waitFor();
  await expect
    .poll(async () => (await page.getByTestId('enterprise-history').textContent()) ?? '')
    .toContain('Tạo bản ghi');
  await shot(page, 'registries-kinds-record-1366');
  await expectAccessible(page, 'training record');

  await page.getByRole('link', { name: /Về sổ/ }).click();
  await page.getByRole('searchbox', { name: 'Tìm kiếm (không cần dấu)' }).fill('u phan huu co');
  const row = page.getByTestId('record-table').getByRole('row').filter({ hasText: TITLE });
  await row.waitFor();
  expect(await row.textContent()).toContain('Xã Giao Long');
  await shot(page, 'registries-kinds-list-1366');
  await expectAccessible(page, 'training list');

  const phone = await pageAt(390, 844);
  await signIn(phone, DEMO.unitStc);
  await phone.goto('/so-theo-doi/dao-tao?q=u%20phan%20huu%20co');
  await phone.getByTestId('record-table').getByText(TITLE).click();
  await phone.getByRole('heading', { name: TITLE }).waitFor();
  await phone.getByText('đơn vị bạn chỉ xem, không sửa được').waitFor();
  expect(await phone.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
  await shot(phone, 'registries-kinds-record-390');
}, 240_000);
