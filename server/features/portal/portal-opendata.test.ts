// Issue 13: the portal's open data (CSV, XLSX and JSON of the same rows, from stable addresses,
// with a data dictionary and a licence), the public registry search, the comparison of versions,
// Last-Modified with If-Modified-Since, and the weight of the pages over gzip.
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { planId } from '../../test/cycles.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';
import { approvedCycle, publishYear, seedPortalFeedback } from './portal.fixtures.js';

let t: TestApp;
let focal: TestClient;

const DATASETS = ['so-lieu-chi-tieu', 'doanh-nghiep-che-pham', 'nhiem-vu-ke-hoach', 'hoi-dap'];
const AGRI_TAX = validTaxCode(7100);
const MEDICAL_TAX = validTaxCode(7200);

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  const leader = await t.loginAs('leader', { unitCode: 'VL-UBND' });
  const yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await seedPortalFeedback(t, focal);
  const { cycleId } = await approvedCycle(t, focal, yte, { year: 2026, results: (k) => `Kết quả "mục" ${k}, đã làm.` });
  await publishYear(focal, cycleId);
  await addEnterprise(focal, {
    taxCode: AGRI_TAX,
    name: 'Công ty TNHH Vi sinh Đồng Khởi',
    sector: 'Sản xuất phân bón, chế phẩm',
    industrialYears: [2025, 2026],
    products: [{ name: 'Men ủ phân Đồng Khởi', wasteStreams: ['agri'] }],
  });
  await addEnterprise(focal, {
    taxCode: MEDICAL_TAX,
    name: 'Công ty CP Sinh học Y Khoa',
    products: [{ name: 'Chế phẩm khử mùi nước thải bệnh viện', wasteStreams: ['medical'] }],
  });
  // Not a producer: no product, no industrial year; not in the public registry.
  await addEnterprise(focal, { taxCode: validTaxCode(7300), name: 'Công ty Thương mại Không Sản Xuất' });
  // Version 2 of the plan, for the comparison page.
  const plan = await planId(focal);
  const doc = (await focal.get(`/api/v1/plans/${plan}`)).json<{ items: Array<{ id: string; key: string }> }>();
  const item = doc.items.find((i) => i.key === 'IV.4')!;
  const created = await focal.post(`/api/v1/plans/${plan}/amendments`, {
    summary: 'Sửa câu chữ nhiệm vụ Sở Tài chính',
    reasoning: 'Cho rõ',
    feedbackIds: [],
    changes: [{ op: 'update', itemId: item.id, text: 'Bố trí kinh phí cho chế phẩm sinh học đã sửa.' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  await focal.post(`/api/v1/plans/${plan}/amendments/${created.json().id}/submit`, {});
  const approved = await leader.post(`/api/v1/plans/${plan}/amendments/${created.json().id}/approve`, {
    documentNumber: '2150/KH-UBND',
    documentDate: '2026-11-15',
  });
  expect(approved.statusCode, approved.body).toBe(200);
}, 300_000);
afterAll(async () => t?.close());

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

type Cell = string | number | null;
interface JsonDataset {
  dataset: string;
  licence: { name: string };
  columns: Array<{ key: string; type: string; description: string }>;
  rows: Array<Record<string, Cell>>;
}

const typed = (type: string, v: string): Cell =>
  v === '' ? null : type === 'number' || type === 'integer' ? Number(v) : v;

describe('open data', () => {
  it.each(DATASETS)('%s: CSV, XLSX and JSON parse back to the same rows', async (name) => {
    const json = await get(`/cong-thong-tin/du-lieu/${name}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = json.json<JsonDataset>();
    expect(data.dataset).toBe(name);
    expect(data.licence.name).toBe('CC BY 4.0');
    expect(data.rows.length).toBeGreaterThan(0);
    const keys = data.columns.map((c) => c.key);
    for (const row of data.rows) expect(Object.keys(row)).toEqual(keys);

    const csv = await get(`/cong-thong-tin/du-lieu/${name}.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${name}.csv"`);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parseCsv(csv.body.slice(1));
    expect(header).toEqual(keys);
    const fromCsv = lines.map((l) => Object.fromEntries(data.columns.map((c, i) => [c.key, typed(c.type, l[i])])));
    expect(fromCsv).toEqual(data.rows);

    const xlsx = await get(`/cong-thong-tin/du-lieu/${name}.xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.getWorksheet('du_lieu')!;
    const values = (r: number) =>
      keys.map((_, i) => {
        const v = sheet.getRow(r).getCell(i + 1).value;
        return v === null || v === undefined ? null : (v as Cell);
      });
    expect(values(1)).toEqual(keys);
    const fromXlsx: Array<Record<string, Cell>> = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const v = values(r);
      fromXlsx.push(Object.fromEntries(keys.map((k, i) => [k, v[i] === '' ? null : v[i]])));
    }
    expect(fromXlsx).toEqual(data.rows);
    // The dictionary travels with the workbook too.
    expect(wb.getWorksheet('tu_dien')!.getRow(2).getCell(1).value).toBe(keys[0]);
  });

  it('holds the published figures, the producers only, and the published answers without senders', async () => {
    const figures = (await get('/cong-thong-tin/du-lieu/so-lieu-chi-tieu.json')).json<JsonDataset>().rows;
    expect(figures.find((r) => r.ma_chi_tieu === 'XL-01')).toMatchObject({ nam: 2026, tong_so: 120.5 + 1234.5 });
    const firms = (await get('/cong-thong-tin/du-lieu/doanh-nghiep-che-pham.json')).json<JsonDataset>().rows;
    expect(firms.map((r) => String(r.ten_doanh_nghiep)).sort((a, b) => a.localeCompare(b, 'vi'))).toEqual([
      'Công ty CP Sinh học Y Khoa',
      'Công ty TNHH Vi sinh Đồng Khởi',
    ]);
    const all = (await Promise.all(DATASETS.map((n) => get(`/cong-thong-tin/du-lieu/${n}.csv`)))).map((r) => r.body);
    for (const body of all) {
      expect(body).not.toContain(AGRI_TAX);
      expect(body).not.toContain('Trần Thị Bích Ngọc');
      expect(body).not.toContain('trả lời câu 2');
    }
  });

  it('describes every dataset with its columns, formats and licence; an unknown one is the 404 page', async () => {
    const page = (await get('/cong-thong-tin/du-lieu')).body;
    expect(page).toContain('Giấy phép CC BY 4.0');
    for (const name of DATASETS) {
      for (const f of ['csv', 'xlsx', 'json']) expect(page).toContain(`href="/cong-thong-tin/du-lieu/${name}.${f}"`);
    }
    expect(page).toContain('<code>ma_chi_tieu</code>');
    const missing = await get('/cong-thong-tin/du-lieu/khong-co.csv');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Không tìm thấy trang');
    expect((await get('/cong-thong-tin/du-lieu/hoi-dap.pdf')).statusCode).toBe(404);
  });
});

describe('the public registry', () => {
  it('finds the makers of bio-preparations for livestock waste, with or without diacritics', async () => {
    for (const q of ['chế phẩm xử lý chất thải chăn nuôi', 'che pham xu ly chat thai chan nuoi']) {
      const body = (await get(`/cong-thong-tin/doanh-nghiep?q=${encodeURIComponent(q)}`)).body;
      expect(body, q).toContain('1 doanh nghiệp');
      expect(body, q).toContain('Công ty TNHH Vi sinh Đồng Khởi');
      expect(body, q).toContain('Men ủ phân Đồng Khởi');
      expect(body, q).not.toContain('Y Khoa');
    }
    const hospital = (await get('/cong-thong-tin/doanh-nghiep?q=benh%20vien')).body;
    expect(hospital).toContain('Công ty CP Sinh học Y Khoa');
    expect(hospital).not.toContain('Đồng Khởi');
    const all = (await get('/cong-thong-tin/doanh-nghiep')).body;
    expect(all).toContain('2 doanh nghiệp');
    expect(all).not.toContain('Không Sản Xuất');
    expect(all).not.toContain(AGRI_TAX);
    expect(all).not.toContain(MEDICAL_TAX);
  });
});

describe('comparing plan versions', () => {
  it('shows what changed between two versions, chosen with a plain form', async () => {
    const versions = (await get('/cong-thong-tin/phien-ban')).body;
    expect(versions).toContain('href="/cong-thong-tin/phien-ban/so-sanh"');
    const body = (await get('/cong-thong-tin/phien-ban/so-sanh?tu=1&den=2')).body;
    expect(body).toContain('0 mục thêm mới, 0 mục bỏ, 1 mục sửa đổi');
    expect(body).toContain('Bố trí kinh phí cho chế phẩm sinh học đã sửa.');
    expect(body).toMatch(/<option value="2"\s+selected/);
    // Nonsense picks fall back to the last two versions instead of failing.
    const odd = await get('/cong-thong-tin/phien-ban/so-sanh?tu=abc&den=99');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('1 mục sửa đổi');
  });
});

describe('caching and weight', () => {
  it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    for (const url of ['/cong-thong-tin/tien-do', '/cong-thong-tin/du-lieu/hoi-dap.xlsx', '/cong-thong-tin/chi-so']) {
      const first = await get(url);
      const lastModified = first.headers['last-modified'] as string;
      expect(lastModified, url).toMatch(/GMT$/);
      const same = await get(url, { 'if-modified-since': lastModified });
      expect(same.statusCode, url).toBe(304);
      expect(same.body).toBe('');
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(url, { 'if-modified-since': earlier })).statusCode, url).toBe(200);
      // An XLSX carries its own timestamps: its ETag follows the rows, so it is stable.
      expect((await get(url)).headers.etag).toBe(first.headers.etag);
    }
  });

  it('moves Last-Modified forward when the content changes', async () => {
    const before = await get('/cong-thong-tin/doanh-nghiep');
    await addEnterprise(focal, {
      taxCode: validTaxCode(7400),
      name: 'Công ty Mới Vào Sổ',
      products: [{ name: 'Chế phẩm xử lý rác sinh hoạt', wasteStreams: ['domestic'] }],
    });
    const after = await get('/cong-thong-tin/doanh-nghiep', {
      'if-modified-since': before.headers['last-modified'] as string,
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Công ty Mới Vào Sổ');
    expect(Date.parse(after.headers['last-modified'] as string)).toBeGreaterThan(
      Date.parse(before.headers['last-modified'] as string),
    );
  });

  it('sends every page gzip-compressed, each at most 60 KB with its stylesheet', async () => {
    const home = (await get('/cong-thong-tin')).body;
    const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(home)![1];
    const css = await get(cssHref, { 'accept-encoding': 'gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    const sizes: Record<string, number> = {};
    for (const path of [
      '',
      '/ke-hoach',
      '/phien-ban',
      '/phien-ban/so-sanh?tu=1&den=2',
      '/ai-lam-gi',
      '/tien-do',
      '/chi-so',
      '/hoi-dap',
      '/van-ban-huong-dan',
      '/doanh-nghiep',
      '/du-lieu',
    ]) {
      const url = `/cong-thong-tin${path}`;
      const res = await get(url, { 'accept-encoding': 'gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(res.rawPayload).toString()).toContain('</html>');
      sizes[url] = res.rawPayload.length + css.rawPayload.length;
      expect(sizes[url], url).toBeLessThanOrEqual(60 * 1024);
    }
    console.log('portal page weights (HTML + CSS, gzip, bytes):', sizes);
  });
});
