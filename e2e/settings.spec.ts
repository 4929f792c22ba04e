import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Stack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe('settings page', () => {
  it("lets the focal officer set the consolidated report's signer, and a leader read the audit line", async () => {
    const page = await stack.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO.focal);
    await page.getByRole('link', { name: 'Cài đặt cơ quan' }).click();
    await page.getByRole('heading', { name: 'Cài đặt cơ quan' }).waitFor();
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Ký');
    // An empty line inside "Nơi nhận" is refused on its field, and nothing is saved.
    const copyTo = page.getByRole('textbox', { name: 'Nơi nhận (mỗi dòng một nơi)' }).first();
    await copyTo.fill('Như trên;\n\nLưu: VT, CCBVMT.');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => copyTo.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'settings with an error');
    await copyTo.fill('Như trên;\nBộ Nông nghiệp và Môi trường (để b/c);\nLưu: VT, CCBVMT.');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt.').waitFor();
    await shot(page, 'settings-1366');
    await page.reload();
    await expect.poll(() => page.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn Ký');

    const leader = await stack.newPage();
    await leader.setViewportSize({ width: 390, height: 844 });
    await signIn(leader, DEMO.leader);
    await leader.goto('/nhat-ky');
    await leader.locator('tr[data-action="settings.agency.update"]').first().waitFor();
    await shot(leader, 'audit-leader-390');
  });

  it("lets a unit officer name who signs its unit's report", async () => {
    const page = await stack.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.unitXa);
    await page.goto('/cai-dat');
    await page.getByRole('heading', { name: 'Người ký báo cáo của đơn vị' }).waitFor();
    await page.getByLabel('Họ và tên người ký').fill('Lê Thị Xã');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText(/Đã lưu người ký/).waitFor();
    await expectAccessible(page, 'unit signer');
    await shot(page, 'settings-unit-390');
  });
});
