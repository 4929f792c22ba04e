import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, startStack, signIn, type Stack } from './support.js';

// Issue 10, "Excel never overwrites newer work": on the report page, a template made before the
// report changed comes back with its conflicting cells (file, current, who and when); the officer
// chooses, applies, and sees exactly which values changed.

const NOW = '2026-11-20T02:00:00Z';
let stack: Stack;

async function apiAs(email: string) {
  const res = await fetch(`${stack.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const me = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, path: string, payload?: unknown) => {
    const r = await fetch(`${stack.baseURL}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: payload !== undefined ? JSON.stringify(payload) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (r.headers.get('content-type') ?? '').includes('json') ? r.json() : Buffer.from(await r.arrayBuffer());
  };
}

beforeAll(async () => {
  stack = await startStack({ now: NOW });
  stack.app.log.level = 'error';
});
afterAll(async () => stack?.stop());

describe('Excel import on the report page', () => {
  it('lists conflicts with who and when, applies the choice and lists the changes', { timeout: 240_000 }, async () => {
    const focal = await apiAs(DEMO.focal);
    const planId = (await focal('GET', '/plans')).data[0].id;
    const cycleId = (await focal('POST', '/cycles', { planId, year: 2026 })).id;
    await focal('POST', `/cycles/${cycleId}/open`);
    const unit = await apiAs(DEMO.unitXa);
    const report = await unit('GET', `/cycles/${cycleId}/my-report`);
    const put = async (version: number, kp: number) =>
      unit('PUT', `/reports/${report.id}`, {
        version,
        values: [{ indicatorCode: 'KP-01', value: kp }],
        sections: report.sections,
      });
    const v2 = await put(report.version, 100);
    const template = (await unit('GET', `/reports/${report.id}/template.xlsx`)) as Buffer;
    await put(v2.version, 250); // newer work after the template was made
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as never);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    for (let r = 7; r <= ws.rowCount; r += 1) {
      const code = ws.getRow(r).getCell(1).value;
      if (code === 'KP-01') ws.getCell(`D${r}`).value = 300;
      if (code === 'DN-01') ws.getCell(`D${r}`).value = 4;
    }
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const openAndImport = async (viewport: { width: number; height: number }) => {
      const page = await stack.newPage();
      await page.setViewportSize(viewport);
      await page.clock.setFixedTime(new Date(NOW));
      await signIn(page, DEMO.unitXa);
      await page.goto(`/bao-cao/${report.id}`);
      await page.getByRole('link', { name: 'Tải báo cáo (.docx)' }).waitFor();
      await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles({
        name: 'bieu-mau.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: filled,
      });
      await page.getByRole('button', { name: 'Nhập số liệu', exact: true }).click();
      return page;
    };

    const page = await openAndImport({ width: 1366, height: 768 });
    expect(await page.getByRole('link', { name: 'Tải biểu mẫu Excel (.xlsx)' }).getAttribute('href')).toBe(
      `/api/v1/reports/${report.id}/template.xlsx`,
    );
    const conflicts = page.getByTestId('import-conflicts');
    await conflicts.waitFor();
    const row = conflicts.getByRole('row').filter({ hasText: 'KP-01' });
    const text = await row.textContent();
    expect(text).toContain('300');
    expect(text).toContain('250');
    expect(text).toContain('Lê Thị Hòa');
    expect(text).toMatch(/20\/11\/2026/);
    // Nothing was applied yet.
    expect((await unit('GET', `/reports/${report.id}`)).values).toEqual([
      { indicatorCode: 'KP-01', wasteStream: null, value: 250 },
    ]);
    await expectAccessible(page, 'import conflicts');
    await page.getByRole('heading', { name: 'Tệp Word và Excel của báo cáo' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/bioplan-shots/import-conflicts-1366.png' });
    await row.getByText('Trong tệp').click();
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    const changes = page.getByTestId('import-changes');
    await changes.waitFor();
    expect(await changes.getByRole('row').filter({ hasText: 'KP-01' }).textContent()).toMatch(/250.*300/);
    expect(await changes.getByRole('row').filter({ hasText: 'DN-01' }).textContent()).toContain('4');
    expect((await unit('GET', `/reports/${report.id}`)).values).toEqual(
      expect.arrayContaining([
        { indicatorCode: 'KP-01', wasteStream: null, value: 300 },
        { indicatorCode: 'DN-01', wasteStream: null, value: 4 },
      ]),
    );
    await expectAccessible(page, 'import changes');
    await page.getByTestId('import-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/bioplan-shots/import-result-1366.png' });
    await page.close();

    // On a phone, the same file again: nothing left to change.
    const phone = await openAndImport({ width: 390, height: 844 });
    await phone.getByText('Số liệu trong tệp trùng với báo cáo; không có gì thay đổi.').waitFor();
    await phone.getByTestId('import-result').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: '/tmp/bioplan-shots/import-result-390.png' });
    await phone.close();
  });
});
