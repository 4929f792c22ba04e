import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../shared/contracts/reporting.js';
import { validContent } from '../server/features/reporting/reporting.fixtures.js';
import { DEMO, pageApi, signedInPage, startStack, type Stack } from './support.js';

// What people see when things go wrong or could go wrong: the error screen in Vietnamese with a
// reload and the request id; Enter in a dialog's field never confirms what cannot be undone; a
// commune keeps "Xã" in front of its name in breadcrumbs and notifications.

const NOW = '2026-11-20T02:00:00Z';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
});
afterAll(async () => stack?.stop());

const pageAs = (email: string) => signedInPage(stack, email, { now: NOW });
const apiCall = pageApi;

describe('dialogs and names', () => {
  it('Enter in the approval dialog does not approve; the button does', async () => {
    const focal = await pageAs(DEMO.focal);
    const planId = (await apiCall<{ data: Array<{ id: string }> }>(focal, 'GET', '/plans')).data[0].id;
    const plan = await apiCall<{ items: Array<{ id: string; key: string }> }>(focal, 'GET', `/plans/${planId}`);
    const draft = await apiCall<{ id: string }>(focal, 'POST', `/plans/${planId}/amendments`, {
      summary: 'Bổ sung Sở Y tế phối hợp mục IV.4',
      reasoning: 'Theo đề xuất tại báo cáo năm 2026',
      feedbackIds: [],
      changes: [{ op: 'update', itemId: plan.items.find((i) => i.key === 'IV.4')!.id, title: 'Sở Tài chính' }],
    });
    await apiCall(focal, 'POST', `/plans/${planId}/amendments/${draft.id}/submit`, {});
    await focal.close();

    const leader = await pageAs(DEMO.leader);
    await leader.goto(`/sua-doi/${draft.id}`);
    await leader.getByRole('button', { name: 'Phê duyệt' }).first().click();
    const dialog = leader.getByRole('dialog', { name: 'Phê duyệt đề xuất sửa đổi' });
    const number = dialog.getByLabel('Số văn bản sửa đổi');
    await number.fill('2150/KH-UBND');
    await number.press('Enter');
    // Give a would-be submission its round trip, then check nothing was decided.
    await leader.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(true);
    const still = await apiCall<{ status: string }>(leader, 'GET', `/plans/${planId}/amendments/${draft.id}`);
    expect(still.status).toBe('submitted');
    await dialog.getByRole('button', { name: 'Phê duyệt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await apiCall<{ status: string }>(leader, 'GET', `/plans/${planId}/amendments/${draft.id}`)).status,
      )
      .toBe('approved');
    await leader.close();
  });

  it('a commune is "Xã …" in the focal officer\'s notification and the report\'s breadcrumb', async () => {
    const focal = await pageAs(DEMO.focal);
    const planId = (await apiCall<{ data: Array<{ id: string }> }>(focal, 'GET', '/plans')).data[0].id;
    const cycleId = (await apiCall<{ id: string }>(focal, 'POST', '/cycles', { planId, year: 2026 })).id;
    await apiCall(focal, 'POST', `/cycles/${cycleId}/open`);

    const commune = await pageAs(DEMO.unitXa);
    const mine = await apiCall<ReportDto>(commune, 'GET', `/cycles/${cycleId}/my-report`);
    await apiCall(commune, 'PUT', `/reports/${mine.id}`, validContent(mine));
    await apiCall(commune, 'POST', `/reports/${mine.id}/submit`);
    await commune.goto(`/bao-cao/${mine.id}`);
    await commune.getByRole('heading', { level: 1, name: /Xã Giao Long/ }).waitFor();
    await commune.close();

    await focal.goto('/thong-bao');
    const notice = focal.locator('[data-testid="inbox"] li').filter({ hasText: 'Giao Long' }).first();
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('Xã Giao Long đã gửi báo cáo năm 2026');
    await notice.getByRole('link').first().click();
    await focal.waitForURL(`**/bao-cao/${mine.id}`);
    await focal.getByRole('heading', { level: 1, name: 'Báo cáo năm 2026 — Xã Giao Long' }).waitFor();
    expect(await focal.locator('.mantine-Breadcrumbs-root').textContent()).toContain('Xã Giao Long');
    await focal.close();
  });
});

describe('when a page fails', () => {
  it('the error screen speaks Vietnamese, offers a reload, and a failed call shows its request id', async () => {
    const page = await pageAs(DEMO.unitXa);
    // An answer the page cannot draw (a sending time that is no date; the commune sent its report
    // in the test above): the route's error screen, not the router's developer page.
    await page.route('**/api/v1/home', async (route) => {
      const real = await route.fetch();
      const body = await real.json();
      expect(body.reports[0].submittedAt).toBeTruthy();
      body.reports[0].submittedAt = 'không phải ngày';
      await route.fulfill({ response: real, json: body });
    });
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: 'Đã xảy ra lỗi' });
    await alert.getByRole('heading', { name: 'Đã xảy ra lỗi' }).waitFor();
    expect(await alert.textContent()).not.toMatch(/Unexpected Application Error|TypeError|Cannot read/);
    // The menu stays around the error; reloading once the server answers again shows the page.
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.unroute('**/api/v1/home');
    await alert.getByRole('button', { name: 'Tải lại trang' }).click();
    await page.getByRole('heading', { level: 2, name: 'Việc cần làm' }).waitFor();
    expect(await page.getByText('Đã xảy ra lỗi').count()).toBe(0);

    // A server error: its message and the request id to quote to the help desk.
    await page.route('**/api/v1/home', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại sau' },
          requestId: 'req-e2e-500',
        }),
      }),
    );
    await page.reload();
    const id = page.getByTestId('request-id');
    await id.waitFor();
    expect(await id.textContent()).toBe('Mã yêu cầu (gửi kèm khi báo lỗi): req-e2e-500');
    await page.getByText('Lỗi hệ thống, vui lòng thử lại sau').waitFor();
    await page.getByRole('button', { name: 'Thử lại' }).waitFor();
    await page.close();
  });
});
