// Issue 12, "the yearly report, prefilled": a unit officer sees beside DN-01 the value its own
// enterprise records give, takes it in one click, types another, and the typed one is kept.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validTaxCode } from '../server/features/registries/registries.fixtures.js';
import { DEMO, expectAccessible, openCycle, pageApi, shot, signedInPage, startStack, type Stack } from './support.js';

const NOW = '2026-10-15T03:00:00Z';
let stack: Stack;
let cycleId: string;

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  cycleId = await openCycle(stack, 2026);
});
afterAll(async () => stack?.stop());

it('a unit officer takes the derived DN-01 value, edits it, saves, and finds the edited value after a reload', async () => {
  const page = await signedInPage(stack, DEMO.unitStc, { now: NOW });
  // Two firms producing at industrial scale in 2026, recorded by Sở Tài chính in the window.
  for (const [seed, name] of [
    [9001, 'Công ty Vi sinh Hồng Ngự'],
    [9101, 'Công ty Chế phẩm Tam Nông'],
  ] as const) {
    await pageApi(page, 'POST', '/registries/enterprises', {
      taxCode: validTaxCode(seed),
      name,
      industrialYears: [2026],
    });
  }
  const report = await pageApi<{ id: string }>(page, 'GET', `/cycles/${cycleId}/my-report`);
  await page.goto(`/bao-cao/${report.id}`);

  const hint = page.getByTestId('derived-DN-01');
  await hint.getByText('Từ sổ theo dõi của đơn vị: 2').waitFor();
  await expect
    .poll(async () => hint.getByRole('link', { name: /Xem hồ sơ/ }).getAttribute('href'))
    .toMatch(/^\/doanh-nghiep\?nam=2026&don-vi=/);
  const field = page.locator('#field-values_DN-01');
  expect(await field.inputValue()).toBe('');
  await shot(page, 'prefill-form-1366');
  await expectAccessible(page, 'report form with derived values');

  await hint.getByRole('button', { name: /Lấy số liệu này/ }).click();
  await expect.poll(() => field.inputValue()).toBe('2');
  await hint.getByText('Đang dùng số liệu từ sổ theo dõi').waitFor();

  // The officer knows of a third firm not yet in the registry: types 3.
  await field.fill('3');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await expect
    .poll(
      async () =>
        (
          await pageApi<{ values: Array<{ indicatorCode: string; value: unknown }> }>(
            page,
            'GET',
            `/reports/${report.id}`,
          )
        ).values.find((v) => v.indicatorCode === 'DN-01')?.value,
    )
    .toBe(3);

  await page.reload();
  await page.getByTestId('derived-DN-01').getByText('Từ sổ theo dõi của đơn vị: 2').waitFor();
  expect(await page.locator('#field-values_DN-01').inputValue()).toBe('3');
  // The button is offered again, since the field no longer holds the records' value.
  await page
    .getByTestId('derived-DN-01')
    .getByRole('button', { name: /Lấy số liệu này/ })
    .waitFor();
  await expectAccessible(page, 'report form after reload');

  // Narrative prefill: fills an empty results field at once, and stays editable.
  const fill = page.getByRole('button', { name: /Điền từ hoạt động/ }).first();
  await fill.click();
  const results = page.locator('textarea[id^="field-sections_"][id$="_results"]').first();
  await expect.poll(() => results.inputValue()).toContain('(DN-01): 2');
  await results.fill('Đơn vị đã theo dõi 3 doanh nghiệp.');
  // With text in it, the prefill asks before replacing.
  await fill.click();
  await page.getByRole('dialog', { name: 'Thay nội dung đã viết?' }).waitFor();
  await expectAccessible(page, 'replace confirmation');
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  expect(await results.inputValue()).toBe('Đơn vị đã theo dõi 3 doanh nghiệp.');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'prefill-form-390');
}, 300_000);
