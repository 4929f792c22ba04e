import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enterprises } from '../server/db/schema/index.js';
import { DEMO, expectAccessible, shot as saveShot, signIn, startStack, type Page, type Stack } from './support.js';

// A real tax code shape with a valid check digit (0300588569 is Vinamilk's; this one is made up).
const TAX_CODE = '3901234577';
const NAME = 'Công ty TNHH Chế phẩm Sinh học Cửu Long';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveShot(page, name);
}

async function pageAt(width: number, height: number): Promise<Page> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseURL,
    locale: 'vi-VN',
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

it('a unit officer adds an enterprise; another unit typing the same tax code is taken to it and adds an observation', async () => {
  const finance = await pageAt(1366, 768);
  await signIn(finance, DEMO.unitStc);
  await finance.getByRole('link', { name: 'Sổ theo dõi' }).first().click();
  await finance.getByRole('link', { name: 'Doanh nghiệp', exact: true }).click();
  await finance.getByRole('heading', { name: 'Sổ doanh nghiệp' }).waitFor();
  await finance.getByRole('link', { name: 'Thêm doanh nghiệp' }).click();
  await finance.getByRole('textbox', { name: 'Mã số thuế' }).fill('3901234578');
  await finance.getByText('chữ số kiểm tra').waitFor();
  await finance.getByRole('textbox', { name: 'Mã số thuế' }).fill(TAX_CODE);
  await finance.getByRole('textbox', { name: 'Tên doanh nghiệp' }).fill(NAME);
  await finance.getByRole('textbox', { name: 'Ngành nghề' }).fill('Sản xuất chế phẩm vi sinh');
  const years = finance.getByRole('combobox', { name: /Năm sản xuất chế phẩm/ });
  await years.fill('2025');
  await years.press('Enter');
  await finance.getByRole('button', { name: 'Thêm sản phẩm' }).click();
  await finance.getByRole('textbox', { name: 'Tên sản phẩm' }).fill('Chế phẩm ủ rác hữu cơ');
  await shot(finance, 'registries-new-1366');
  await finance.getByRole('button', { name: 'Thêm vào sổ' }).click();
  await finance.getByRole('heading', { name: NAME }).waitFor();
  await expect
    .poll(async () => (await finance.getByTestId('enterprise-history').textContent()) ?? '')
    .toContain('Lập hồ sơ');
  await shot(finance, 'registries-record-1366');
  await expectAccessible(finance, 'enterprise record');

  const commune = await pageAt(390, 844);
  await signIn(commune, DEMO.unitXa);
  await commune.goto('/doanh-nghiep/moi');
  await commune.getByRole('textbox', { name: 'Mã số thuế' }).fill(TAX_CODE);
  await commune.getByText('Mã số thuế này đã có trong sổ').waitFor();
  await commune.getByRole('button', { name: 'Mở hồ sơ và thêm ghi nhận' }).click();
  await commune.getByRole('heading', { name: NAME }).waitFor();
  await commune.getByText('đơn vị bạn không sửa được thông tin').waitFor();
  expect(await commune.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
  await commune.getByRole('textbox', { name: 'Nội dung ghi nhận' }).fill('Đã khảo sát dây chuyền tại xã');
  await commune.getByRole('button', { name: 'Thêm ghi nhận' }).click();
  await commune.getByTestId('observation').filter({ hasText: 'Đã khảo sát dây chuyền tại xã' }).waitFor();
  await shot(commune, 'registries-record-390');

  const rows = await stack.database.db.select().from(enterprises).where(eq(enterprises.taxCode, TAX_CODE));
  expect(rows).toHaveLength(1);

  await commune.goto('/doanh-nghiep?q=cuu%20long');
  await commune.getByTestId('enterprise-table').getByText(NAME).waitFor();
  await shot(commune, 'registries-list-390');
  await finance.goto('/doanh-nghiep');
  await finance.getByTestId('enterprise-table').waitFor();
  await shot(finance, 'registries-list-1366');
  await expectAccessible(finance, 'enterprise list');
}, 180_000);
