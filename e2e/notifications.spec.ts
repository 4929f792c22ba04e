import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../shared/contracts/reporting.js';
import { validContent } from '../server/features/reporting/reporting.fixtures.js';
import { DEMO, expectAccessible, pageApi, signedInPage, startStack, type Page, type Stack } from './support.js';

// Everyone learns what concerns them (issue 10): the focal department returns a report; the unit
// officer sees the bell's count, opens the inbox, clicks the notice, lands on the report page
// showing the reason, and the count goes down. Then each role's home page as a work queue, looked
// at on a laptop (1366×768) and a phone (390×844).

// 20/11/2026 09:00 in Vietnam: ten days before the default deadline (30/11/2026).
const NOW = '2026-11-20T02:00:00Z';
const REASON = 'Số liệu XL-01 chưa khớp với sổ theo dõi chất thải; đề nghị rà soát và gửi lại.';
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let stack: Stack;
let cycleId = '';
let reportId = '';

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
});
afterAll(async () => stack?.stop());

const pageAs = (email: string, size: { width: number; height: number } = SIZES[0]) =>
  signedInPage(stack, email, { now: NOW, size });
const apiCall = pageApi;

const bellCount = (page: Page) => page.getByTestId('bell').getAttribute('data-unread');

/** A screenshot of what the viewport shows (around `selector` when given), for a person to look at. */
async function look(page: Page, name: string, selector?: string) {
  if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/bioplan-shots/notify-${name}.png` });
}

describe('notifications', () => {
  it('a returned report reaches the unit through the bell and the inbox', { timeout: 300_000 }, async () => {
    const focal = await pageAs(DEMO.focal);
    const planId = (await apiCall<{ data: Array<{ id: string }> }>(focal, 'GET', '/plans')).data[0].id;
    cycleId = (await apiCall<{ id: string }>(focal, 'POST', '/cycles', { planId, year: 2026 })).id;
    await apiCall(focal, 'POST', `/cycles/${cycleId}/open`);

    const unit = await pageAs(DEMO.unitStc);
    const mine = await apiCall<ReportDto>(unit, 'GET', `/cycles/${cycleId}/my-report`);
    reportId = mine.id;
    await apiCall(unit, 'PUT', `/reports/${reportId}`, validContent(mine));
    await apiCall(unit, 'POST', `/reports/${reportId}/submit`);
    await unit.goto('/');
    await unit.getByTestId('unit-state').filter({ hasText: 'Đã nộp — chờ tiếp nhận' }).waitFor();
    expect(await unit.getByTestId('unit-report').textContent()).not.toContain('quá hạn');
    expect(await bellCount(unit)).toBe('0');

    /* ── focal officer: from the home queue to the report; return it with a reason ── */
    await focal.goto('/');
    await focal.getByTestId('cycle-progress').getByText('1/').first().waitFor();
    await focal
      .getByTestId('home-awaiting')
      .getByRole('link', { name: /Sở Tài chính/ })
      .click();
    await focal.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
    await focal.getByRole('button', { name: 'Trả lại' }).click();
    await focal.getByRole('dialog').getByLabel('Lý do trả lại').fill(REASON);
    await focal.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => focal.getByTestId('report-status').textContent(), { timeout: 15_000 }).toBe('Bị trả lại');

    /* ── unit officer: the bell, the inbox, the report with the reason ── */
    await unit.reload();
    await expect.poll(() => bellCount(unit), { timeout: 15_000 }).toBe('1');
    await unit.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).waitFor();
    await look(unit, 'bell-laptop');
    await unit.getByTestId('bell').click();
    await unit.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const item = unit.locator('[data-testid="inbox"] li').first();
    expect(await item.getAttribute('data-unread')).toBe('true');
    await item.getByText(`Lý do: ${REASON}`).waitFor();
    await expectAccessible(unit, 'inbox');
    await look(unit, 'inbox-laptop');
    await item.getByRole('link', { name: 'Báo cáo năm 2026 của Sở Tài chính bị trả lại' }).click();
    await unit.waitForURL(`**/bao-cao/${reportId}`);
    const reason = unit.getByTestId('return-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('chưa khớp với sổ theo dõi chất thải');
    await expect.poll(() => bellCount(unit), { timeout: 15_000 }).toBe('0');
    await unit.getByRole('link', { name: 'Thông báo: không có thông báo chưa đọc' }).waitFor();

    // Back in the inbox the notice reads as read; the home page shows the return and what to do.
    await unit.getByTestId('bell').click();
    await unit.getByText('Đã đọc hết thông báo').waitFor();
    expect(await unit.locator('[data-testid="inbox"] li').first().getAttribute('data-unread')).toBe('false');
    await unit.goto('/');
    await unit.getByTestId('unit-report').getByText(REASON).waitFor();

    // The same in English.
    await unit.getByText('English').click();
    await unit.getByRole('heading', { level: 2, name: 'To do' }).waitFor();
    await unit.getByTestId('unit-state').filter({ hasText: 'To correct and send again' }).waitFor();
    await unit.getByRole('link', { name: 'Notifications: none unread' }).click();
    await unit.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await unit.getByText('All notifications read').waitFor();
    await unit.getByText(/^Reason: /).waitFor();
    await look(unit, 'inbox-english-laptop');
    await unit.getByText('Tiếng Việt').click();
    await unit.close();
    await focal.close();
  });

  it('each role’s home page is its work queue', { timeout: 300_000 }, async () => {
    // A leader has an amendment to decide.
    const setup = await pageAs(DEMO.focal);
    const planId = (await apiCall<{ data: Array<{ id: string }> }>(setup, 'GET', '/plans')).data[0].id;
    const plan = await apiCall<{ items: Array<{ id: string; key: string }> }>(setup, 'GET', `/plans/${planId}`);
    const draft = await apiCall<{ id: string }>(setup, 'POST', `/plans/${planId}/amendments`, {
      summary: 'Bổ sung Sở Y tế phối hợp mục IV.4',
      reasoning: 'Theo đề xuất tại báo cáo năm 2026',
      feedbackIds: [],
      changes: [{ op: 'update', itemId: plan.items.find((i) => i.key === 'IV.4')!.id, title: 'Sở Tài chính' }],
    });
    await apiCall(setup, 'POST', `/plans/${planId}/amendments/${draft.id}/submit`, {});
    await setup.close();

    for (const size of SIZES) {
      /* focal: progress, awaiting review, per-unit reminders */
      const focal = await pageAs(DEMO.focal, size);
      await focal.getByTestId('cycle-progress').waitFor();
      const row = focal.locator('[data-testid="home-missing"] tbody tr').filter({ hasText: 'Sở Y tế' });
      // The ten first units show; the rest on asking.
      expect(await focal.locator('[data-testid="home-missing"] tbody tr').count()).toBe(10);
      await focal.getByRole('button', { name: /^Hiện cả \d+ đơn vị$/ }).click();
      // A reminder reaches people: it goes only once confirmed.
      await row.getByRole('button', { name: 'Nhắc Sở Y tế tỉnh Vĩnh Long nộp báo cáo' }).click();
      const ask = focal.getByRole('dialog', { name: 'Nhắc Sở Y tế tỉnh Vĩnh Long nộp báo cáo?' });
      await ask.getByRole('button', { name: 'Gửi nhắc nhở' }).click();
      await focal.getByText('Đã nhắc Sở Y tế tỉnh Vĩnh Long').waitFor();
      await expect
        .poll(() => row.getByTestId('last-reminded').textContent(), { timeout: 15_000 })
        .toBe('Nhắc gần nhất: 20/11/2026 09:00');
      if (size.name === 'laptop') await expectAccessible(focal, 'focal home');
      await look(focal, `home-focal-${size.name}`);
      await look(focal, `home-focal-missing-${size.name}`, '[data-unit="VL-SYT"]');
      await focal.close();

      /* leader: amendments awaiting approval, the board summary */
      const leader = await pageAs(DEMO.leader, size);
      await leader
        .getByTestId('home-amendments')
        .getByRole('link', { name: 'Bổ sung Sở Y tế phối hợp mục IV.4' })
        .waitFor();
      await leader.getByTestId('cycle-progress').waitFor();
      if (size.name === 'laptop') await expectAccessible(leader, 'leader home');
      expect(await bellCount(leader)).toBe('1');
      await look(leader, `home-leader-${size.name}`);
      await look(leader, `home-leader-board-${size.name}`, '[data-testid="cycle-progress"]');
      await leader.close();

      /* admin: expected units without an account */
      const admin = await pageAs(DEMO.admin, size);
      const list = admin.getByTestId('home-no-account');
      await list.waitFor();
      expect(await list.textContent()).not.toContain('Sở Tài chính tỉnh Vĩnh Long');
      if (size.name === 'laptop') await expectAccessible(admin, 'admin home');
      await look(admin, `home-admin-${size.name}`);
      await admin.close();

      /* unit: the returned report with its reason and what is missing; the inbox on a phone */
      const unit = await pageAs(DEMO.unitStc, size);
      await unit.getByTestId('unit-report').waitFor();
      if (size.name === 'laptop') await expectAccessible(unit, 'unit home');
      await look(unit, `home-unit-${size.name}`);
      if (size.name === 'phone') {
        await unit.getByTestId('bell').click();
        await unit.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
        await look(unit, 'inbox-phone');
      }
      await unit.close();

      /* a commune that has not started: its deadline and what is still missing */
      const commune = await pageAs(DEMO.unitXa, size);
      await commune.getByTestId('unit-state').filter({ hasText: 'Hạn nộp: 30/11/2026 — còn 10 ngày' }).waitFor();
      await commune.getByText(/^Còn thiếu \d+ mục trước khi nộp:$/).waitFor();
      await look(commune, `home-commune-${size.name}`);
      await commune.close();
    }

    /* the board: "Nhắc" on the row of a unit that has not submitted */
    const board = await pageAs(DEMO.focal);
    await board.goto(`/ky-bao-cao/${cycleId}`);
    await board.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    await board.getByLabel('Tìm đơn vị').fill('giao long');
    const row = board.locator('[data-testid="board-units"] tbody tr').filter({ hasText: 'Xã Giao Long' });
    // Cancelled: nothing is sent; confirmed: the reminder goes.
    const ask = board.getByRole('dialog', { name: 'Nhắc Xã Giao Long nộp báo cáo?' });
    await row.getByRole('button', { name: 'Nhắc Xã Giao Long nộp báo cáo' }).click();
    await ask.getByRole('button', { name: 'Hủy' }).click();
    await ask.waitFor({ state: 'hidden' });
    const reminders = await board.request.get(`/api/v1/cycles/${cycleId}/reminders`);
    expect(JSON.stringify(await reminders.json())).not.toContain('Giao Long');
    await row.getByRole('button', { name: 'Nhắc Xã Giao Long nộp báo cáo' }).click();
    await ask.getByRole('button', { name: 'Gửi nhắc nhở' }).click();
    await board.getByText('Đã nhắc Xã Giao Long').waitFor();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('20/11/2026 09:00');
    await look(board, 'board-remind-laptop', '[data-testid="board-units"]');
    await board.close();
  });
});
