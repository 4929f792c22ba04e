import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EnterpriseImportResponse } from '../../../shared/contracts/registries.js';
import { auditLog, enterprises } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm } from '../../test/multipart.js';
import { addEnterprise, validTaxCode } from './registries.fixtures.js';

let t: TestApp;
let health: TestClient;
let finance: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
}, 120_000);
afterAll(async () => t?.close());

async function exported(client: TestClient): Promise<Buffer> {
  const res = await client.get('/api/v1/registries/enterprises/export.xlsx');
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function importFile(client: TestClient, body: Buffer): Promise<EnterpriseImportResponse> {
  const form = multipartForm({}, [{ name: 'doanh-nghiep.xlsx', body }]);
  const res = await client.inject({ method: 'POST', url: '/api/v1/registries/enterprises/import.xlsx', ...form });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function edit(body: Buffer, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  change(wb.getWorksheet('Doanh nghiệp')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

it('re-importing the exported file changes nothing', async () => {
  await addEnterprise(health, {
    taxCode: validTaxCode(10),
    name: 'Công ty Chế phẩm Giao Long',
    communeId: await t.unitId('28807'),
    sector: 'Sản xuất phân bón',
    industrialYears: [2024, 2026],
    products: [
      { name: 'Chế phẩm ủ phân', wasteStreams: ['agri', 'domestic'] },
      { name: 'Men vi sinh', wasteStreams: [] },
    ],
  });
  await addEnterprise(finance, { taxCode: validTaxCode(20), name: 'Công ty Tài Chính Xanh' });
  const before = await t.database.db.select().from(enterprises);
  const audits = (await t.database.db.select().from(auditLog)).length;
  const result = await importFile(health, await exported(health));
  expect(result).toEqual({ created: 0, updated: 0, unchanged: 2, problems: [] });
  expect(await t.database.db.select().from(enterprises)).toEqual(before);
  expect((await t.database.db.select().from(auditLog)).length).toBe(audits);
});

it('names every refused cell (sheet, row, column, reason) and saves nothing', async () => {
  const file = await edit(await exported(health), (ws) => {
    ws.getRow(4).values = ['0300588568', 'Công ty Sai Mã', '99999', '', '', '20x5', 'Chế phẩm | Hóa chất'];
    ws.getRow(5).values = [validTaxCode(30), '', '', '', '', '', ''];
  });
  const result = await importFile(health, file);
  expect(result.problems).toEqual([
    { sheet: 'Doanh nghiệp', row: 4, column: 'A', message: expect.stringContaining('chữ số kiểm tra') },
    { sheet: 'Doanh nghiệp', row: 4, column: 'C', message: expect.stringContaining('Mã xã/phường') },
    { sheet: 'Doanh nghiệp', row: 4, column: 'F', message: expect.stringContaining('"20x5"') },
    { sheet: 'Doanh nghiệp', row: 4, column: 'G', message: expect.stringContaining('"Hóa chất"') },
    { sheet: 'Doanh nghiệp', row: 5, column: 'B', message: 'Tên doanh nghiệp: chưa được nhập.' },
  ]);
  expect(await t.database.db.select().from(enterprises)).toHaveLength(2);
});

it("creates new rows for the unit, updates its own, and refuses changes to another unit's record", async () => {
  const base = await exported(health);
  const refused = await importFile(
    health,
    await edit(base, (ws) => {
      ws.getCell('E3').value = 'Ngành mới'; // row 3: the finance department's record
    }),
  );
  expect(refused.problems).toEqual([
    { sheet: 'Doanh nghiệp', row: 3, column: 'E', message: expect.stringContaining('đơn vị khác') },
  ]);
  const code = validTaxCode(40);
  const applied = await importFile(
    health,
    await edit(base, (ws) => {
      ws.getCell('E2').value = 'Sản xuất chế phẩm vi sinh';
      // Excel drops a typed code's leading zero: 0300588569 arrives as a number.
      ws.getRow(4).values = [300588569, 'Công ty Sữa', '', '', '', '2026', ''];
      ws.getRow(5).values = [code, 'Công ty Mới', '', '', '', '', ''];
    }),
  );
  expect(applied).toEqual({ created: 2, updated: 1, unchanged: 1, problems: [] });
  const [created] = await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, '0300588569'));
  expect(created.reportingUnitId).toBe(await t.unitId('VL-SYT'));
  expect(created.industrialYears).toEqual([2026]);
});
