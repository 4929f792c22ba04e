// The leader decides an amendment seeing each change as before and after, and an approved
// version with a later effective date is announced on the plan page, not applied before its day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmendmentDto } from '../shared/contracts/amendments.js';
import type { PlanDto } from '../shared/contracts/plans.js';
import { DEMO, DEMO_PASSWORD, expectAccessible, shot, signIn, startStack, type Page, type Stack } from './support.js';

let stack: Stack;
let amendment: AmendmentDto;
const OLD_START = 'Phối hợp với các sở, ngành, địa phương tham mưu';
/** The text a person reads, without the markers read out to screen readers ("[phần bị bỏ: …]"). */
const seen = (text: string | null) => (text ?? '').replace(/\[phần (bị bỏ|thêm): ([^\]]*)\]/gu, '$2');
const NEW_TEXT =
  'Chủ trì, phối hợp với các sở, ngành, địa phương tham mưu cấp có thẩm quyền bố trí kinh phí thực hiện Kế hoạch hằng năm.';

/** Signs in through the API (no browser) and calls it as that account. */
async function apiAs(email: string) {
  const login = await stack.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  return async <T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> => {
    const res = await stack.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  };
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

beforeAll(async () => {
  stack = await startStack();
  const focal = await apiAs(DEMO.focal);
  const plans = await focal<{ data: Array<{ id: string }> }>('GET', '/plans');
  const plan = await focal<PlanDto>('GET', `/plans/${plans.data[0].id}`);
  const iv4 = plan.items.find((i) => i.key === 'IV.4')!;
  const removed = plan.items.find((i) => i.key === 'IV.3.a')!;
  amendment = await focal<AmendmentDto>('POST', `/plans/${plan.id}/amendments`, {
    summary: 'Giao Sở Tài chính chủ trì về kinh phí',
    reasoning: 'Theo kiến nghị trong báo cáo năm của Sở Tài chính.',
    feedbackIds: [],
    changes: [
      { op: 'update', itemId: iv4.id, title: 'Sở Tài chính tỉnh Vĩnh Long', text: NEW_TEXT },
      { op: 'remove', itemId: removed.id },
    ],
  });
  await focal('POST', `/plans/${plan.id}/amendments/${amendment.id}/submit`, {});
});
afterAll(async () => stack?.stop());

describe("the leader's amendment page", () => {
  it('shows each change as the text in force beside the proposed text, with the words that change marked', async () => {
    const page = await stack.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO.leader);
    await page.goto(`/sua-doi/${amendment.id}`);
    const before = page.getByTestId('change-before');
    const after = page.getByTestId('change-after');
    await before.first().waitFor();
    expect(await before.count()).toBe(2);
    // The update: the old text on the left, the proposed one on the right.
    await expect.poll(() => before.first().textContent()).toContain('Trước — đang áp dụng (phiên bản 1)');
    expect(seen(await before.first().textContent())).toContain(OLD_START);
    expect(await after.first().textContent()).toContain('Sau — theo đề xuất');
    expect(seen(await after.first().textContent())).toContain('bố trí kinh phí thực hiện Kế hoạch hằng năm');
    expect(seen((await before.first().locator('del').allTextContents()).join(' '))).toContain('Phối');
    expect(seen((await after.first().locator('ins').allTextContents()).join(' '))).toContain('Chủ trì,');
    expect(seen((await after.first().locator('ins').allTextContents()).join(' '))).toContain('tỉnh Vĩnh Long');
    // Side by side on a wide screen.
    const [left, right] = [await before.first().boundingBox(), await after.first().boundingBox()];
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    // The removal: the text that goes, and what becomes of it.
    expect(seen(await before.nth(1).textContent())).toContain('Phối hợp với Sở Nông nghiệp và Môi trường');
    expect(await after.nth(1).textContent()).toContain('Bỏ mục này khỏi kế hoạch.');
    await expectAccessible(page, 'amendment before/after');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'duties-amendment-before-after-1366');

    const phone = await phonePage();
    await signIn(phone, DEMO.leader);
    await phone.goto(`/sua-doi/${amendment.id}`);
    await phone.getByTestId('change-before').first().waitFor();
    // Stacked on a phone: the proposed text below the one in force.
    const [top, below] = [
      await phone.getByTestId('change-before').first().boundingBox(),
      await phone.getByTestId('change-after').first().boundingBox(),
    ];
    expect(below!.y).toBeGreaterThanOrEqual(top!.y + top!.height - 1);
    await shot(phone, 'duties-amendment-before-after-390');
  });

  it('approved with a later effective date, the plan page announces the version and keeps the one in force', async () => {
    const leader = await apiAs(DEMO.leader);
    await leader('POST', `/plans/${amendment.planId}/amendments/${amendment.id}/approve`, {
      documentNumber: '2150/KH-UBND',
      documentDate: '2026-01-05',
      effectiveDate: '2099-01-01',
    });
    const page = await stack.newPage();
    await signIn(page, DEMO.focal);
    await page.goto('/ke-hoach');
    await page.getByText('Phiên bản 2 có hiệu lực từ 01/01/2099').waitFor();
    // Until then, the text in force is version 1's.
    expect(await page.getByText(OLD_START).count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'duties-plan-scheduled-1366');
  });
});
