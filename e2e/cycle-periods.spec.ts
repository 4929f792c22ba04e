import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnits } from '../server/db/schema/index.js';
import { DEMO, expectAccessible, pageApi, shot, signedInPage, startStack, type Stack } from './support.js';

// Each plan has its own cycles (issue 14), in Chromium: the plan page says the reporting schedule
// its text states; for a plan whose units report "trước ngày 20 hằng tháng" the create form
// proposes the next month with its window and deadline, and the officer may choose a quarter.

// 01/12/2026 10:00 in Vietnam.
const NOW = '2026-12-01T03:00:00Z';
const PLAN_223 = readFileSync(
  new URL('../server/features/plan-import/fixtures/ke-hoach-223-so-lap.txt', import.meta.url),
  'utf8',
);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
}, 180_000);
afterAll(async () => stack?.stop());

describe('cycles by the plan’s schedule', () => {
  it(
    'shows the schedule on the plan page and proposes a monthly, then a quarterly cycle',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(stack, DEMO.focal, { now: NOW });
      // The seed plan 1953: yearly, by 30/11.
      const seed = (await pageApi<{ data: Array<{ id: string; number: string }> }>(page, 'GET', '/plans')).data.find(
        (p) => p.number === '1953/KH-UBND',
      )!;
      await page.goto(`/ke-hoach/${seed.id}`);
      await page.getByText('Báo cáo định kỳ: trước ngày 30/11 hằng năm (theo văn bản kế hoạch)').waitFor();

      // Import and publish plan 223 (its units report monthly, by the 20th).
      const [sxd] = await stack.database.db.select().from(orgUnits).where(eq(orgUnits.code, 'BT-SXD'));
      const draft = await pageApi<{ id: string; version: number }>(page, 'POST', '/plan-imports', { text: PLAN_223 });
      const mapped = await pageApi<{ version: number }>(page, 'PATCH', `/plan-imports/${draft.id}`, {
        version: draft.version,
        ops: [{ op: 'mapUnit', written: 'Sở Ngoại vụ', unitId: sxd.id }],
      });
      const { planId } = await pageApi<{ planId: string }>(page, 'POST', `/plan-imports/${draft.id}/publish`, {
        version: mapped.version,
      });
      await page.goto(`/ke-hoach/${planId}`);
      await page.getByText('Báo cáo định kỳ: trước ngày 20 hằng tháng (theo văn bản kế hoạch)').waitFor();
      await expectAccessible(page, 'plan page with its schedule');
      await shot(page, 'cycle-periods-01-plan-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'cycle-periods-01-plan-390');
      await page.setViewportSize({ width: 1366, height: 768 });

      // The create form proposes the next month, with the month's days and the 20th of the month after.
      await page.goto(`/ky-bao-cao?planId=${planId}`);
      await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Kế hoạch quy định báo cáo trước ngày 20 hằng tháng: đề xuất kỳ tháng.').waitFor();
      expect(await dialog.getByLabel('Loại kỳ').inputValue()).toBe('Tháng');
      expect(await dialog.getByLabel(/^Tháng/).inputValue()).toBe('Tháng 1/2027');
      expect(await dialog.getByLabel('Năm báo cáo').inputValue()).toBe('2027');
      expect(await dialog.getByLabel('Số liệu từ ngày').inputValue()).toBe('01/01/2027');
      expect(await dialog.getByLabel('Số liệu đến ngày').inputValue()).toBe('31/01/2027');
      expect(await dialog.getByLabel('Hạn nộp').inputValue()).toBe('20/02/2027');
      await expectAccessible(page, 'create form, monthly');
      await shot(page, 'cycle-periods-02-create-month-1366');

      // February: 28 days, due 20/03.
      await dialog.getByLabel(/^Tháng/).click();
      await page.getByRole('option', { name: 'Tháng 2/2027' }).click();
      expect(await dialog.getByLabel('Số liệu đến ngày').inputValue()).toBe('28/02/2027');
      expect(await dialog.getByLabel('Hạn nộp').inputValue()).toBe('20/03/2027');

      // The officer chooses a quarter instead: the next quarter, due on the 20th of the month after it.
      await dialog.getByLabel('Loại kỳ').click();
      await page.getByRole('option', { name: 'Quý', exact: true }).click();
      expect(await dialog.getByLabel(/^Quý/).inputValue()).toBe('Quý I/2027');
      expect(await dialog.getByLabel('Số liệu từ ngày').inputValue()).toBe('01/01/2027');
      expect(await dialog.getByLabel('Số liệu đến ngày').inputValue()).toBe('31/03/2027');
      expect(await dialog.getByLabel('Hạn nộp').inputValue()).toBe('20/04/2027');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'cycle-periods-03-create-quarter-390');
      await page.setViewportSize({ width: 1366, height: 768 });
      await dialog.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kỳ báo cáo quý I/2027' }).waitFor();
      await expectAccessible(page, 'quarterly cycle page');
      await shot(page, 'cycle-periods-04-cycle-1366');

      await page.goto(`/ky-bao-cao?planId=${planId}`);
      await page.getByRole('link', { name: 'Kỳ báo cáo quý I/2027' }).waitFor();
      await shot(page, 'cycle-periods-05-list-1366');
    },
  );
});
