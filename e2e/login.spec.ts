import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, signIn, startStack, type Stack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe('signing in', () => {
  it('shows a Vietnamese login page that names a wrong password, then signs in', async () => {
    const page = await stack.newPage();
    await page.goto('/');
    await page.waitForURL(/\/dang-nhap/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible(page, 'login');
    await page.getByLabel('Email').fill(DEMO.focal);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email hoặc mật khẩu không đúng');
    await signIn(page, DEMO.focal);
    await expectAccessible(page, 'home');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
  });

  it('switches to English', async () => {
    const page = await stack.newPage();
    await page.goto('/dang-nhap');
    await page.getByText('English').click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
