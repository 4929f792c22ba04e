// Targets (issue 13): the focal officer proposes QĐ 1639's 2024 baseline through an amendment,
// the leader approves it seeing the target before and after, and the plan page shows the target
// value computed from it (baseline × 1.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

let stack: Stack;
let amendmentPath = '';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

async function page(size = { width: 1366, height: 768 }): Promise<Page> {
  const p = await stack.newPage();
  await p.setViewportSize(size);
  return p;
}

describe('plan targets', () => {
  it('the plan page lists QĐ 1639’s target with its baseline "chưa có"', async () => {
    const p = await page();
    await signIn(p, DEMO.focal);
    await p.goto('/ke-hoach');
    const row = p.getByTestId('target-DN-01');
    await row.waitFor();
    expect(await row.getByTestId('target-baseline').textContent()).toBe('chưa có (năm 2024)');
    expect(await row.getByTestId('target-value').textContent()).toContain('chưa có');
    expect(await row.textContent()).toContain('+10 % so với năm 2024 đến năm 2030');
    expect(await row.textContent()).toContain('QĐ 1639/QĐ-TTg');
    await expectAccessible(p, 'plan page with targets');
  });

  it('the focal officer proposes the 2024 baseline; a wrong figure is refused naming the field', async () => {
    const p = await page();
    await signIn(p, DEMO.focal);
    await p.goto('/sua-doi/moi');
    await p.getByLabel('Tóm tắt đề xuất').fill('Nhập số liệu năm cơ sở 2024 của chỉ tiêu DN-01');
    await p.getByLabel('Lý do, căn cứ đề xuất').fill('Sở NN&MT đã rà soát số doanh nghiệp năm 2024.');
    await p.getByRole('button', { name: 'Sửa chỉ tiêu' }).click();
    const change = p.getByTestId('target-change-0');
    await change.getByRole('combobox', { name: 'Chỉ số (theo danh mục)' }).click();
    await p.getByRole('option', { name: /^DN-01/ }).click();
    const baseline = change.getByRole('textbox', { name: /Giá trị năm cơ sở/ });
    await baseline.fill('-5');
    await p.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await change.getByText('Giá trị cơ sở không được âm').waitFor();
    await baseline.fill('40');
    await change.getByText('Giá trị mục tiêu theo đề xuất: 44 doanh nghiệp').waitFor();
    await expectAccessible(p, 'amendment editor with a target change');
    await shot(p, 'targets-editor-1366');
    await p.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await p.waitForURL(/\/sua-doi\/[0-9a-f-]{36}$/);
    amendmentPath = new URL(p.url()).pathname;
    await p.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await p.getByText('Đã trình đề xuất').first().waitFor();
  });

  it('the leader approves seeing the target before and after; the plan page shows 44', async () => {
    const p = await page();
    await signIn(p, DEMO.leader);
    await p.goto(amendmentPath);
    const view = p.getByTestId('target-change-view-DN-01');
    await view.waitFor();
    const text = await view.textContent();
    expect(text).toContain('Trước — đang áp dụng (phiên bản 1)');
    expect(text).toContain('chưa có (năm 2024)');
    expect(text).toContain('40 doanh nghiệp (năm 2024)');
    await expectAccessible(p, 'amendment with a target change');
    await shot(p, 'targets-amendment-leader-1366');
    await p.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Số văn bản sửa đổi').fill('2150/KH-UBND');
    await dialog.getByRole('button', { name: /Phê duyệt, ban hành phiên bản 2/ }).click();
    await p.getByText('Đã phê duyệt; phiên bản 2').first().waitFor();

    await p.goto('/ke-hoach');
    const row = p.getByTestId('target-DN-01');
    await row.waitFor();
    await expect.poll(() => row.getByTestId('target-baseline').textContent()).toBe('40 doanh nghiệp (năm 2024)');
    expect(await row.getByTestId('target-value').textContent()).toBe('44 doanh nghiệp');
    await expectAccessible(p, 'plan page with the target computed');
    await p.getByTestId('targets-table').scrollIntoViewIfNeeded();
    await shot(p, 'targets-plan-1366');

    const phone = await page({ width: 390, height: 844 });
    await signIn(phone, DEMO.focal);
    await phone.goto('/ke-hoach');
    await phone.getByTestId('target-DN-01').waitFor();
    await expectAccessible(phone, 'plan page with targets on a phone');
    await shot(phone, 'targets-plan-390');

    await phone.goto('/ke-hoach/phien-ban');
    await shot(phone, 'targets-versions-390');
  });
});
