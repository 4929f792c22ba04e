import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  mkdirSync('/tmp/bioplan-shots', { recursive: true });
  stack = await startStack();
});
afterAll(async () => stack?.stop());

/** Rows of the units table, by the unit's full name. */
async function unitNames(page: Page) {
  return page.locator('table tbody tr td:first-child').allTextContents();
}

/** Types a date into "Tính đến ngày" the way a user does: dd/mm/yyyy, then leaves the field. */
async function setAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByRole('textbox', { name: 'Tính đến ngày' });
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await page.getByRole('heading', { level: 1 }).click();
}

describe('foundation journeys', () => {
  it('a unit officer reads the plan, finds "Sở Tài chính" without diacritics and sees its own tasks', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.unitStc);

    // Home: the plan and the unit's task count.
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await page.getByText('1953/KH-UBND', { exact: false }).first().waitFor();
    await expect.poll(() => page.getByText(/\d+ mục trong kế hoạch/).textContent()).toMatch(/[1-9]\d* mục/);
    await expectAccessible(page, 'home (unit officer)');
    await shot(page, 'home-unit');

    // The plan: the tree with labels as issued, "II." twice.
    await page
      .getByRole('navigation', { name: 'Danh mục chức năng' })
      .getByRole('link', { name: 'Kế hoạch', exact: true })
      .click();
    await page.waitForURL(/\/ke-hoach/);
    await page.getByRole('heading', { level: 2, name: 'II. MỤC TIÊU' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'II. NHIỆM VỤ KẾ HOẠCH' }).waitFor();
    await page.getByRole('heading', { name: 'Căn cứ ban hành' }).waitFor();
    await page.getByText('Nguyễn Minh Cảnh').waitFor();
    // A Bến Tre agency is followed by the unit holding its function today.
    const stcDuty = page.locator('#muc-IV-4');
    expect(await stcDuty.textContent()).toContain('Sở Tài chính tỉnh Bến Tre');
    expect(await stcDuty.textContent()).toContain('nay là Sở Tài chính tỉnh Vĩnh Long');
    expect(await stcDuty.getAttribute('class')).toContain('mine-item');
    // IV.1's duties speak to a group, in words.
    expect(await page.locator('#muc-IV-1-c').textContent()).toContain('Các sở, ngành, địa phương');
    expect(await page.locator('#muc-IV-7').textContent()).toContain('Doanh nghiệp, tổ chức, cá nhân');
    expect(await page.locator('.mine-item').count()).toBeGreaterThan(3);
    await expectAccessible(page, 'plan');
    await shot(page, 'plan-full');

    // Search without diacritics, on the server.
    await page.getByRole('searchbox', { name: 'Tìm trong kế hoạch' }).fill('so tai chinh');
    await page.getByRole('heading', { name: /Tìm thấy \d+ mục/ }).waitFor();
    const result = page.getByRole('article').filter({ hasText: '4. Sở Tài chính' });
    await result.waitFor();
    expect(await result.textContent()).toContain('Phối hợp với các sở, ngành, địa phương tham mưu');
    expect(await result.getByText('Chủ trì').count()).toBeGreaterThan(0);
    expect(await result.getByText('Phối hợp', { exact: true }).count()).toBeGreaterThan(0);
    expect(page.url()).toContain('q=so+tai+chinh');
    await expectAccessible(page, 'plan search');
    await shot(page, 'plan-search');

    // "Nhiệm vụ của đơn vị tôi": only the unit's items, all highlighted.
    await page.getByRole('button', { name: 'Xem toàn văn kế hoạch' }).click();
    await page.getByRole('switch', { name: 'Nhiệm vụ của đơn vị tôi' }).check();
    await page.waitForURL(/mine=1/);
    await page.getByRole('heading', { name: /Tìm thấy \d+ mục/ }).waitFor();
    const articles = page.getByRole('article');
    await expect.poll(() => articles.count()).toBeGreaterThan(3);
    expect(await page.locator('article.mine-item').count()).toBe(await articles.count());
    expect(await page.getByRole('article').filter({ hasText: 'Cơ quan đầu mối theo dõi, tổng hợp' }).count()).toBe(0);
    await expectAccessible(page, 'plan mine');
    await shot(page, 'plan-mine');

    // A unit named in the plan links to its record and its successor.
    await page.getByRole('link', { name: 'Sở Tài chính tỉnh Bến Tre' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sở Tài chính tỉnh Bến Tre' }).waitFor();
    await page.getByRole('heading', { name: 'Đơn vị kế thừa' }).waitFor();
    const successors = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Đơn vị kế thừa' }) });
    expect(await successors.textContent()).toContain('Hợp nhất');
    expect(await successors.textContent()).toContain('Sở Tài chính tỉnh Vĩnh Long');
    expect(await successors.textContent()).toContain('01/07/2025');
    const predecessors = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Đơn vị tiền thân' }) });
    expect(await predecessors.textContent()).toContain('Sở Kế hoạch và Đầu tư tỉnh Bến Tre');
    await expectAccessible(page, 'unit detail');
    await shot(page, 'unit-detail');
    // …and back from the successor.
    await successors.getByRole('link', { name: 'Sở Tài chính tỉnh Vĩnh Long' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sở Tài chính tỉnh Vĩnh Long' }).waitFor();
    const back = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Đơn vị tiền thân' }) });
    await back.getByRole('link', { name: 'Sở Tài chính tỉnh Bến Tre' }).waitFor();
  });

  it('units as of 27/03/2025 show the 9 districts; as of 2026 the 48 xã/phường and no district', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.unitStc);
    await page
      .getByRole('navigation', { name: 'Danh mục chức năng' })
      .getByRole('link', { name: 'Đơn vị', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính và cơ quan' }).waitFor();
    await expectAccessible(page, 'units (today)');

    await page.getByRole('button', { name: /27\/03\/2025/ }).click();
    await page.waitForURL(/ngay=2025-03-27/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Tính đến ngày' }).inputValue()).toBe('27/03/2025');
    const summary = page.getByTestId('units-summary');
    await expect.poll(() => summary.textContent()).toContain('Huyện/Thành phố: 9');
    await expect.poll(() => unitNames(page)).toContain('Tỉnh Bến Tre');
    const names2025 = await unitNames(page);
    for (const d of ['Huyện Ba Tri', 'Huyện Bình Đại', 'Huyện Chợ Lách', 'Huyện Thạnh Phú'])
      expect(names2025).toContain(d);
    expect(names2025).toContain('Sở Tài chính tỉnh Bến Tre');
    expect(names2025.filter((n) => /^(Huyện|Thành phố) /.test(n))).toHaveLength(9);
    expect(names2025.some((n) => n.startsWith('Xã '))).toBe(false);
    await expectAccessible(page, 'units 2025');
    await shot(page, 'units-2025');

    await setAsOf(page, '15/01/2026');
    await page.waitForURL(/ngay=2026-01-15/);
    await expect.poll(() => summary.textContent()).toContain('48 xã, phường');
    expect(await summary.textContent()).not.toContain('Huyện');
    expect(await summary.textContent()).toContain('Tỉnh: 1');
    await expect.poll(() => unitNames(page)).toContain('Tỉnh Vĩnh Long');
    expect((await unitNames(page)).some((n) => n.startsWith('Huyện '))).toBe(false);
    // Kind filter: the districts are gone, the xã are there.
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
    await page.getByRole('option', { name: 'Huyện/Thành phố' }).click();
    await page.getByText('Không có đơn vị nào có hiệu lực tại ngày này khớp điều kiện.').waitFor();
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
    await page.getByRole('option', { name: 'Xã', exact: true }).click();
    await expect.poll(() => page.getByText(/Hiển thị 1–\d+ trên 43 đơn vị/).count()).toBe(1);
    // Search without diacritics.
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('giao long');
    await expect.poll(() => unitNames(page)).toEqual(['Xã Giao Long']);
    await expectAccessible(page, 'units 2026');
    await shot(page, 'units-2026');
  });

  it('the admin creates an account, resets its password and deactivates it', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.config.adminEmail, 'Admin-password-123');
    await page
      .getByRole('navigation', { name: 'Danh mục chức năng' })
      .getByRole('link', { name: 'Tài khoản', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản' }).waitFor();
    await page.getByRole('cell', { name: DEMO.unitStc }).waitFor();
    await expectAccessible(page, 'accounts');
    await shot(page, 'users');

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await dialog.waitFor();
    // A duplicate e-mail is named on its field.
    await dialog.getByLabel('Email').fill(DEMO.unitXa);
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hoà');
    await dialog.getByRole('combobox', { name: 'Đơn vị', exact: true }).fill('xa an hiep');
    await page.getByRole('option', { name: 'Xã An Hiệp' }).click();
    await dialog.getByLabel('Mật khẩu ban đầu').fill('Mat-khau-moi-2026');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Email đã được sử dụng').waitFor();
    await expectAccessible(page, 'create account dialog');
    await shot(page, 'users-create-error');

    await dialog.getByLabel('Email').fill('canbo.anhiep@example.vn');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản canbo.anhiep@example.vn').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc email' }).fill('nguyen thi hoa');
    const row = page.getByRole('row').filter({ hasText: 'canbo.anhiep@example.vn' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Xã An Hiệp');
    expect(await row.textContent()).toContain('Đang hoạt động');

    await row.getByRole('button', { name: 'Thao tác: Nguyễn Thị Hoà' }).click();
    await page.getByRole('menuitem', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    const reset = page.getByRole('dialog', { name: /Đặt lại mật khẩu cho/ });
    await reset.getByLabel('Mật khẩu mới').fill('ngan');
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await reset.locator('.mantine-InputWrapper-error').waitFor();
    await reset.getByLabel('Mật khẩu mới').fill('Mat-khau-thu-hai-2026');
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByText('Đã đặt lại mật khẩu cho Nguyễn Thị Hoà', { exact: false }).waitFor();

    await row.getByRole('button', { name: 'Thao tác: Nguyễn Thị Hoà' }).click();
    await page.getByRole('menuitem', { name: 'Khóa' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    const confirm = page.getByRole('dialog', { name: 'Khóa tài khoản' });
    await confirm.getByText('Khóa tài khoản Nguyễn Thị Hoà (canbo.anhiep@example.vn)?').waitFor();
    await expectAccessible(page, 'deactivate dialog');
    await confirm.getByRole('button', { name: 'Khóa', exact: true }).click();
    await page.getByText('Đã khóa tài khoản Nguyễn Thị Hoà').waitFor();
    await expect.poll(() => row.textContent()).toContain('Đã khóa');
    await row.getByRole('button', { name: 'Thao tác: Nguyễn Thị Hoà' }).click();
    await page.getByRole('menuitem', { name: 'Mở khóa' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expectAccessible(page, 'accounts after deactivation');
    await shot(page, 'users-deactivated');

    // The deactivated account cannot sign in.
    const other = await stack.newPage();
    await other.goto('/dang-nhap');
    await other.getByLabel('Email').fill('canbo.anhiep@example.vn');
    await other.getByLabel('Mật khẩu').fill('Mat-khau-thu-hai-2026');
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.getByRole('alert').waitFor();
  });

  it('reads well on a 390px phone', async () => {
    const context = await stack.browser.newContext({
      baseURL: stack.baseURL,
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await signIn(page, DEMO.unitStc);
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await shot(page, 'phone-home');
    for (const [path, name, heading] of [
      ['/ke-hoach', 'phone-plan', 'II. MỤC TIÊU'],
      ['/ke-hoach?q=xu+ly+chat+thai', 'phone-plan-search', /Tìm thấy \d+ mục/],
      ['/don-vi?ngay=2025-03-27', 'phone-units', 'Đơn vị hành chính và cơ quan'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${path} on a phone`);
      await shot(page, name);
    }
    await context.close();
  });

  it('is in English when switched', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.unitStc);
    await page.getByText('English').click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('switch', { name: 'My unit’s tasks' }).waitFor();
    await page.getByText('now Sở Tài chính tỉnh Vĩnh Long', { exact: false }).first().waitFor();
    await expectAccessible(page, 'plan (en)');
    await shot(page, 'plan-en');
  });
});
