import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseDto, EnterpriseListResponse } from '../../../shared/contracts/registries.js';
import { auditLog, enterpriseObservations, enterprises } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { addEnterprise, validTaxCode } from './registries.fixtures.js';

let t: TestApp;
let health: TestClient;
let finance: TestClient;
let focal: TestClient;
let leader: TestClient;
let admin: TestClient;
let giaoLong: string;
let seed = 1000;
const nextCode = () => validTaxCode((seed += 17));

beforeAll(async () => {
  t = await buildTestApp();
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  admin = await t.loginAs('admin');
  giaoLong = await t.unitId('28807');
}, 120_000);
afterAll(async () => t?.close());

describe('creating and de-duplicating by tax code', () => {
  it('refuses a tax code with a wrong check digit, naming the field in Vietnamese', async () => {
    const res = await health.post('/api/v1/registries/enterprises', { taxCode: '0300588568', name: 'Công ty A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Mã số thuế');
    expect(res.json().error.issues[0].path).toBe('taxCode');
  });

  it('names the enterprise name and the product name when they are missing', async () => {
    const res = await health.post('/api/v1/registries/enterprises', {
      taxCode: nextCode(),
      name: ' ',
      products: [{ name: '', wasteStreams: ['medical'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Tên doanh nghiệp: chưa được nhập.',
      'Tên sản phẩm: chưa được nhập.',
    ]);
  });

  it('creates a record for the unit, audited, and a second unit entering the code finds it', async () => {
    const taxCode = nextCode();
    const res = await health.post('/api/v1/registries/enterprises', {
      taxCode,
      name: 'Công ty Cổ phần Chế phẩm Sinh học Bến Tre',
      communeId: giaoLong,
      industrialYears: [2026, 2025, 2026],
      products: [{ name: 'Chế phẩm xử lý rác hữu cơ', wasteStreams: ['domestic', 'agri'] }],
    });
    expect(res.statusCode).toBe(201);
    const created: EnterpriseDto = res.json();
    expect(created.industrialYears).toEqual([2025, 2026]);
    expect(created.reportingUnit?.id).toBe(await t.unitId('VL-SYT'));
    expect(created.abilities.canEdit).toBe(true);
    expect(created.history.map((h) => h.action)).toEqual(['enterprise.create']);
    // The creation lists the fields it was given, the xã/phường by name.
    expect(Object.keys(created.history[0].changes).sort()).toEqual(
      ['communeId', 'industrialYears', 'name', 'products', 'taxCode'].sort(),
    );
    expect(created.history[0].changes.communeId.to).toBe('Xã Giao Long');

    const found = (await finance.get(`/api/v1/registries/enterprises/lookup?taxCode=${taxCode}`)).json();
    expect(found.enterprise.id).toBe(created.id);
    const again = await finance.post('/api/v1/registries/enterprises', { taxCode, name: 'Tên khác' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: created.id, name: 'Công ty Cổ phần Chế phẩm Sinh học Bến Tre' });
    expect(again.json().abilities).toEqual({ canEdit: false, canObserve: true });
    const rows = await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, taxCode));
    expect(rows).toHaveLength(1);
  });

  it('concurrent creations with one tax code make one enterprise: one 201, the others 200 with the same record', async () => {
    const taxCode = nextCode();
    const [a, b, ...more] = await Promise.all(
      [health, finance, health, finance, focal].map((c) =>
        c.post('/api/v1/registries/enterprises', { taxCode, name: 'Công ty Song song' }),
      ),
    );
    expect([a, b, ...more].map((r) => r.statusCode).sort((x, y) => x - y)).toEqual([200, 200, 200, 200, 201]);
    expect(new Set([a, b, ...more].map((r) => r.json().id)).size).toBe(1);
    const rows = await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, taxCode));
    expect(rows).toHaveLength(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rows[0].id), eq(auditLog.action, 'enterprise.create')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a xã/phường that is not a commune or ward, or not valid at the record date', async () => {
    const department = await t.unitId('VL-SYT');
    const res = await health.post('/api/v1/registries/enterprises', {
      taxCode: nextCode(),
      name: 'A',
      communeId: department,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Xã/phường');
    t.clock.set('2025-06-01T02:00:00Z');
    try {
      const early = await health.post('/api/v1/registries/enterprises', {
        taxCode: nextCode(),
        name: 'B',
        communeId: giaoLong,
      });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.message).toContain('01/06/2025');
    } finally {
      t.clock.set('2026-11-20T02:00:00Z');
    }
  });

  it('keeps plan items of the current plan and refuses unknown ones', async () => {
    const plans = (await leader.get('/api/v1/plans')).json();
    const plan = (await leader.get(`/api/v1/plans/${plans.data[0].id}`)).json();
    const item = plan.items.find((i: { key: string }) => i.key === 'IV.4');
    const ok = await health.post('/api/v1/registries/enterprises', {
      taxCode: nextCode(),
      name: 'Có mục kế hoạch',
      planItemIds: [item.id],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().planItems).toEqual([
      { id: item.id, key: 'IV.4', label: item.label, title: item.title ?? item.text },
    ]);
    const bad = await health.post('/api/v1/registries/enterprises', {
      taxCode: nextCode(),
      name: 'Mục lạ',
      planItemIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Mục kế hoạch');
  });

  it('leaders and administrators read but do not add', async () => {
    expect((await leader.post('/api/v1/registries/enterprises', { taxCode: nextCode(), name: 'X' })).statusCode).toBe(
      403,
    );
    expect((await admin.get('/api/v1/registries/enterprises')).statusCode).toBe(200);
  });
});

describe('editing, observations and history', () => {
  it('a unit edits only its own records; another unit adds an observation; focal edits all; history shows each change', async () => {
    const e = await addEnterprise(health, { taxCode: nextCode(), name: 'Công ty Xanh' });
    const url = `/api/v1/registries/enterprises/${e.id}`;
    expect((await finance.patch(url, { version: 1, name: 'Đổi tên' })).statusCode).toBe(403);
    const observed = await finance.post(`${url}/observations`, { year: 2026, note: 'Đã kiểm tra dây chuyền' });
    expect(observed.statusCode).toBe(201);
    expect(observed.json().observations).toMatchObject([
      { year: 2026, note: 'Đã kiểm tra dây chuyền', unit: { id: await t.unitId('VL-STC') } },
    ]);
    const own = await health.patch(url, { version: 1, sector: 'Sản xuất chế phẩm', industrialYears: [2026] });
    expect(own.statusCode).toBe(200);
    expect(own.json().version).toBe(2);
    expect((await health.patch(url, { version: 1, sector: 'Cũ' })).statusCode).toBe(409);
    const byFocal = await focal.patch(url, { version: 2, name: 'Công ty Xanh Bến Tre' });
    expect(byFocal.statusCode).toBe(200);
    const history = byFocal.json<EnterpriseDto>().history;
    expect(history.map((h) => h.action)).toEqual([
      'enterprise.create',
      'enterprise.observe',
      'enterprise.update',
      'enterprise.update',
    ]);
    expect(history[2].changes).toEqual({
      sector: { from: '', to: 'Sản xuất chế phẩm' },
      industrialYears: { from: [], to: [2026] },
    });
    expect(history[3]).toMatchObject({
      actor: focal.user.email,
      changes: { name: { from: 'Công ty Xanh', to: 'Công ty Xanh Bến Tre' } },
    });
    const obs = await t.database.db
      .select()
      .from(enterpriseObservations)
      .where(eq(enterpriseObservations.enterpriseId, e.id));
    expect(obs).toHaveLength(1);
  });

  it('an unknown record answers 404', async () => {
    expect((await finance.get('/api/v1/registries/enterprises/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('the list', () => {
  it('searches without diacritics by name and tax code, filters by commune and industrial year, sorts and pages', async () => {
    const code = nextCode();
    await addEnterprise(health, {
      taxCode: code,
      name: 'Hợp tác xã Đồng Khởi',
      communeId: giaoLong,
      industrialYears: [2024],
    });
    await addEnterprise(health, { taxCode: nextCode(), name: 'Công ty Đồng Tiến', industrialYears: [2025] });
    const list = async (query: string) =>
      (await leader.get(`/api/v1/registries/enterprises?${query}`)).json<EnterpriseListResponse>();
    expect((await list('q=dong%20khoi')).data.map((d) => d.taxCode)).toEqual([code]);
    expect((await list(`q=${code.slice(0, 8)}`)).data.map((d) => d.taxCode)).toContain(code);
    expect((await list(`q=dong&communeId=${giaoLong}`)).data.map((d) => d.name)).toEqual(['Hợp tác xã Đồng Khởi']);
    expect((await list('q=dong&industrialYear=2025')).data.map((d) => d.name)).toEqual(['Công ty Đồng Tiến']);
    const desc = await list('q=dong&sort=name&dir=desc&pageSize=1&page=2');
    expect(desc.page.total).toBe(2);
    expect(desc.data.map((d) => d.name)).toEqual(['Công ty Đồng Tiến']);
  });
});

describe('DN-01', () => {
  it('counts firms producing at industrial scale in the year, once each, at the edges of the year', async () => {
    const before = async (year: number) =>
      (await leader.get(`/api/v1/registries/enterprises/count?year=${year}`)).json().count as number;
    const base = { 2029: await before(2029), 2030: await before(2030), 2031: await before(2031) };
    const shared = await addEnterprise(health, { taxCode: nextCode(), name: 'Chung', industrialYears: [2030] });
    // A second unit observing the same firm does not count it again.
    await finance.post(`/api/v1/registries/enterprises/${shared.id}/observations`, {
      year: 2030,
      note: 'Cùng doanh nghiệp',
    });
    await addEnterprise(finance, { taxCode: nextCode(), name: 'Hai năm', industrialYears: [2029, 2031] });
    expect(await before(2029)).toBe(base[2029] + 1);
    expect(await before(2030)).toBe(base[2030] + 1);
    expect(await before(2031)).toBe(base[2031] + 1);
  });
});
