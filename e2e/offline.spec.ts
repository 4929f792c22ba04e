import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, openCycle, shot, signIn, startStack, type Page, type Stack } from './support.js';

// Issue 10, "No lost keystroke": the yearly form keeps its save state and submit button in view,
// says when the connection drops, keeps the edits in the browser, saves them when the connection
// is back, offers them back after the page was closed, and never saves unreadable text as empty.

const NOW = '2026-11-20T02:00:00Z';
let stack: Stack;
let reportId: string;

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
  await openCycle(stack, 2026);
});
afterAll(async () => stack?.stop());

/** The report's stored values, read from the signed-in page (online). */
async function stored(page: Page): Promise<Record<string, unknown>> {
  const report = await page.evaluate(async (id) => (await fetch(`/api/v1/reports/${id}`)).json(), reportId);
  return Object.fromEntries(
    (report.values as Array<{ indicatorCode: string; wasteStream: string | null; value: unknown }>).map((v) => [
      `${v.indicatorCode}${v.wasteStream ? `.${v.wasteStream}` : ''}`,
      v.value,
    ]),
  );
}

const waitSaved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

/** Whether the element's box lies inside the window. */
async function inView(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize()!;
  return Boolean(box && box.y >= 0 && box.y + box.height <= size.height + 1);
}

describe('the yearly form offline', () => {
  it('keeps edits through a lost connection and saves them when it returns', { timeout: 240_000 }, async () => {
    const page = await stack.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    await signIn(page, DEMO.unitStc);
    await page.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
    await page.getByRole('link', { name: 'Mở báo cáo năm 2026' }).click();
    await page.getByRole('heading', { level: 1, name: /Báo cáo năm 2026 — Sở Tài chính/ }).waitFor();
    reportId = /\/([0-9a-f-]{36})/.exec(page.url())![1];
    await waitSaved(page);

    await page.getByLabel('XL-01 — Y tế').fill('12');
    await waitSaved(page);
    expect((await stored(page))['XL-01.medical']).toBe(12);

    // The connection drops: the bar says so, and the edits stay in the browser.
    await page.context().setOffline(true);
    await page.getByTestId('offline').getByText('Mất kết nối — các thay đổi được giữ trên máy này').waitFor();
    await page.getByLabel('XL-01 — Công nghiệp').fill('34');
    await page.getByLabel('Kết quả khác').fill('Ghi khi mất mạng');
    await expect
      .poll(() =>
        page.evaluate(
          (id) => Object.keys(localStorage).filter((k) => k.startsWith(`bioplan.report-draft.${id}.v`)),
          reportId,
        ),
      )
      .toHaveLength(1);
    await page.screenshot({ path: '/tmp/bioplan-shots/offline-1280.png' });

    // Back online: what waited is saved.
    await page.context().setOffline(false);
    await waitSaved(page);
    await expect.poll(async () => (await stored(page))['XL-01.industrial']).toBe(34);
    const report = await page.evaluate(async (id) => (await fetch(`/api/v1/reports/${id}`)).json(), reportId);
    expect(report.otherResults).toBe('Ghi khi mất mạng');
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bioplan.report-draft.'))),
    ).toEqual([]);

    // Offline again, then the tab is closed: the edits are offered back when the report is opened.
    await page.context().setOffline(true);
    await page.getByLabel('XL-01 — Sinh hoạt').fill('56');
    await page.getByTestId('offline').waitFor();
    const context = page.context();
    await page.close({ runBeforeUnload: false });
    await context.setOffline(false);
    const again = await context.newPage();
    await again.clock.setFixedTime(new Date(NOW));
    await again.goto(`/bao-cao/${reportId}`);
    await again.getByTestId('local-draft').waitFor();
    expect((await stored(again))['XL-01.domestic']).toBeUndefined();
    await expectAccessible(again, 'report with kept edits');
    await again.getByRole('button', { name: 'Khôi phục và lưu' }).click();
    await expect.poll(async () => (await stored(again))['XL-01.domestic']).toBe(56);
    await waitSaved(again);
    await again.close();
  });

  it('never saves unreadable text in a number field as empty', { timeout: 120_000 }, async () => {
    const page = await stack.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    await signIn(page, DEMO.unitStc);
    await page.goto(`/bao-cao/${reportId}`);
    await waitSaved(page);
    const agri = page.getByLabel('XL-01 — Nông, lâm, thủy sản');
    await agri.fill('7');
    await waitSaved(page);
    await agri.fill('bảy');
    await agri.blur();
    await page.getByTestId('unreadable').waitFor();
    expect(await agri.getAttribute('aria-invalid')).toBe('true');
    await page.locator('[data-testid="save-status"][data-state="unsaved"]').waitFor();
    // Other edits wait with it; the stored figure is not cleared.
    await page.getByLabel('XL-01 — Y tế').fill('13');
    await page.waitForTimeout(1500);
    expect((await stored(page))['XL-01.agri']).toBe(7);
    await agri.fill('8');
    await waitSaved(page);
    const values = await stored(page);
    expect([values['XL-01.agri'], values['XL-01.medical']]).toEqual([8, 13]);
    await page.close();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ])
    it(
      `keeps the save state and the submit button in view while scrolling (${viewport.width}×${viewport.height})`,
      { timeout: 120_000 },
      async () => {
        const page = await stack.newPage();
        await page.setViewportSize(viewport);
        await page.clock.setFixedTime(new Date(NOW));
        await signIn(page, DEMO.unitStc);
        await page.goto(`/bao-cao/${reportId}`);
        await waitSaved(page);
        await page.getByLabel('XL-01 — Y tế').scrollIntoViewIfNeeded();
        expect(await inView(page, 'form-bar')).toBe(true);
        await page.screenshot({ path: `/tmp/bioplan-shots/offline-scrolled-${viewport.width}.png` });
        await page.getByLabel('Kết quả khác').scrollIntoViewIfNeeded();
        expect(await inView(page, 'form-bar')).toBe(true);
        await page.getByRole('button', { name: 'Nộp báo cáo' }).waitFor();
        expect(await inView(page, 'save-status')).toBe(true);
        // Attachments come before the submit button.
        const attachments = await page.getByRole('heading', { name: 'Tài liệu đính kèm' }).boundingBox();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const attachmentsEnd = await page.getByRole('heading', { name: 'Tài liệu đính kèm' }).boundingBox();
        const bar = await page.getByTestId('form-bar').boundingBox();
        expect(attachments && attachmentsEnd && bar && attachmentsEnd.y < bar.y).toBe(true);
        await page.screenshot({ path: `/tmp/bioplan-shots/offline-bar-${viewport.width}.png` });
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, `report-page-${viewport.width}`);
        await expectAccessible(page, `report page ${viewport.width}`);
        await page.close();
      },
    );
});
