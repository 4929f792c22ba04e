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
});
