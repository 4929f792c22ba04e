import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginFailures } from '../server/db/schema/index.js';
import { DEMO, expectAccessible, signIn, startStack, type Page, type Stack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const EMAIL = 'canbo.longho@example.vn';
const FIRST = 'Lua-chin-vang-dong-2026';
const SECOND = 'Cau-My-Thuan-gio-chieu';
const THIRD = 'Ben-pha-Dinh-Khao-sang-som';

/** Screenshots at a laptop and a phone size, for a person to look at. */
async function shots(page: Page, name: string) {
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/bioplan-shots/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('accounts', () => {
  it('admin creates a user; the user must change the password, then changes it again from the account page', async () => {
    const admin = await stack.newPage();
    await signIn(admin, stack.config.adminEmail, 'Admin-password-123');
    await admin.goto('/tai-khoan');
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await dialog.getByLabel('Email').fill(EMAIL);
    await dialog.getByLabel('Họ và tên').fill('Võ Thành Long');
    await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
    await admin.getByRole('option', { name: 'Lãnh đạo' }).click();
    // A common password is refused on its field, in Vietnamese.
    await dialog.getByLabel('Mật khẩu ban đầu').fill('password12');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Mật khẩu quá phổ biến', { exact: false }).waitFor();
    await dialog.getByLabel('Mật khẩu ban đầu').fill(FIRST);
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await admin.getByText(`Đã tạo tài khoản ${EMAIL}`).waitFor();
    const row = admin.getByRole('row').filter({ hasText: EMAIL });
    await row.getByText('Phải đổi mật khẩu khi đăng nhập').waitFor();

    const user = await stack.newPage();
    await user.goto('/dang-nhap');
    await user.getByLabel('Email').fill(EMAIL);
    await user.getByLabel('Mật khẩu').fill(FIRST);
    await user.getByRole('button', { name: 'Đăng nhập' }).click();
    await user.waitForURL(/\/doi-mat-khau$/);
    await user.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    // Nothing else opens until the password is changed.
    await user.goto('/ke-hoach');
    await expect.poll(() => new URL(user.url()).pathname).toBe('/doi-mat-khau');
    await expectAccessible(user, 'forced password change');
    await user.getByLabel('Mật khẩu hiện tại').fill(FIRST);
    await user.getByLabel(/^Mật khẩu mới/).fill('vothanhlong2026');
    await user.getByLabel('Nhập lại mật khẩu mới').fill('vothanhlong2026');
    await user.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }).click();
    await user.getByText('Mật khẩu không được chứa tên hoặc email của bạn').waitFor();
    await shots(user, 'accounts-forced-change');
    await user.getByLabel(/^Mật khẩu mới/).fill(SECOND);
    await user.getByLabel('Nhập lại mật khẩu mới').fill(SECOND);
    await user.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }).click();
    await user.getByRole('button', { name: 'Đăng xuất' }).waitFor();

    await user
      .getByRole('navigation', { name: 'Danh mục chức năng' })
      .getByRole('link', { name: 'Tài khoản của tôi' })
      .click();
    await user.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await user.getByText('Phiên này', { exact: true }).waitFor();
    await expectAccessible(user, 'my account');
    await shots(user, 'accounts-my-account');
    await user.getByLabel('Mật khẩu hiện tại').fill(SECOND);
    await user.getByLabel(/^Mật khẩu mới/).fill(THIRD);
    await user.getByLabel('Nhập lại mật khẩu mới').fill(THIRD);
    await user.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await user.getByText('Đã đổi mật khẩu').waitFor();
    await user.getByRole('button', { name: 'Đăng xuất' }).click();
    await user.waitForURL(/\/dang-nhap/);
    await signIn(user, EMAIL, THIRD);
    expect(new URL(user.url()).pathname).not.toBe('/doi-mat-khau');

    // The admin sees the user's sessions.
    await admin.reload();
    await row.getByRole('button', { name: 'Thao tác: Võ Thành Long' }).click();
    await admin.getByRole('menuitem', { name: 'Phiên đăng nhập' }).click();
    const sessions = admin.getByRole('dialog', { name: 'Phiên đăng nhập của Võ Thành Long' });
    await sessions
      .getByRole('button', { name: /^Kết thúc phiên/ })
      .first()
      .waitFor();
    await expectAccessible(admin, 'user sessions');
    await shots(admin, 'accounts-admin-sessions');
  });

  it('offers “Quên mật khẩu” from the sign-in page', async () => {
    const page = await stack.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('Email').fill('ai-do@example.vn');
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    // This stack has no SMTP_URL: the page says so rather than pretending to send.
    await page.getByText('Hệ thống chưa được cấu hình gửi email', { exact: false }).waitFor();
    await expectAccessible(page, 'forgot password');
    await shots(page, 'accounts-forgot');
  });

  it('a locked account is told on the sign-in page when the lock ends; the admin lifts it and changes the role', async () => {
    // Many failures already happened from elsewhere; one more from this browser sets the lock.
    await stack.database.db
      .insert(loginFailures)
      .values(Array.from({ length: 49 }, (_, i) => ({ email: DEMO.leader, ip: `172.16.0.${i}`, at: new Date() })));
    const page = await stack.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill(DEMO.leader);
    await page.getByLabel('Mật khẩu').fill('doan-mo-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Tài khoản tạm khóa.*đến \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await expectAccessible(page, 'locked sign-in');
    await shots(page, 'accounts-locked-login');

    const admin = await stack.newPage();
    await signIn(admin, stack.config.adminEmail, 'Admin-password-123');
    await admin.goto('/tai-khoan');
    const row = admin.getByRole('row').filter({ hasText: DEMO.leader });
    await row.getByText(/^Tạm khóa đến/).waitFor();
    await shots(admin, 'accounts-users-locked');
    await row.getByRole('button', { name: 'Thao tác: Phạm Minh Lãnh Đạo' }).click();
    await admin.getByRole('menuitem', { name: 'Gỡ tạm khóa đăng nhập' }).click();
    await admin.getByText('Đã gỡ tạm khóa đăng nhập cho Phạm Minh Lãnh Đạo').waitFor();
    await row.getByText(/^Tạm khóa đến/).waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Thao tác: Phạm Minh Lãnh Đạo' }).click();
    await admin.getByRole('menuitem', { name: 'Đổi vai trò, đơn vị' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Vai trò và đơn vị của Phạm Minh Lãnh Đạo' });
    await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
    await admin.getByRole('option', { name: 'Cán bộ đơn vị' }).click();
    await dialog.getByRole('combobox', { name: 'Đơn vị' }).fill('so tai chinh');
    await admin.getByRole('option', { name: 'Sở Tài chính tỉnh Vĩnh Long' }).click();
    await expectAccessible(admin, 'change role and unit');
    await shots(admin, 'accounts-change-access');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText('Đã cập nhật vai trò, đơn vị của Phạm Minh Lãnh Đạo').waitFor();
    expect(await row.textContent()).toContain('Sở Tài chính tỉnh Vĩnh Long');

    await signIn(page, DEMO.leader);
  });
});
