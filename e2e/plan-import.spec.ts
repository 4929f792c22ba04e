import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

const FIXTURES = path.join(import.meta.dirname, '../server/features/plan-import/fixtures');

let stack: Stack;
let page: Page;
beforeAll(async () => {
  stack = await startStack();
  page = await stack.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, DEMO.focal);
}, 120_000);
afterAll(async () => stack?.stop());

describe('importing a plan from its text', () => {
  it('uploads a text PDF, maps the unknown unit, publishes it', async () => {
    await page.goto('/nhap-ke-hoach');
    await page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản ban hành' }).waitFor();
    await expectAccessible(page, 'import start');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ke-hoach-223.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(path.join(FIXTURES, 'ke-hoach-223-so-lap.pdf')),
    });
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByText('Tên đơn vị chưa nhận ra').waitFor();
    expect(await page.getByText('Độ phủ: 100 %').count()).toBe(1);
    await expectAccessible(page, 'import review');
    await shot(page, 'plan-import-review-1366');

    const unit = page.getByRole('combobox', { name: 'Đơn vị cho "Sở Ngoại vụ"' });
    await unit.click();
    await unit.fill('xay dung');
    await page
      .getByRole('option', { name: /Sở Xây dựng tỉnh/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Gán' }).click();
    await page.getByText('Tên đơn vị chưa nhận ra').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Công bố kế hoạch' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Công bố kế hoạch' }).click();
    await page.getByRole('link', { name: 'Mở kế hoạch' }).waitFor();
    await shot(page, 'plan-import-published-1366');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('link', { name: 'Mở kế hoạch' }).waitFor();
    await shot(page, 'plan-import-review-390');
  }, 120_000);

  it('splits, merges and moves items of a pasted plan on the review screen', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/nhap-ke-hoach');
    await page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản ban hành' }).waitFor();
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BẾN TRE',
      'Số: 501/KH-UBND',
      'Bến Tre, ngày 5 tháng 5 năm 2025',
      'KẾ HOẠCH',
      'Thử nghiệm sửa cấu trúc kế hoạch',
      'I. NHIỆM VỤ',
      '1. Tuyên truyền về chế phẩm sinh học',
      'Sở Nông nghiệp và Môi trường chủ trì thực hiện.',
      'Phần việc này lẽ ra là một nhiệm vụ riêng về tập huấn.',
      '2. Kiểm tra cơ sở chăn nuôi',
      'Sở Y tế chủ trì thực hiện.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Sở Nông nghiệp và Môi trường báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng năm.',
    ].join('\n');
    await page.getByLabel('Hoặc dán nội dung văn bản').fill(text);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByText('Độ phủ', { exact: false }).first().waitFor();
    const menus = page.getByRole('button', { name: /^Sửa cấu trúc mục/ });
    await menus.first().waitFor();
    const before = await menus.count();

    // Split "1. Tuyên truyền…" from its last line into a new item "1a."
    await page.getByRole('button', { name: /^Sửa cấu trúc mục 1\. Tuyên truyền/ }).click();
    await page.getByRole('menuitem', { name: 'Tách mục' }).click();
    const split = page.getByRole('dialog');
    await split.getByLabel('Tách từ dòng').click();
    await page.getByRole('option', { name: /tập huấn/ }).click();
    await split.getByLabel('Số mục của mục mới').fill('1a.');
    await expectAccessible(page, 'import split dialog');
    await split.getByRole('button', { name: 'Tách mục' }).click();
    await page.getByRole('button', { name: /^Sửa cấu trúc mục 1a\./ }).waitFor();
    expect(await menus.count()).toBe(before + 1);
    // The source line now belongs to the new item, named by its labels as issued.
    expect(await page.getByText('I.1a', { exact: true }).count()).toBe(1);
    await shot(page, 'plan-import-split-1366');

    // Merge it back into the item above.
    await page.getByRole('button', { name: /^Sửa cấu trúc mục 1\. Tuyên truyền/ }).click();
    await page.getByRole('menuitem', { name: 'Gộp với mục sau' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('1a.');
    await page.getByRole('dialog').getByRole('button', { name: 'Gộp với mục sau' }).click();
    await page.getByRole('button', { name: /^Sửa cấu trúc mục 1a\./ }).waitFor({ state: 'detached' });
    expect(await menus.count()).toBe(before);

    // Move "2. Kiểm tra…" to the top level, first position.
    await page.getByRole('button', { name: /^Sửa cấu trúc mục 2\. Kiểm tra/ }).click();
    await page.getByRole('menuitem', { name: 'Chuyển mục' }).click();
    const move = page.getByRole('dialog');
    await move.getByLabel('Thuộc mục').click();
    await page.getByRole('option', { name: '(Cấp cao nhất)' }).click();
    await move.getByLabel('Vị trí trong mục (1 là đầu tiên)').fill('1');
    await move.getByRole('button', { name: 'Chuyển mục' }).click();
    await expect
      .poll(async () => (await menus.first().getAttribute('aria-label')) ?? '')
      .toMatch(/^Sửa cấu trúc mục 2\. Kiểm tra/);
    await expectAccessible(page, 'import review after edits');
    await shot(page, 'plan-import-moved-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'plan-import-moved-390');
  }, 120_000);
});
