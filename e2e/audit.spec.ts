import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Stack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe('audit log screen', () => {
  it('lets the administrator filter the log by action and export what is shown', async () => {
    await signIn(await stack.newPage(), DEMO.focal);
    const page = await stack.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO.admin);
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
    await page.locator('tr[data-action]').first().waitFor();
    await expectAccessible(page, 'audit log');
    await shot(page, 'audit-1366');

    await page.getByRole('combobox', { name: 'Hành động' }).click();
    await page.getByRole('option', { name: 'Đăng nhập', exact: true }).click();
    await expect
      .poll(
        async () =>
          new Set(
            await page.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
          ),
      )
      .toEqual(new Set(['auth.login']));
    const href = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(href).toContain('action=auth.login');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await page.locator('tr[data-action]').first().waitFor();
    await shot(page, 'audit-390');
  });
});
