import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, openCycle, signIn, startStack, type Page, type Stack } from './support.js';

// Issue 10, "Figures are never silently altered": the unit officer's number fields read
// Vietnamese numbers ("1,5", "1.234,5"), say what they understood when the text was not written
// the Vietnamese way ("1.5" is 1,5 — never 15), take a figure pasted from Excel, check the range
// rules as the officer leaves the field, and read English numbers in the English interface.

const NOW = '2026-11-20T02:00:00Z';
let stack: Stack;
let reportId: string;

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
  await openCycle(stack, 2026);
});
afterAll(async () => stack?.stop());

/** The report's stored values, read from the signed-in page. */
async function stored(page: Page): Promise<Record<string, unknown>> {
  const report = await page.evaluate(async (id) => (await fetch(`/api/v1/reports/${id}`)).json(), reportId);
  return Object.fromEntries(
    (report.values as Array<{ indicatorCode: string; wasteStream: string | null; value: unknown }>).map((v) => [
      `${v.indicatorCode}${v.wasteStream ? `.${v.wasteStream}` : ''}`,
      v.value,
    ]),
  );
}

async function waitSaved(page: Page) {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

describe('number fields', () => {
  it(
    'read Vietnamese and English numbers, say what they understood, and check ranges as the officer leaves',
    { timeout: 240_000 },
    async () => {
      const unit = await stack.newPage();
      await unit.clock.setFixedTime(new Date(NOW));
      await signIn(unit, DEMO.unitStc);
      await unit.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
      await unit.getByRole('link', { name: 'Mở báo cáo năm 2026' }).click();
      await unit.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
      reportId = /\/([0-9a-f-]{36})/.exec(unit.url())![1];
      await waitSaved(unit);

      const medical = unit.getByLabel('XL-01 — Y tế');
      const industrial = unit.getByLabel('XL-01 — Công nghiệp');
      const agri = unit.getByLabel('XL-01 — Nông, lâm, thủy sản');
      const domestic = unit.getByLabel('XL-01 — Sinh hoạt');
      await medical.fill('1,5');
      await industrial.fill('1.234,5');
      await agri.fill('1.5');
      // "1.5" is not how Vietnamese writes a number: the field says it read 1,5.
      const agriHint = unit.locator(
        `#${(await agri.getAttribute('aria-describedby'))!.split(' ').find((id) => id.includes('description'))}`,
      );
      expect(await agriHint.textContent()).toBe('Hiểu là 1,5');
      // Pasted from Excel, thousands grouped with a non-breaking space.
      await domestic.focus();
      await unit.keyboard.insertText('1\u00a0234,5');
      await domestic.press('Tab');
      await expect.poll(() => unit.getByTestId('total-XL-01').textContent(), { timeout: 15_000 }).toBe('2.472');
      await waitSaved(unit);
      await expect
        .poll(
          async () => {
            const v = await stored(unit);
            return [v['XL-01.medical'], v['XL-01.industrial'], v['XL-01.agri'], v['XL-01.domestic']];
          },
          { timeout: 15_000 },
        )
        .toEqual([1.5, 1234.5, 1.5, 1234.5]);
      // Leaving the ambiguous field keeps saying what it understood, with no error.
      expect(await agri.getAttribute('aria-invalid')).not.toBe('true');
      await expectAccessible(unit, 'report form with an ambiguous entry');
      await unit.setViewportSize({ width: 1366, height: 768 });
      await agri.scrollIntoViewIfNeeded();
      await unit.screenshot({ path: '/tmp/bioplan-shots/numbers-01-ambiguous.png' });

      // A negative amount: the message appears as the officer leaves the field.
      const funding = unit.getByLabel(/^KP-01 — /);
      await funding.fill('-3');
      expect(await funding.getAttribute('aria-invalid')).not.toBe('true');
      await funding.press('Tab');
      await expect.poll(() => funding.getAttribute('aria-invalid')).toBe('true');
      const fundingError = unit.locator(
        `#${(await funding.getAttribute('aria-describedby'))!.split(' ').find((id) => id.includes('error'))}`,
      );
      expect(await fundingError.textContent()).toBe('Không được nhỏ hơn 0 (đang là -3)');
      // A percentage of 120.
      const share = unit.getByLabel(/^TL-01 — /);
      await share.fill('120');
      await share.press('Tab');
      await expect.poll(() => share.getAttribute('aria-invalid')).toBe('true');
      const shareError = unit.locator(
        `#${(await share.getAttribute('aria-describedby'))!.split(' ').find((id) => id.includes('error'))}`,
      );
      expect(await shareError.textContent()).toBe('Không được lớn hơn 100 (đang là 120)');
      // Text that is not a number.
      await funding.fill('ba triệu');
      await funding.press('Tab');
      expect(await fundingError.textContent()).toContain('Không phải là số');
      await unit.screenshot({ path: '/tmp/bioplan-shots/numbers-02-range-errors.png' });
      // Fixed: the message goes.
      await funding.fill('2.500');
      await funding.press('Tab');
      await expect.poll(() => funding.getAttribute('aria-invalid')).not.toBe('true');

      // In English, "1,234.5" is 1234.5, and the figures are written the English way.
      await unit.getByText('English', { exact: true }).click();
      await expect.poll(() => unit.getByLabel('XL-01 — Medical').inputValue()).toBe('1.5');
      await funding.fill('1,234.5');
      await funding.press('Tab');
      expect(await funding.getAttribute('aria-invalid')).not.toBe('true');
      await waitSaved(unit);
      await expect.poll(async () => (await stored(unit))['KP-01'], { timeout: 15_000 }).toBe(1234.5);
      await unit.screenshot({ path: '/tmp/bioplan-shots/numbers-03-english.png' });
    },
  );
});
