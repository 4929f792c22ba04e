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

async function waitSaved(page: Page) {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

describe('the yearly reporting cycle', () => {
  it('runs from an opened cycle to an accepted report, with the board following', async () => {
    /* ── focal officer: create the 2026 cycle, review the units, open it ── */
    const focal = await pageAs(DEMO.focal);
    await focal.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await focal.getByRole('heading', { level: 1, name: 'Kỳ báo cáo năm' }).waitFor();
    await focal.getByText('Chưa có kỳ báo cáo nào.').waitFor();
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
    const expectedBefore = Number(/\((\d+)\)/.exec((await focal.getByRole('heading', { name: /Đơn vị phải báo cáo/ }).textContent()) ?? '')![1]);
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
    expect(await boardCount(focal, 'expected')).toBe(String(expectedBefore));
    expect(await boardCount(focal, 'submitted')).toBe('0');
    expect(await boardCount(focal, 'missing')).toBe(String(expectedBefore));
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

    await unit.getByRole('radiogroup', { name: /^KH-00 — / }).getByText('Có', { exact: true }).click();
    await unit.getByLabel('XL-01 — Y tế').fill('1.234,5');
    await unit.getByLabel('XL-01 — Nông, lâm, thủy sản').fill('100');
    await expect.poll(() => unit.getByTestId('total-XL-01').textContent()).toBe('1.334,5');
    await unit.getByLabel(/^DN-01 — /).fill('-3');
    const results = unit.getByRole('textbox', { name: /^Kết quả đạt được/ });
    const sectionCount = await results.count();
    for (let i = 0; i < sectionCount; i++) await results.nth(i).fill(`Đã triển khai nhiệm vụ ${i + 1} theo kế hoạch.`);
    await unit.getByLabel('Đề xuất, kiến nghị với UBND tỉnh').fill('Đề nghị bố trí kinh phí năm 2027.');
    await expect.poll(() => unit.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
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
    await dn01.fill('2');
    expect(await dn01.getAttribute('aria-invalid')).not.toBe('true');
    await waitSaved(unit);
    await unit.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await unit.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => unit.getByTestId('report-status').textContent()).toBe('Chờ tiếp nhận');
    await unit.getByText('Báo cáo đã nộp, đang chờ Sở Nông nghiệp và Môi trường tiếp nhận.').waitFor();
    const reportUrl = unit.url();
    await shot(unit, 'reporting-06-submitted');

    /* ── focal officer: the board moves; return with a reason ── */
    await focal.goto(cycleUrl);
    await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    expect(await boardCount(focal, 'submitted')).toBe('1');
    expect(await boardCount(focal, 'onTime')).toBe('1');
    expect(await boardCount(focal, 'missing')).toBe(String(expectedBefore - 1));
    await focal.getByLabel('Tìm đơn vị').fill('so tai chinh');
    const row = focal.locator('[data-testid="board-units"] tbody tr').filter({ hasText: 'Sở Tài chính' });
    await row.getByText('Chờ tiếp nhận').waitFor();
    await shot(focal, 'reporting-07-board-submitted');
    await row.getByRole('link', { name: /Sở Tài chính/ }).click();
    await focal.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
    await focal.getByText('1.234,5').first().waitFor();
    await expectAccessible(focal, 'review page');
    await shot(focal, 'reporting-08-review');
    await focal.getByRole('button', { name: 'Trả lại' }).click();
    await focal.getByRole('dialog').getByLabel('Lý do trả lại').fill('Số liệu XL-01 dòng y tế chưa khớp với báo cáo của Sở Y tế; đề nghị rà soát.');
    await focal.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => focal.getByTestId('report-status').textContent()).toBe('Bị trả lại');

    /* ── unit officer: reads the reason, changes a value, submits again ── */
    await unit.goto(reportUrl);
    const reason = unit.getByTestId('return-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('chưa khớp với báo cáo của Sở Y tế');
    await expectAccessible(unit, 'returned report');
    await shot(unit, 'reporting-09-returned');
    await unit.getByLabel('XL-01 — Y tế').fill('1.200');
    await expect.poll(() => unit.getByTestId('total-XL-01').textContent()).toBe('1.300');
    await waitSaved(unit);
    await unit.getByRole('button', { name: 'Nộp lại báo cáo' }).click();
    await unit.getByRole('dialog').getByRole('button', { name: 'Nộp lại báo cáo' }).click();
    await expect.poll(() => unit.getByTestId('report-status').textContent()).toBe('Chờ tiếp nhận');

    /* ── focal officer: the diff, then accept ── */
    await focal.goto(reportUrl);
    const diff = focal.getByTestId('diff');
    await diff.waitFor();
    const change = diff.locator('tr').filter({ hasText: 'XL-01' });
    expect(await change.textContent()).toContain('1.234,5');
    expect(await change.textContent()).toContain('1.200');
    await expectAccessible(focal, 'review with diff');
    await shot(focal, 'reporting-10-diff');
    await focal.getByRole('button', { name: 'Tiếp nhận' }).click();
    await focal.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect.poll(() => focal.getByTestId('report-status').textContent()).toBe('Đã tiếp nhận');

    await focal.goto(cycleUrl);
    await focal.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await expect.poll(() => boardCount(focal, 'accepted')).toBe('1');
    expect(await boardCount(focal, 'submitted')).toBe('1');
    expect(await boardCount(focal, 'returned')).toBe('0');
    await shot(focal, 'reporting-11-board-accepted');

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
  });
});
