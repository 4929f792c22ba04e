import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let c: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  c = await t.loginAs('unit', { unitCode: '28807' });
});
afterAll(async () => t?.close());

type Unit = { id: string; code: string; kind: string; fullName: string };
const list = async (query: string) => {
  const res = await c.get(`/api/v1/org-units?pageSize=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ data: Unit[]; page: { total: number } }>();
};

describe('org units through the 2025 reorganisation', () => {
  it('on 27/3/2025 shows Tỉnh Bến Tre, its committee, the plan departments and 9 districts', async () => {
    const { data } = await list('asOf=2025-03-27');
    const names = data.map((u) => u.fullName);
    expect(names).toContain('Tỉnh Bến Tre');
    expect(names).toContain('Ủy ban nhân dân tỉnh Bến Tre');
    for (const d of [
      'Sở Nông nghiệp và Môi trường',
      'Sở Khoa học và Công nghệ',
      'Sở Tài chính',
      'Sở Giáo dục và Đào tạo',
      'Sở Công Thương',
      'Sở Y tế',
    ]) {
      expect(names).toContain(`${d} tỉnh Bến Tre`);
    }
    expect(data.filter((u) => u.kind === 'district')).toHaveLength(9);
    expect(data.filter((u) => u.kind === 'commune' || u.kind === 'ward')).toHaveLength(0);
    expect(names).not.toContain('Tỉnh Vĩnh Long');
  });

  it('from 1/7/2025 shows Tỉnh Vĩnh Long, its departments and the 48 xã/phường, no district', async () => {
    const { data } = await list('asOf=2026-01-15');
    expect(data.map((u) => u.fullName)).toContain('Tỉnh Vĩnh Long');
    expect(data.map((u) => u.fullName)).toContain('Sở Tài chính tỉnh Vĩnh Long');
    expect(data.filter((u) => u.kind === 'commune')).toHaveLength(43);
    expect(data.filter((u) => u.kind === 'ward')).toHaveLength(5);
    expect(data.filter((u) => u.kind === 'district')).toHaveLength(0);
    expect(data.some((u) => u.fullName.includes('Bến Tre') && u.kind === 'department')).toBe(false);
  });

  it('searches without diacritics and treats Hoà and Hòa alike', async () => {
    const so = await list('asOf=2026-01-15&q=so tai chinh');
    expect(so.data.map((u) => u.fullName)).toEqual(['Sở Tài chính tỉnh Vĩnh Long']);
    const hoaOld = await list('asOf=2026-01-15&q=Lương Hoà');
    const hoaNew = await list('asOf=2026-01-15&q=luong hòa');
    expect(hoaOld.data.map((u) => u.code)).toEqual(['28987']);
    expect(hoaNew.data.map((u) => u.code)).toEqual(['28987']);
    const dong = await list('asOf=2026-01-15&q=dong khoi');
    expect(dong.data.map((u) => u.fullName)).toEqual(['Xã Đồng Khởi']);
  });

  it('pages and filters by kind', async () => {
    const res = await c.get('/api/v1/org-units?asOf=2026-01-15&kind=commune&pageSize=10&page=2');
    const body = res.json();
    expect(body.page).toEqual({ page: 2, pageSize: 10, total: 43 });
    expect(body.data).toHaveLength(10);
  });

  it('shows succession both ways', async () => {
    const { data } = await list('asOf=2025-03-27&q=so tai chinh');
    const btStc = data[0];
    const detail = (await c.get(`/api/v1/org-units/${btStc.id}`)).json();
    expect(detail.successors.map((s: { unit: Unit }) => s.unit.fullName)).toEqual(['Sở Tài chính tỉnh Vĩnh Long']);
    expect(detail.predecessors.map((s: { unit: Unit }) => s.unit.fullName).sort()).toEqual([
      'Sở Kế hoạch và Đầu tư tỉnh Bến Tre',
      'Sở Tài chính tỉnh Bến Tre',
    ]);
    const vl = detail.successors[0].unit.id;
    const back = (await c.get(`/api/v1/org-units/${vl}`)).json();
    expect(back.predecessors.map((s: { unit: Unit }) => s.unit.id)).toContain(btStc.id);
    const province = await list('asOf=2026-01-15&kind=province');
    const vlProvince = (await c.get(`/api/v1/org-units/${province.data[0].id}`)).json();
    expect(vlProvince.predecessors[0]).toMatchObject({
      kind: 'merge',
      date: '2025-07-01',
      unit: { fullName: 'Tỉnh Bến Tre' },
    });
  });

  it('refuses impossible dates and unknown ids with the field named', async () => {
    const bad = await c.get('/api/v1/org-units?asOf=2025-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('asOf');
    const unknown = await c.get('/api/v1/org-units?colour=red');
    expect(unknown.statusCode).toBe(400);
    const missing = await c.get('/api/v1/org-units/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/org-units' });
    expect(anon.statusCode).toBe(401);
  });
});
