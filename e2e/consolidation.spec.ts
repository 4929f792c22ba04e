import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, shot, signIn, startStack, type Stack } from './support.js';

let stack: Stack;
let cycleId: string;
let giaoLongReportId: string;

/** A signed-in API client over HTTP, as a script would use it. */
async function apiAs(email: string) {
  const res = await fetch(`${stack.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (method: string, path: string, payload?: unknown) => {
    const r = await fetch(`${stack.baseURL}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': body.csrfToken,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: payload !== undefined ? JSON.stringify(payload) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    const type = r.headers.get('content-type') ?? '';
    return type.includes('json') ? r.json() : Buffer.from(await r.arrayBuffer());
  };
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, b?: unknown) => call('POST', p, b ?? {}),
    put: (p: string, b: unknown) => call('PUT', p, b),
  };
}

beforeAll(async () => {
  stack = await startStack({ now: '2026-11-20T02:00:00Z' });
  const focal = await apiAs(DEMO.focal);
  const planId = (await focal.get('/plans')).data[0].id;
  cycleId = (await focal.post('/cycles', { planId, year: 2026 })).id;
  await focal.post(`/cycles/${cycleId}/open`);
  // Sở Tài chính fills, submits; the focal department accepts.
  const stc = await apiAs(DEMO.unitStc);
  const r = await stc.get(`/cycles/${cycleId}/my-report`);
  await stc.put(`/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 1 },
      { indicatorCode: 'KP-01', value: 2500.5 },
    ],
    sections: r.form.sections.map((s: { planItemId: string; key: string }) => ({
      planItemId: s.planItemId,
      results: `Sở Tài chính đã tham mưu bố trí kinh phí cho nội dung mục ${s.key}.`,
      difficulties: '',
      proposals: '',
    })),
  });
  await stc.post(`/reports/${r.id}/submit`);
  await focal.post(`/reports/${r.id}/accept`);
  const xa = await apiAs(DEMO.unitXa);
  giaoLongReportId = (await xa.get(`/cycles/${cycleId}/my-report`)).id;
});
afterAll(async () => stack?.stop());

describe('consolidated report', () => {
  it('the focal officer generates the draft, removes a paragraph, edits another and downloads the .docx', async () => {
    const page = await stack.newPage();
    await signIn(page, DEMO.focal);
    await page.getByRole('link', { name: 'Báo cáo tổng hợp' }).first().click();
    await page.getByRole('link', { name: 'Báo cáo tổng hợp năm 2026' }).click();
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.getByText('Hoàn tất').waitFor();
    const paragraphs = page.getByTestId('paragraph');
    await paragraphs.first().waitFor();
    const before = await paragraphs.count();
    expect(before).toBeGreaterThan(1);
    await expect.poll(() => paragraphs.first().textContent()).toContain('Nguồn: Sở Tài chính');
    await expectAccessible(page, 'consolidation editor');

    // Remove the first paragraph (with confirmation).
    const removedText = await paragraphs.first().getByRole('textbox').inputValue();
    await paragraphs
      .first()
      .getByRole('button', { name: /^Xóa đoạn/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => paragraphs.count()).toBe(before - 1);
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();

    // Edit another; the badge goes "chưa lưu" → "đã lưu".
    const box = paragraphs.first().getByRole('textbox');
    await box.fill('Sở Tài chính: đã bố trí 2.500,5 triệu đồng cho các nhiệm vụ của Kế hoạch (đã biên tập).');
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await expect.poll(() => paragraphs.first().textContent()).toContain('Đã sửa');
    await shot(page, 'consolidation-editor');

    await page.getByRole('button', { name: 'Tạo tệp Word' }).click();
    const link = page.getByRole('link', { name: 'Tải tệp Word (.docx)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('(đã biên tập)');
    expect(removedText).toContain('Sở Tài chính');
    expect(xml).not.toContain(removedText);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Số:');
    await expectAccessible(page, 'consolidation after download');
  });

  it('the document date takes a typed dd/mm/yyyy date and saves it, on a laptop and a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const page = await stack.newPage();
      await signIn(page, DEMO.focal);
      await page.setViewportSize(viewport);
      await page.goto(`/tong-hop/${cycleId}`);
      const date = page.getByRole('textbox', { name: 'Ngày văn bản' });
      await date.waitFor();
      const typed = viewport.width > 400 ? '05/12/2026' : '2026-12-07';
      await date.fill(typed);
      await date.press('Tab');
      const focal = await apiAs(DEMO.focal);
      await expect
        .poll(async () => (await focal.get(`/cycles/${cycleId}/consolidation`)).settings.documentDate, {
          timeout: 10_000,
        })
        .toBe(viewport.width > 400 ? '2026-12-05' : '2026-12-07');
      expect(await page.getByText(/Unexpected Application Error|Đã xảy ra lỗi/).count()).toBe(0);
      expect(await date.inputValue()).toBe(viewport.width > 400 ? '05/12/2026' : '07/12/2026');
      await shot(page, `consolidation-date-${viewport.width}`);
      await page.close();
    }
  });

  it('the focal officer names the signer and approves the draft: the Word file loses "DỰ THẢO"', async () => {
    const focal = await apiAs(DEMO.focal);
    const draft = await focal.get(`/cycles/${cycleId}/consolidation`);
    expect(draft.counts).toMatchObject({ compiled: 1, expected: draft.units.length });
    const page = await stack.newPage();
    await signIn(page, DEMO.focal);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/tong-hop/${cycleId}`);
    const panel = page.getByTestId('approval-panel');
    await panel.getByText(`Dự thảo tổng hợp 1/${draft.units.length} báo cáo`).waitFor();
    const approve = panel.getByRole('button', { name: 'Duyệt để trình ký' });
    // Without the signer's name the draft cannot be approved, and the panel says why.
    await panel.getByText('Nhập họ và tên người ký').waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Họ và tên người ký' }).fill('Lê Văn Ký');
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await expect.poll(() => approve.isDisabled()).toBe(false);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/bioplan-shots/consolidation-approval-view-1366.png' });
    await approve.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt để trình ký' }).click();
    await panel.getByText(/Đã duyệt để trình ký lúc/).waitFor();
    await expectAccessible(page, 'approval 1366');
    await page.close();

    const phone = await stack.newPage();
    await signIn(phone, DEMO.focal);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`/tong-hop/${cycleId}`);
    const approved = phone.getByTestId('approval-panel').getByText(/Đã duyệt để trình ký lúc/);
    await approved.waitFor();
    await expectAccessible(phone, 'approval 390');
    await approved.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: '/tmp/bioplan-shots/consolidation-approved-view-390.png' });
    await phone.close();

    const file = (await focal.get(`/cycles/${cycleId}/consolidation.docx`)) as Buffer;
    const zip = await JSZip.loadAsync(file);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.join('')).not.toContain('DỰ THẢO');
    expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('Lê Văn Ký');
  });

  it('a unit officer imports an .xlsx with one bad cell and sees the cell named', async () => {
    const xa = await apiAs(DEMO.unitXa);
    const template = (await xa.get(`/reports/${giaoLongReportId}/template.xlsx`)) as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as never);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    let bad = 0;
    for (let r = 7; r <= ws.rowCount; r += 1) {
      const code = ws.getRow(r).getCell(1).value;
      const stream = ws.getRow(r).getCell(3).value;
      if (code === 'XL-01' && stream === 'Sinh hoạt') ws.getCell(`D${r}`).value = 350.5;
      if (code === 'DN-01') {
        ws.getCell(`D${r}`).value = 'hai';
        bad = r;
      }
    }
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const page = await stack.newPage();
    await signIn(page, DEMO.unitXa);
    await page.getByRole('link', { name: 'Tệp Word và Excel' }).click();
    await page.getByRole('link', { name: 'Tải biểu mẫu Excel' }).waitFor();
    await expectAccessible(page, 'unit files');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'bieu-mau-giao-long.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await page.getByRole('button', { name: 'Nhập số liệu', exact: true }).click();
    await page.getByText(`Chỉ tiêu!D${bad}`).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Chỉ tiêu!D${bad}` });
    expect(await row.textContent()).toContain('phải là số');
    expect(await page.getByText(/1 giá trị được cập nhật vào bản nháp/).count()).toBe(1);
    await expectAccessible(page, 'unit import result');
    await shot(page, 'unit-import');
  });
});
