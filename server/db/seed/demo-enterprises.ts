import type { FastifyInstance } from 'fastify';
import { taxCodeCheckDigit } from '../../../shared/tax-code.js';
import { signIn, type Call } from './demo-activity.js';

/** A made-up tax code with a valid check digit, from nine digits (13…: Bến Tre, 15…: Vĩnh Long). */
export function demoTaxCode(nine: string): string {
  for (let n = Number(nine); ; n += 1) {
    const digits = String(n).padStart(9, '0');
    const check = taxCodeCheckDigit(digits);
    if (check !== null) return `${digits}${check}`;
  }
}

async function communeId(call: Call, code: string): Promise<string | null> {
  const list = (await call('GET', `/api/v1/org-units?q=${code}&pageSize=5`)) as unknown as {
    data: Array<{ id: string; code: string }>;
  };
  return list.data.find((u) => u.code === code)?.id ?? null;
}

/**
 * With BIOPLAN_DEMO=1 and an empty enterprise registry: a few plausible enterprises, entered by
 * Sở Tài chính and xã Giao Long through the real API, one of them observed by both units.
 */
export async function seedDemoEnterprises(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  const finance = await signIn(app, 'sotaichinh@demo.bioplan.vn');
  const existing = (await finance('GET', '/api/v1/registries/enterprises?pageSize=1')) as unknown as {
    page: { total: number };
  };
  if (existing.page.total > 0) return;
  const commune = await signIn(app, 'xagiaolong@demo.bioplan.vn');
  const giaoLong = await communeId(finance, '28807');
  const phuKhuong = await communeId(finance, '28756');
  const add = (call: Call, body: Record<string, unknown>) => call('POST', '/api/v1/registries/enterprises', body);
  const shared = await add(finance, {
    taxCode: demoTaxCode('130012345'),
    name: 'Công ty TNHH Sinh học Xanh Bến Tre',
    communeId: phuKhuong,
    sector: 'Sản xuất chế phẩm vi sinh xử lý chất thải',
    industrialYears: [2024, 2025, 2026],
    products: [
      { name: 'Chế phẩm vi sinh ủ phân hữu cơ từ phụ phẩm dừa', wasteStreams: ['agri'] },
      { name: 'Chế phẩm khử mùi bãi rác sinh hoạt', wasteStreams: ['domestic'] },
    ],
  });
  await add(finance, {
    taxCode: demoTaxCode('150067890'),
    name: 'Công ty Cổ phần Công nghệ Môi trường Vĩnh Long',
    sector: 'Xử lý nước thải công nghiệp',
    industrialYears: [2026],
    products: [{ name: 'Chế phẩm xử lý nước thải chế biến thủy sản', wasteStreams: ['industrial', 'agri'] }],
  });
  await add(commune, {
    taxCode: demoTaxCode('130045678'),
    name: 'Hợp tác xã Nông nghiệp Giao Long',
    communeId: giaoLong,
    sector: 'Nông nghiệp, sản xuất phân hữu cơ',
    industrialYears: [],
    products: [{ name: 'Phân hữu cơ vi sinh từ bã bùn mía', wasteStreams: ['agri'] }],
  });
  await commune('POST', `/api/v1/registries/enterprises/${shared.id}/observations`, {
    year: 2026,
    note: 'Doanh nghiệp cung cấp chế phẩm cho 3 tổ hợp tác ủ phân trên địa bàn xã.',
  });
  log('Dữ liệu minh họa: 3 doanh nghiệp trong sổ doanh nghiệp.');
}
