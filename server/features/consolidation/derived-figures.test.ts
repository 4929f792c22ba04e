// Issue 12: the consolidated report takes the province-wide de-duplicated figure for an indicator
// derived from the registries (DN-01), not the sum of the units' typed values, and says so. Two
// units reporting the same enterprise count it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';
import { buildCycle } from '../reporting/reporting.fixtures.js';
import { openDocx, textOf, waitForJob } from './consolidation.fixtures.js';

let t: TestApp;
let focal: TestClient;
let draft: ConsolidationDto;
let cycleId: string;

/** Types DN-01 as the unit counts it, submits, and has the focal officer accept. */
async function reportAndAccept(unit: TestClient, dn01: number): Promise<void> {
  const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
  const saved = await unit.put(`/api/v1/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: dn01 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: 10 },
    ],
    sections: r.form.sections.map((s) => ({
      planItemId: s.planItemId,
      results: `Đã thực hiện mục ${s.key}.`,
      difficulties: '',
      proposals: '',
    })),
    otherResults: '',
    proposalsToCommittee: '',
  });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const sub = await unit.post(`/api/v1/reports/${r.id}/submit`);
  if (sub.statusCode !== 200) throw new Error(`submit: ${sub.statusCode} ${sub.body}`);
  const acc = await focal.post(`/api/v1/reports/${r.id}/accept`);
  if (acc.statusCode !== 200) throw new Error(`accept: ${acc.statusCode} ${acc.body}`);
}

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  const health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  const industry = await t.loginAs('unit', { unitCode: 'VL-SCT' });
  cycleId = (await buildCycle(t, focal)).id;
  // One firm both units report (Sở Y tế records it, Sở Công Thương observes it), one only Sở Công Thương's.
  const shared = await addEnterprise(health, {
    taxCode: validTaxCode(8001),
    name: 'Công ty Chế phẩm Dùng Chung',
    industrialYears: [2026],
  });
  const seen = await industry.post(`/api/v1/registries/enterprises/${shared.id}/observations`, {
    year: 2026,
    note: 'Sở Công Thương cũng theo dõi doanh nghiệp này',
  });
  if (seen.statusCode >= 300) throw new Error(`observe: ${seen.statusCode} ${seen.body}`);
  await addEnterprise(industry, { taxCode: validTaxCode(8101), name: 'Công ty Riêng', industrialYears: [2026] });
  // Each unit types what it counts: 1 and 2, summing to 3 with the shared firm twice.
  await reportAndAccept(health, 1);
  await reportAndAccept(industry, 2);
  const res = await focal.post(`/api/v1/cycles/${cycleId}/consolidation`, {});
  expect(res.statusCode, res.body).toBe(202);
  draft = await waitForJob(focal, cycleId, res.json().job.id);
}, 180_000);
afterAll(async () => t?.close());

describe('a derived indicator in the consolidated report', () => {
  it('totals DN-01 province-wide with the shared enterprise once, beside the units’ sum it replaced', () => {
    const dn = draft.indicators.find((i) => i.code === 'DN-01')!;
    expect(dn.total).toBe(2);
    expect(dn.streams).toEqual([expect.objectContaining({ stream: '', value: 2 })]);
    expect(dn.derived).toMatchObject({ unitsSum: 3 });
    expect(dn.derived!.method).toContain('mỗi mã số thuế tính một lần');
    // An indicator with no derivation still sums the typed values.
    const xl = draft.indicators.find((i) => i.code === 'XL-01')!;
    expect(xl.total).toBe(20);
    expect(xl.derived ?? null).toBeNull();
  });

  it('states the method under part III’s table and gives the province row in the annex', async () => {
    const res = await focal.get(`/api/v1/cycles/${cycleId}/consolidation.docx`);
    expect(res.statusCode).toBe(200);
    const text = textOf((await openDocx(res.rawPayload)).document);
    expect(text).toContain('Ghi chú chỉ tiêu DN-01: số liệu toàn tỉnh lấy từ sổ theo dõi');
    expect(text).toContain('Tổng số liệu các đơn vị tự báo cáo là 3');
    expect(text).toContain('Toàn tỉnh (đã loại trùng)');
  });
});
