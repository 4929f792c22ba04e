import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

// The yearly reporting cycle (issue 3), end to end in Chromium: the focal department creates and
// opens the 2026 cycle; Sở Tài chính fills its report, meets a field error, fixes it and submits;
// the focal department returns it with a reason; the unit reads the reason, changes a value and
// submits again; the focal department reads the diff and accepts; the board counts follow.

// 20/11/2026 09:00 in Vietnam: ten days before the default deadline (30/11/2026).
const NOW = '2026-11-20T02:00:00Z';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error'; // server errors (500s) show in the test output
});
afterAll(async () => stack?.stop());

/** A page whose browser clock agrees with the server's fixed clock ("còn 10 ngày"). */
async function pageAs(email: string, opts: { width?: number } = {}): Promise<Page> {
  const page = await stack.newPage();
  if (opts.width) await page.setViewportSize({ width: opts.width, height: 844 });
  await page.clock.setFixedTime(new Date(NOW));
  await signIn(page, email);
  return page;
}

/** The number on one of the board's count cards. */
async function boardCount(page: Page, key: string): Promise<string> {
  return (await page.locator(`[data-count="${key}"] p`).nth(1).textContent())?.trim() ?? '';
}

/** A screenshot of what the viewport shows around a part of the page, for a person to look at. */
async function view(page: Page, selector: string, name: string) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/bioplan-shots/${name}.png` });
}

/** Calls the API from a signed-in page (cookie and CSRF token of that account). */
async function apiCall(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    // Runs in the browser: `call` is the serialised copy of the arguments below.
    async (call) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${call.path}`, {
        method: call.method,
        headers: {
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken,
          ...call.headers,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
}

async function waitSaved(page: Page) {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

describe('the yearly reporting cycle', () => {
  it('runs from an opened cycle to an accepted report, with the board following', { timeout: 300_000 }, async () => {
    /* ── focal officer: create the 2026 cycle, review the units, open it ── */
    const focal = await pageAs(DEMO.focal);
    await focal.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await focal.getByRole('heading', { level: 1, name: 'Kỳ báo cáo', exact: true }).waitFor();
    await expectAccessible(focal, 'cycles list');
    await focal.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
    const dialog = focal.getByRole('dialog');
    expect(await dialog.getByLabel('Năm báo cáo').inputValue()).toBe('2026');
    expect(await dialog.getByLabel('Hạn nộp').inputValue()).toBe('30/11/2026');
    expect(await dialog.getByLabel('Số liệu từ ngày').inputValue()).toBe('01/01/2026');
    await dialog.getByLabel('Số ngày ân hạn').fill('5');
    await dialog.getByText('ân hạn 5 ngày (khóa sau ngày 05/12/2026)').waitFor();
    await expectAccessible(focal, 'create cycle form');
    await shot(focal, 'reporting-01-create-cycle');
    await dialog.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
    await focal.getByRole('heading', { level: 1, name: 'Kỳ báo cáo năm 2026' }).waitFor();
    await focal.getByRole('heading', { name: /Đơn vị phải báo cáo \(\d+\)/ }).waitFor();
    const expectedBefore = Number(
      /\((\d+)\)/.exec((await focal.getByRole('heading', { name: /Đơn vị phải báo cáo/ }).textContent()) ?? '')![1],
    );
    expect(expectedBefore).toBeGreaterThan(10);
    // Diacritics-insensitive search in the list, then remove a unit with a reason.
    await focal.getByLabel('Tìm trong danh sách').fill('giao long');
    await focal.getByText('Xã Giao Long').first().waitFor();
    await focal.getByLabel('Tìm trong danh sách').fill('');
    await expectAccessible(focal, 'draft cycle');
    await shot(focal, 'reporting-02-draft-cycle');

    await focal.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await focal.getByRole('dialog').getByText(`danh sách ${expectedBefore} đơn vị`).waitFor();
    await focal.getByRole('dialog').getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await focal.getByRole('dialog').waitFor({ state: 'detached' });
    const cycleUrl = focal.url();
    // The frozen list names the focal department too; it compiles and does not report to itself.
    expect(await boardCount(focal, 'expected')).toBe(String(expectedBefore - 1));
    expect(await boardCount(focal, 'submitted')).toBe('0');
    expect(await boardCount(focal, 'missing')).toBe(String(expectedBefore - 1));
    await expectAccessible(focal, 'board');
    await shot(focal, 'reporting-03-board-open');

    /* ── unit officer: fill in, meet a field error, fix it, submit ── */
    const unit = await pageAs(DEMO.unitStc);
    await unit.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
    await unit.getByRole('heading', { level: 2, name: 'Báo cáo năm 2026' }).waitFor();
    await unit.getByText('Hạn nộp: 30/11/2026 — còn 10 ngày').waitFor();
    await expectAccessible(unit, 'my reports');
    await shot(unit, 'reporting-04-unit-arrival');
    await unit.getByRole('link', { name: 'Mở báo cáo năm 2026' }).click();
    await unit.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
    await waitSaved(unit);
    await expectAccessible(unit, 'report form');

    await unit
      .getByRole('radiogroup', { name: /^KH-00 — / })
      .getByText('Có', { exact: true })
      .click();
    await unit.getByLabel('XL-01 — Y tế').fill('1.234,5');
    await unit.getByLabel('XL-01 — Nông, lâm, thủy sản').fill('100');
    await expect.poll(() => unit.getByTestId('total-XL-01').textContent(), { timeout: 15_000 }).toBe('1.334,5');
    await unit.getByLabel(/^DN-01 — /).fill('-3');
    const results = unit.getByRole('textbox', { name: /^Kết quả đạt được/ });
    const sectionCount = await results.count();
    for (let i = 0; i < sectionCount; i++) await results.nth(i).fill(`Đã triển khai nhiệm vụ ${i + 1} theo kế hoạch.`);
    await unit.getByLabel('Đề xuất, kiến nghị với UBND tỉnh').fill('Đề nghị bố trí kinh phí năm 2027.');
    await waitSaved(unit);
    await unit.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await unit.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    const summary = unit.getByTestId('error-summary');
    await summary.waitFor();
    await unit.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await summary.textContent()).toContain('DN-01');
    // The message also sits next to the field.
    const dn01 = unit.getByLabel(/^DN-01 — /);
    expect(await dn01.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(unit, 'report form with errors');
    await shot(unit, 'reporting-05-field-error');
    await view(unit, '[data-testid="error-summary"]', 'reporting-05a-summary');
    await view(unit, '[data-indicator="DN-01"]', 'reporting-05b-field');
    await view(unit, '[data-section]', 'reporting-05c-sections');
    await dn01.fill('2');
    expect(await dn01.getAttribute('aria-invalid')).not.toBe('true');
    await waitSaved(unit);
    await unit.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await unit.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => unit.getByTestId('report-status').textContent(), { timeout: 15_000 }).toBe('Chờ tiếp nhận');
    await unit.getByText('Báo cáo đã nộp, đang chờ Sở Nông nghiệp và Môi trường tiếp nhận.').waitFor();
    const reportUrl = unit.url();
    await shot(unit, 'reporting-06-submitted');

    /* ── focal officer: the board moves; return with a reason ── */
    await focal.goto(cycleUrl);
    await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    expect(await boardCount(focal, 'submitted')).toBe('1');
    expect(await boardCount(focal, 'onTime')).toBe('1');
    expect(await boardCount(focal, 'missing')).toBe(String(expectedBefore - 2)); // one sent; the focal department is not expected
    await focal.getByLabel('Tìm đơn vị').fill('so tai chinh');
    const row = focal.locator('[data-testid="board-units"] tbody tr').filter({ hasText: 'Sở Tài chính' });
    await row.getByText('Chờ tiếp nhận').waitFor();
    await shot(focal, 'reporting-07-board-submitted');
    await row.getByRole('link', { name: /Sở Tài chính/ }).click();
    await focal.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
    await focal.getByText('1.234,5').first().waitFor();
    await expectAccessible(focal, 'review page');
    await shot(focal, 'reporting-08-review');
    await focal.evaluate(() => window.scrollTo(0, 0));
    await focal.screenshot({ path: '/tmp/bioplan-shots/reporting-08a-review-top.png' });
    await focal.getByRole('button', { name: 'Trả lại' }).click();
    await focal
      .getByRole('dialog')
      .getByLabel('Lý do trả lại')
      .fill('Số liệu XL-01 dòng y tế chưa khớp với báo cáo của Sở Y tế; đề nghị rà soát.');
    await focal.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => focal.getByTestId('report-status').textContent(), { timeout: 15_000 }).toBe('Bị trả lại');

    /* ── unit officer: reads the reason, changes a value, submits again ── */
    await unit.goto(reportUrl);
    const reason = unit.getByTestId('return-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('chưa khớp với báo cáo của Sở Y tế');
    await expectAccessible(unit, 'returned report');
    await shot(unit, 'reporting-09-returned');
    await unit.evaluate(() => window.scrollTo(0, 0));
    await unit.screenshot({ path: '/tmp/bioplan-shots/reporting-09a-returned-top.png' });
    await unit.getByLabel('XL-01 — Y tế').fill('1.200');
    await expect.poll(() => unit.getByTestId('total-XL-01').textContent(), { timeout: 15_000 }).toBe('1.300');
    await waitSaved(unit);
    await unit.getByRole('button', { name: 'Nộp lại báo cáo' }).click();
    await unit.getByRole('dialog').getByRole('button', { name: 'Nộp lại báo cáo' }).click();
    await expect.poll(() => unit.getByTestId('report-status').textContent(), { timeout: 15_000 }).toBe('Chờ tiếp nhận');

    /* ── focal officer: the diff, then accept ── */
    await focal.goto(reportUrl);
    const diff = focal.getByTestId('diff');
    await diff.waitFor();
    const change = diff.locator('tr').filter({ hasText: 'XL-01' });
    expect(await change.textContent()).toContain('1.234,5');
    expect(await change.textContent()).toContain('1.200');
    await expectAccessible(focal, 'review with diff');
    await shot(focal, 'reporting-10-diff');
    await view(focal, '[data-testid="diff"]', 'reporting-10a-diff');
    await focal.getByRole('button', { name: 'Tiếp nhận' }).click();
    await focal.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect.poll(() => focal.getByTestId('report-status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');

    await focal.goto(cycleUrl);
    await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await expect.poll(() => boardCount(focal, 'accepted'), { timeout: 15_000 }).toBe('1');
    expect(await boardCount(focal, 'submitted')).toBe('1');
    expect(await boardCount(focal, 'returned')).toBe('0');
    await shot(focal, 'reporting-11-board-accepted');
    await focal.evaluate(() => window.scrollTo(0, 0));
    await focal.screenshot({ path: '/tmp/bioplan-shots/reporting-11a-board-top.png' });

    /* ── a phone (390 px): the unit's form and the board stay usable ── */
    const phone = await pageAs(DEMO.unitXa, { width: 390 });
    await phone.goto('/bao-cao-cua-don-vi');
    await phone.screenshot({ path: '/tmp/bioplan-shots/reporting-12c-phone-arrival.png' });
    await phone.getByRole('link', { name: 'Mở báo cáo năm 2026' }).click();
    await phone.getByRole('heading', { level: 1, name: /Xã Giao Long/ }).waitFor();
    await phone.getByLabel('XL-01 — Y tế').fill('12,5');
    await waitSaved(phone);
    await expectAccessible(phone, 'report form on a phone');
    await phone.screenshot({ path: '/tmp/bioplan-shots/reporting-12-phone-report-top.png' });
    await view(phone, '[data-indicator="XL-01.medical"]', 'reporting-12a-phone-table');
    const phoneFocal = await pageAs(DEMO.focal, { width: 390 });
    await phoneFocal.goto(cycleUrl);
    await phoneFocal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await phoneFocal.screenshot({ path: '/tmp/bioplan-shots/reporting-12b-phone-board.png' });

    /* ── leader: the same board and report, read only ── */
    const leader = await pageAs(DEMO.leader);
    await leader.goto(cycleUrl);
    await leader.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    expect(await boardCount(leader, 'accepted')).toBe('1');
    expect(await leader.getByRole('checkbox').count()).toBe(0);
    expect(await leader.getByRole('button', { name: 'Gửi nhắc nhở ngay' }).count()).toBe(0);
    await expectAccessible(leader, 'leader board');
    await leader.goto(reportUrl);
    await leader.getByRole('heading', { level: 1, name: /Sở Tài chính/ }).waitFor();
    expect(await leader.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(0);
    expect(await leader.getByRole('textbox').count()).toBe(0);
    // Every text has its English.
    await leader.getByRole('radiogroup', { name: 'Ngôn ngữ' }).getByText('English').click();
    await leader.getByRole('heading', { level: 1, name: /2026 report — Sở Tài chính/ }).waitFor();
    await leader.getByRole('heading', { name: 'Compare two submissions' }).waitFor();
    await expectAccessible(leader, 'report in English');
    await shot(leader, 'reporting-12d-english');
  });

  it(
    'keeps work safe: leave warning, stale save, attachments, reminders, extension, bulk accept',
    { timeout: 300_000 },
    async () => {
      // Its own cycle (2027), opened through the API; the UI path is covered by the journey.
      const focal = await pageAs(DEMO.focal);
      const plans = await apiCall(focal, 'GET', '/plans');
      const created = await apiCall(focal, 'POST', '/cycles', { planId: plans.body.data[0].id, year: 2027 });
      expect(created.status).toBe(201);
      const cycleId = created.body.id as string;
      expect((await apiCall(focal, 'POST', `/cycles/${cycleId}/open`)).status).toBe(200);

      /* ── leaving with unsaved changes asks first ── */
      const a = await pageAs(DEMO.unitXa);
      await a.goto('/bao-cao-cua-don-vi');
      await a.getByRole('link', { name: 'Mở báo cáo năm 2027' }).click();
      await a.getByRole('heading', { level: 1, name: /Báo cáo năm 2027 — Xã Giao Long/ }).waitFor();
      const reportUrl = a.url();
      await a.getByLabel('XL-01 — Y tế').fill('5');
      await a.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
      const leave = a.getByRole('dialog', { name: 'Rời trang khi còn thay đổi chưa lưu?' });
      await leave.waitFor();
      await shot(a, 'reporting-13-leave-warning');
      await leave.getByRole('button', { name: 'Ở lại trang' }).click();
      expect(a.url()).toBe(reportUrl);
      await waitSaved(a);

      /* ── two people on one report: the stale save answers 409 and the page offers to reload ── */
      const b = await pageAs(DEMO.unitXa);
      await b.goto(reportUrl);
      await b.getByRole('heading', { level: 1, name: /Xã Giao Long/ }).waitFor();
      await waitSaved(b);
      await a.getByLabel('XL-01 — Y tế').fill('7');
      await waitSaved(a);
      await b.getByLabel('XL-01 — Y tế').fill('9');
      const conflict = b.getByRole('alert').filter({ hasText: 'Báo cáo vừa được người khác thay đổi' });
      await conflict.waitFor();
      await expectAccessible(b, 'stale save');
      await shot(b, 'reporting-14-conflict');
      await conflict.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
      await expect.poll(() => b.getByLabel('XL-01 — Y tế').inputValue(), { timeout: 15_000 }).toBe('7');
      await b.close();

      /* ── attachments: a clear error for a wrong type, then a real PNG ── */
      const input = a.getByTestId('attachment-input');
      await input.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('xin chào') });
      await a.getByTestId('upload-error').getByText('không thuộc loại được chấp nhận').waitFor();
      await input.setInputFiles({
        name: 'bao-cao.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('không phải PDF'),
      });
      await expect
        .poll(async () => (await a.getByTestId('upload-error').textContent()) ?? '', { timeout: 15_000 })
        .toMatch(/PDF|loại|định dạng/i);
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      await input.setInputFiles({ name: 'anh-hien-truong.png', mimeType: 'image/png', buffer: png });
      await a
        .getByTestId('attachments')
        .getByRole('link', { name: /anh-hien-truong\.png/ })
        .waitFor();
      await shot(a, 'reporting-15-attachments');
      // A file attached by mistake is removed, after a confirmation.
      await input.setInputFiles({ name: 'anh-nham.png', mimeType: 'image/png', buffer: png });
      await a
        .getByTestId('attachments')
        .getByRole('link', { name: /anh-nham\.png/ })
        .waitFor();
      await a.getByRole('button', { name: 'Gỡ tệp anh-nham.png' }).click();
      const removeDialog = a.getByRole('dialog', { name: 'Gỡ tệp đính kèm?' });
      await removeDialog.getByText('"anh-nham.png" sẽ bị gỡ khỏi báo cáo').waitFor();
      await expectAccessible(a, 'remove attachment');
      await shot(a, 'reporting-15a-remove-attachment');
      await removeDialog.getByRole('button', { name: 'Gỡ tệp' }).click();
      await a
        .getByTestId('attachments')
        .getByRole('link', { name: /anh-nham\.png/ })
        .waitFor({ state: 'detached' });
      expect(await a.getByTestId('attachments').getByRole('link').count()).toBe(1);

      /* ── the unit completes and submits through the API (twice with one key: one submission) ── */
      const report = (await apiCall(a, 'GET', new URL(reportUrl).pathname.replace('/bao-cao/', '/reports/'))).body;
      const saved = await apiCall(a, 'PUT', `/reports/${report.id}`, {
        version: report.version,
        values: [
          { indicatorCode: 'KH-00', value: true },
          { indicatorCode: 'DN-01', value: 0 },
          { indicatorCode: 'XL-01', wasteStream: 'medical', value: 7 },
        ],
        sections: report.form.sections.map((s: { planItemId: string }) => ({
          planItemId: s.planItemId,
          results: 'Đã thực hiện.',
          difficulties: '',
          proposals: '',
        })),
      });
      expect(saved.status).toBe(200);
      const key = 'e2e-submit-2027';
      expect((await apiCall(a, 'POST', `/reports/${report.id}/submit`, {}, { 'idempotency-key': key })).status).toBe(
        200,
      );
      expect((await apiCall(a, 'POST', `/reports/${report.id}/submit`, {}, { 'idempotency-key': key })).status).toBe(
        200,
      );

      /* ── focal: reminders, an extension, bulk acceptance ── */
      await focal.goto(`/ky-bao-cao/${cycleId}`);
      await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
      expect(await boardCount(focal, 'submitted')).toBe('1');
      await focal.getByRole('button', { name: 'Gửi nhắc nhở ngay' }).click();
      await focal
        .getByRole('dialog')
        .getByLabel('Lời nhắn thêm (không bắt buộc)')
        .fill('Đề nghị gửi trước ngày 30/11.');
      await focal.getByRole('dialog').getByRole('button', { name: 'Gửi nhắc nhở ngay' }).click();
      const reminders = focal.getByTestId('reminders');
      await reminders.waitFor();
      expect(await reminders.getByTestId('reminded-units').locator('li').count()).toBe(
        Number(await boardCount(focal, 'missing')),
      );
      expect(await reminders.textContent()).toContain('Gửi thủ công');
      expect(await reminders.textContent()).not.toContain('Xã Giao Long');

      await focal.getByLabel('Tìm đơn vị').fill('tai chinh');
      await focal.getByRole('button', { name: 'Gia hạn cho Sở Tài chính tỉnh Vĩnh Long' }).click();
      const ext = focal.getByRole('dialog');
      await ext.getByLabel('Hạn nộp mới').fill('15/12/2027');
      await ext.getByLabel('Lý do').fill('Đơn vị đang kiện toàn bộ máy sau sáp nhập.');
      await expectAccessible(focal, 'extension form');
      await ext.getByRole('button', { name: 'Gia hạn' }).click();
      await ext.waitFor({ state: 'detached' });
      await focal
        .locator('[data-testid="board-units"] tbody tr')
        .filter({ hasText: 'Sở Tài chính' })
        .getByText('15/12/2027 (đã gia hạn)')
        .waitFor();

      await focal.getByLabel('Tìm đơn vị').fill('');
      await focal.getByRole('combobox', { name: 'Lọc theo trạng thái' }).click();
      await focal.getByRole('option', { name: 'Chờ tiếp nhận' }).click();
      await focal.getByRole('checkbox', { name: 'Chọn báo cáo của Xã Giao Long' }).check();
      await focal.getByRole('button', { name: 'Tiếp nhận 1 báo cáo đã chọn' }).click();
      await focal.getByRole('dialog').getByText('Xã Giao Long').waitFor();
      await shot(focal, 'reporting-16-bulk-accept');
      await focal.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận 1 báo cáo đã chọn' }).click();
      await expect.poll(() => boardCount(focal, 'accepted'), { timeout: 15_000 }).toBe('1');

      /* ── the unit given more time sees it ── */
      const stc = await pageAs(DEMO.unitStc);
      await stc.goto('/bao-cao-cua-don-vi');
      await stc.getByText('Hạn nộp: 15/12/2027').waitFor();
      await stc.getByRole('link', { name: 'Mở báo cáo năm 2027' }).click();
      await stc
        .getByTestId('deadline-line')
        .getByText(/đã gia hạn đến 15\/12\/2027; lý do: Đơn vị đang kiện toàn/)
        .waitFor();

      /* ── the focal department closes the cycle (confirmed); the unit's report turns read-only, saying why ── */
      await focal.getByRole('button', { name: 'Đóng kỳ báo cáo' }).click();
      const closing = focal.getByRole('dialog', { name: 'Đóng kỳ báo cáo năm 2027?' });
      await closing.getByText(/kể cả đơn vị đã được gia hạn/).waitFor();
      await expectAccessible(focal, 'close cycle');
      await closing.getByRole('button', { name: 'Đóng kỳ báo cáo' }).click();
      await focal.getByText('Kỳ báo cáo đã đóng: các đơn vị không lưu, gửi báo cáo được nữa').waitFor();
      await focal.getByRole('button', { name: 'Mở lại kỳ báo cáo' }).waitFor();
      await shot(focal, 'reporting-17-closed');
      await stc.reload();
      await stc.getByTestId('cycle-closed').getByText('Kỳ báo cáo năm 2027 đã đóng').waitFor();
      expect(await stc.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0);
      await expectAccessible(stc, 'closed cycle report');
    },
  );
});
