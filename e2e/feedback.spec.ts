import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedback } from '../server/db/schema/index.js';
import type { Locator } from 'playwright-core';
import { DEMO, expectAccessible, shot as saveShot, signIn, startStack, type Page, type Stack } from './support.js';

// A 1×1 PNG: the server checks attachments by their content, not their name.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SUBJECT = 'Chưa có hướng dẫn xử lý phế thải xây dựng bằng chế phẩm sinh học';
const ANSWER =
  'Sở Nông nghiệp và Môi trường đã đề xuất bổ sung nhiệm vụ cho Sở Xây dựng tỉnh Vĩnh Long hướng dẫn xử lý phế thải xây dựng bằng công nghệ sinh học.';

let stack: Stack;
let trackingCode = '';
let amendmentUrl = '';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

/** A screenshot taken from the top of the page, so the fixed header does not cover the title. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveShot(page, name);
}

async function storedFeedbackCount(): Promise<number> {
  return (await stack.database.db.select({ id: feedback.id }).from(feedback)).length;
}

async function pickOption(page: Page, label: string, search: string | null, option: string | RegExp) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== null) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** A text field by its label (the accessible name, so a required field's asterisk does not matter). */
function box(page: Page | Locator, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

async function phonePage(): Promise<Page> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseURL,
    locale: 'vi-VN',
    viewport: { width: 390, height: 844 },
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

describe('feedback, amendment and plan versions', () => {
  it('refuses bad input on the public form with a clear message and stores nothing', async () => {
    const page = await stack.newPage();
    await page.goto('/gop-y');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await expectAccessible(page, 'public feedback form');
    const before = await storedFeedbackCount();

    await box(page, 'Cơ quan, tổ chức, doanh nghiệp').fill('Hợp tác xã Giao Long');
    await box(page, 'Email hoặc số điện thoại').fill('goi cho toi');
    await box(page, 'Tiêu đề').fill(SUBJECT);
    await box(page, 'Nội dung').fill('Đề nghị hướng dẫn.');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page
      .locator('.mantine-TextInput-error', { hasText: 'Liên hệ phải là địa chỉ email hoặc số điện thoại Việt Nam' })
      .waitFor();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Chưa gửi được phản ánh');
    await expectAccessible(page, 'public feedback form with errors');
    await shot(page, 'h6-public-form-error');

    await box(page, 'Email hoặc số điện thoại').fill('0912345678');
    await box(page, 'Nội dung').fill('x'.repeat(10_001));
    await page.getByText('Vượt quá 10.000 ký tự').waitFor();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => page.locator('.mantine-Textarea-error').textContent()).toMatch(/10\s?000|10\.000/);

    // A bot filling the hidden field is answered like anyone else, and nothing is kept.
    const bot = await page.request.post('/api/v1/feedback', {
      data: {
        organisation: 'Bot',
        contact: 'bot@example.com',
        subject: 'Quảng cáo',
        text: 'Mua ngay',
        website: 'http://spam.example',
      },
    });
    expect(bot.status()).toBe(201);
    expect(await storedFeedbackCount()).toBe(before);
  });

  it('lets a citizen send feedback with an attachment and look it up by its code', async () => {
    const page = await stack.newPage();
    await page.goto('/gop-y');
    await box(page, 'Họ và tên').fill('Nguyễn Văn An');
    await box(page, 'Cơ quan, tổ chức, doanh nghiệp').fill('Hợp tác xã Giao Long');
    await box(page, 'Email hoặc số điện thoại').fill('0912 345 678');
    await box(page, 'Tiêu đề').fill(SUBJECT);
    await box(page, 'Nội dung').fill(
      'Kế hoạch chưa giao cơ quan nào hướng dẫn xử lý phế thải xây dựng bằng chế phẩm sinh học. Đề nghị bổ sung.',
    );
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'hien-truong.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { name: 'Đã gửi phản ánh' }).waitFor();
    trackingCode = (await page.getByTestId('tracking-code').textContent())!.trim();
    expect(trackingCode).toMatch(/^GY-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByRole('button', { name: 'Sao chép mã' }).waitFor();
    await expectAccessible(page, 'feedback sent');
    await shot(page, 'h6-public-sent');

    await page.getByRole('link', { name: 'Tra cứu tình trạng' }).click();
    await page.waitForURL(/\/gop-y\/tra-cuu\?ma=/);
    const result = page.getByTestId('tracking-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Mới');
    expect(await result.textContent()).toContain('đang được xem xét');
    await expectAccessible(page, 'tracking lookup');
    await shot(page, 'h6-public-lookup-new');

    const phone = await phonePage();
    await phone.goto('/gop-y');
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await shot(phone, 'h6-public-form-phone');
    await phone.goto(`/gop-y/tra-cuu?ma=${trackingCode}`);
    await phone.getByTestId('tracking-result').waitFor();
    await shot(phone, 'h6-public-lookup-phone');
    await phone.context().close();
  });

  it('lets the focal officer answer and publish it, then draft and submit an amendment citing it', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.focal);
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    await pickOption(page, 'Nguồn', null, 'Người dân, tổ chức');
    await page.getByRole('link', { name: SUBJECT }).waitFor();
    await expectAccessible(page, 'feedback desk');
    await shot(page, 'h6-desk');

    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(await page.getByText('hien-truong.png').count()).toBe(1);
    await pickOption(page, 'Phân loại', null, 'Chính sách');
    await pickOption(page, 'Mục kế hoạch liên quan', 'to chuc thuc hien', /^IV\. TỔ CHỨC THỰC HIỆN$/);
    await box(page, 'Trả lời người gửi').fill(ANSWER);
    await pickOption(page, 'Trạng thái', null, 'Đã trả lời');
    await page.getByLabel('Công khai câu hỏi và câu trả lời trên cổng thông tin').check();
    await page.getByRole('button', { name: 'Lưu xử lý' }).click();
    await page.getByText('Đã lưu xử lý').waitFor();
    await expect.poll(() => page.getByTestId('feedback-history').textContent()).toContain('Cập nhật xử lý');
    expect(await page.getByTestId('feedback-history').textContent()).toContain('Mới → Đã trả lời');
    expect(await page.getByTestId('feedback-answer').textContent()).toContain('Sở Xây dựng tỉnh Vĩnh Long');
    await expectAccessible(page, 'feedback item');
    await shot(page, 'h6-feedback-item');

    await page.getByRole('link', { name: 'Soạn đề xuất sửa đổi từ ý kiến này' }).click();
    await page.getByRole('heading', { level: 1, name: 'Soạn đề xuất sửa đổi kế hoạch' }).waitFor();
    await expect.poll(() => page.getByTestId('amendment-feedback').locator('..').textContent()).toContain(trackingCode);
    await box(page, 'Tóm tắt đề xuất').fill('Bổ sung nhiệm vụ của Sở Xây dựng');
    await box(page, 'Lý do, căn cứ đề xuất').fill(
      'Người dân phản ánh kế hoạch chưa giao cơ quan hướng dẫn xử lý phế thải xây dựng bằng chế phẩm sinh học.',
    );
    await page.getByRole('button', { name: 'Thêm mục mới' }).click();
    await pickOption(page, 'Thêm vào dưới mục', 'to chuc thuc hien', /^IV\. TỔ CHỨC THỰC HIỆN$/);
    expect(await box(page, 'Số thứ tự').inputValue()).toBe('8.');
    await box(page, 'Tiêu đề').fill('Sở Xây dựng');
    await box(page, 'Nội dung').fill(
      'Chủ trì hướng dẫn thu gom, xử lý phế thải xây dựng bằng chế phẩm sinh học; phối hợp với Sở Nông nghiệp và Môi trường.',
    );
    await pickOption(page, 'Đơn vị 1', 'so xay dung', 'Sở Xây dựng tỉnh Vĩnh Long');
    await expectAccessible(page, 'amendment editor');
    await shot(page, 'h6-amendment-editor');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.waitForURL(/\/sua-doi\/[0-9a-f-]{36}$/);
    amendmentUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Bổ sung nhiệm vụ của Sở Xây dựng' }).waitFor();
    expect(await page.getByText('Dự thảo', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'amendment draft');

    await page.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trình đề xuất sửa đổi?' });
    await dialog.waitFor();
    await expectAccessible(page, 'submit confirmation');
    await dialog.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await page.getByText('Đã trình', { exact: true }).first().waitFor();
    await shot(page, 'h6-amendment-submitted');

    await page.goto('/van-ban-huong-dan');
    await page.getByRole('heading', { level: 1, name: 'Văn bản hướng dẫn' }).waitFor();
    await page.getByRole('button', { name: 'Thêm văn bản' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm văn bản hướng dẫn' });
    await box(form, 'Số, ký hiệu').fill('12/2025/TT-BNNMT');
    await box(form, 'Ngày ban hành').fill('15/08/2025');
    await box(form, 'Ngày ban hành').press('Tab');
    await box(form, 'Cơ quan ban hành').fill('Bộ Nông nghiệp và Môi trường');
    await box(form, 'Trích yếu').fill('Hướng dẫn ứng dụng công nghệ sinh học trong xử lý chất thải');
    await expectAccessible(page, 'guidance form');
    await form.getByRole('button', { name: 'Lưu văn bản' }).click();
    await page.getByTestId('guidance-table').getByText('12/2025/TT-BNNMT').waitFor();
    expect(await page.getByTestId('guidance-table').textContent()).toContain('15/08/2025');
    await expectAccessible(page, 'guidance registry');
    await shot(page, 'h6-guidance');
  });

  it('lets a leader approve it with a document number and date, creating version 2', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.leader);
    await page.getByRole('link', { name: 'Sửa đổi kế hoạch' }).click();
    await page.getByRole('link', { name: 'Bổ sung nhiệm vụ của Sở Xây dựng' }).click();
    await page.waitForURL((u) => u.pathname === amendmentUrl);
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).waitFor();
    await expectAccessible(page, 'amendment for the leader');
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Phê duyệt đề xuất sửa đổi' });
    await box(dialog, 'Số văn bản sửa đổi').fill('2150/KH-UBND');
    await box(dialog, 'Ngày văn bản').fill('15/09/2025');
    await box(dialog, 'Ngày văn bản').press('Tab');
    await box(dialog, 'Ý kiến (không bắt buộc)').fill('Đồng ý bổ sung.');
    await expectAccessible(page, 'approve dialog');
    await shot(page, 'h6-approve-dialog');
    await dialog.getByRole('button', { name: 'Phê duyệt, ban hành phiên bản 2' }).click();
    await page.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    expect(await page.getByText('Số 2150/KH-UBND ngày 15/09/2025').count()).toBe(1);
    await shot(page, 'h6-amendment-approved');

    await page.getByRole('link', { name: 'Xem so sánh với phiên bản trước' }).click();
    await page.getByRole('heading', { level: 1, name: 'Các phiên bản của kế hoạch' }).waitFor();
    const versions = page.getByTestId('versions-table');
    await expect.poll(() => versions.textContent()).toContain('Phiên bản 2');
    expect(await versions.textContent()).toContain('2150/KH-UBND');
    const added = page.getByTestId('diff-added');
    await added.first().waitFor();
    const addedText = await added.first().textContent();
    expect(addedText).toContain('[+] Thêm mới');
    expect(addedText).toContain('Sở Xây dựng');
    expect(addedText).toContain('Chủ trì: Sở Xây dựng tỉnh Vĩnh Long');
    expect(await page.getByTestId('diff').textContent()).toContain('1 mục thêm mới');
    await expectAccessible(page, 'versions and diff');
    await shot(page, 'h6-versions-diff');

    const phone = await phonePage();
    await signIn(phone, DEMO.leader);
    await phone.goto('/ke-hoach/phien-ban');
    await phone.getByTestId('diff-added').first().waitFor();
    await shot(phone, 'h6-versions-diff-phone');
    await phone.context().close();
  });

  it('shows the citizen the published answer and the focal officer the amendment that answered it', async () => {
    const page = await stack.newPage();
    await page.goto(`/gop-y/tra-cuu?ma=${trackingCode.toLowerCase()}`);
    const result = page.getByTestId('tracking-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Đã trả lời');
    expect(await page.getByTestId('tracking-answer').textContent()).toBe(ANSWER);
    // Nothing but status and answer reaches the public: not the sender's name nor contact.
    expect(await page.locator('main').textContent()).not.toContain('0912');
    expect(await page.locator('main').textContent()).not.toContain('Nguyễn Văn An');
    await expectAccessible(page, 'tracking lookup answered');
    await shot(page, 'h6-public-lookup-answered');

    const focal = await stack.newPage();
    await signIn(focal, DEMO.focal);
    await focal.goto('/phan-anh');
    await focal.getByRole('link', { name: SUBJECT }).click();
    const by = focal.getByTestId('answered-by-amendment');
    await by.waitFor();
    expect(await by.textContent()).toContain('Bổ sung nhiệm vụ của Sở Xây dựng');
    expect(await by.textContent()).toContain('2150/KH-UBND');
    expect(await focal.getByTestId('feedback-history').textContent()).toContain('Được giải quyết bởi sửa đổi kế hoạch');
  });

  it('lets a unit officer send feedback from the workspace and see only its own items', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.unitStc);
    await page.getByRole('link', { name: 'Phản ánh của đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    await page.getByRole('link', { name: 'Gửi phản ánh' }).click();
    await box(page, 'Tiêu đề').fill('Đề nghị hướng dẫn bố trí kinh phí ứng dụng công nghệ sinh học');
    await box(page, 'Nội dung').fill('Chưa có hướng dẫn lập dự toán cho nhiệm vụ công nghệ sinh học.');
    await pickOption(page, 'Mục kế hoạch liên quan', 'so tai chinh', /Sở Tài chính/);
    await expectAccessible(page, 'unit send form');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { name: 'Đã gửi phản ánh' }).waitFor();
    await page.getByRole('link', { name: 'Xem ý kiến đã gửi' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Đề nghị hướng dẫn bố trí kinh phí ứng dụng công nghệ sinh học' })
      .waitFor();
    expect(await page.getByText('Sở Tài chính tỉnh Vĩnh Long').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Lưu xử lý' }).count()).toBe(0);
    await expectAccessible(page, 'unit feedback item');

    await page.goto('/phan-anh');
    const table = page.getByTestId('feedback-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('Đề nghị hướng dẫn bố trí kinh phí');
    expect(await table.textContent()).not.toContain(SUBJECT);
    await shot(page, 'h6-unit-desk');
  });
});
