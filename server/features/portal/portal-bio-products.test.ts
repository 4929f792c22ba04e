// The portal's bio-products (issue 13): a farmer typing "chế phẩm xử lý chất thải chăn nuôi", with or
// without diacritics, finds the products the units recorded, filtered by waste stream, without
// any personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await buildTestApp();
  const unit = await t.loginAs('unit', { unitCode: 'VL-SYT', name: 'Trần Văn Bí Mật' });
  const producer = validTaxCode(777_001);
  await addEnterprise(unit, { taxCode: producer, name: 'Công ty Sinh Học Xanh' });
  const add = async (name: string, wasteStreams: string[]) => {
    const res = await unit.post('/api/v1/registries/records', {
      kind: 'bio_product',
      data: { name, producer, wasteStreams, appliedOn: '2026-04-01', registrationNumber: 'TCCS 01:2026' },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await add('Chế phẩm EM xử lý chất thải chăn nuôi', ['agri']);
  await add('Chế phẩm xử lý nước thải bệnh viện', ['medical']);
});
afterAll(async () => t?.close());

describe('the portal bio-products page', () => {
  it('finds a product by the words a farmer types, with or without diacritics', async () => {
    for (const q of ['chế phẩm xử lý chất thải chăn nuôi', 'che pham xu ly chat thai chan nuoi']) {
      const res = await get(`/cong-thong-tin/che-pham?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Chế phẩm EM xử lý chất thải chăn nuôi');
      expect(res.body).not.toContain('nước thải bệnh viện');
      expect(res.body).toContain('Công ty Sinh Học Xanh');
      expect(res.body).toContain('1 chế phẩm');
    }
  });

  it('filters by waste stream and shows no personal data', async () => {
    const res = await get('/cong-thong-tin/che-pham?dong=medical');
    expect(res.body).toContain('Chế phẩm xử lý nước thải bệnh viện');
    expect(res.body).not.toContain('chăn nuôi</h2>');
    const all = await get('/cong-thong-tin/che-pham');
    expect(all.body).toContain('2 chế phẩm');
    expect(all.body).not.toContain('Trần Văn Bí Mật');
    expect(all.body).not.toContain(validTaxCode(777_001));
    // An unknown stream is ignored rather than an error.
    expect((await get('/cong-thong-tin/che-pham?dong=xyz')).statusCode).toBe(200);
  });
});
