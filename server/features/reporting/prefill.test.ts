// The yearly report prefilled from the registries (issue 12): the values a unit's records give over
// the cycle's data window (its edges in Vietnam time), the review's difference, the narrative
// prefill, and who may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDerivedResponse } from '../../../shared/contracts/prefill.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';
import { buildCycle, moveClock } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let health: TestClient;
let finance: TestClient;
let healthReport: ReportDto;
let financeReport: ReportDto;
let healthUnitId: string;
let inWindow: string;

const derivedOf = async (c: TestClient, reportId: string) => {
  const res = await c.get(`/api/v1/reports/${reportId}/derived`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReportDerivedResponse>();
};
const dn01 = (d: ReportDerivedResponse) => d.values.find((v) => v.indicatorCode === 'DN-01')!;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  healthUnitId = await t.unitId('VL-SYT');
  await moveClock(t, '2026-11-20T02:00:00Z');
  // The data window ends on 30 November (Vietnam days): the report is written in December.
  const cycle = await buildCycle(t, focal, { windowEnd: '2026-11-30', deadline: '2026-12-31' });
  healthReport = (await health.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
  financeReport = (await finance.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();

  // 23:59 on the window's last day, Vietnam time: in the window.
  await moveClock(t, '2026-11-30T16:59:00Z');
  inWindow = (
    await addEnterprise(health, {
      taxCode: validTaxCode(7001),
      name: 'Công ty Vi sinh Cuối Kỳ',
      industrialYears: [2026],
    })
  ).id;
  // Not producing at industrial scale in 2026: not counted, whenever recorded.
  await addEnterprise(health, { taxCode: validTaxCode(7101), name: 'Công ty Năm Trước', industrialYears: [2025] });
  // 00:00 on 1 December, Vietnam time (still 30 November in UTC): after the window.
  await moveClock(t, '2026-11-30T17:00:00Z');
  await addEnterprise(health, { taxCode: validTaxCode(7201), name: 'Công ty Đầu Tháng', industrialYears: [2026] });
}, 120_000);
afterAll(async () => t?.close());

describe("a unit's derived values", () => {
  it('counts the firm recorded at 23:59 on the last day and not the one recorded at 00:00 the next (Vietnam time)', async () => {
    const d = await derivedOf(health, healthReport.id);
    expect(d.window).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    const v = dn01(d);
    expect(v.value).toBe(1);
    expect(v.wasteStream).toBeNull();
    expect(v.method.vi).toContain('mã số thuế');
    expect(v.method.en).toContain('tax code');
    expect(v.link).toBe(`/doanh-nghiep?nam=2026&don-vi=${healthUnitId}`);
    // The records behind the link: the unit's firms, the year's producers only.
    const listed = await health.get(`/api/v1/registries/enterprises?industrialYear=2026&reportedBy=${healthUnitId}`);
    expect(
      listed
        .json()
        .data.map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(['Công ty Vi sinh Cuối Kỳ', 'Công ty Đầu Tháng']);
  });

  it("counts for another unit the firm it observed for the window's year, and nothing before", async () => {
    expect(dn01(await derivedOf(finance, financeReport.id)).value).toBe(0);
    const obs = await finance.post(`/api/v1/registries/enterprises/${inWindow}/observations`, {
      year: 2026,
      note: 'Sở Tài chính ghi nhận',
    });
    expect(obs.statusCode, obs.body).toBeLessThan(300);
    expect(dn01(await derivedOf(finance, financeReport.id)).value).toBe(1);
  });

  it('offers each narrative section a text from the records of the window', async () => {
    const d = await derivedOf(health, healthReport.id);
    expect(d.narratives.length).toBe(healthReport.form.sections.length + 1);
    expect(d.narratives[0].results).toContain('(DN-01): 1');
    expect(d.narratives[0].results).toContain('30/11/2026');
  });

  it("puts the unit's activities of the window under the section of the plan item they serve", async () => {
    const section = healthReport.form.sections[0];
    const res = await health.post('/api/v1/activities', {
      title: 'Tập huấn xử lý chất thải y tế bằng chế phẩm sinh học',
      planItemKeys: [section.key],
      period: { kind: 'quarter', year: 2026, number: 2 },
      budget: 1.5,
      budgetSource: 'provincial',
      expectedOutput: '02 lớp tập huấn',
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = await derivedOf(health, healthReport.id);
    const own = d.narratives.find((n) => n.planItemId === section.planItemId)!;
    expect(own.results).toContain('Tập huấn xử lý chất thải y tế bằng chế phẩm sinh học');
    expect(own.results).toContain('Kết quả dự kiến: 02 lớp tập huấn.');
    const others = d.narratives.filter((n) => n.planItemId !== section.planItemId);
    expect(others.some((n) => n.results.includes('Tập huấn xử lý chất thải y tế'))).toBe(false);
  });
});

describe('the review', () => {
  it('shows the focal officer where the typed value differs from the derived one', async () => {
    const before = dn01(await derivedOf(focal, healthReport.id));
    expect(before).toMatchObject({ typed: null, differs: false });
    const saved = await health.put(`/api/v1/reports/${healthReport.id}`, {
      version: healthReport.version,
      values: [{ indicatorCode: 'DN-01', value: 4 }],
      sections: [],
      otherResults: '',
      proposalsToCommittee: '',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(dn01(await derivedOf(focal, healthReport.id))).toMatchObject({ value: 1, typed: 4, differs: true });
    const again = await health.put(`/api/v1/reports/${healthReport.id}`, {
      version: saved.json().version,
      values: [{ indicatorCode: 'DN-01', value: 1 }],
      sections: [],
      otherResults: '',
      proposalsToCommittee: '',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(dn01(await derivedOf(focal, healthReport.id))).toMatchObject({ value: 1, typed: 1, differs: false });
  });

  it("answers 404 to another unit's officer and 401 without an account", async () => {
    expect((await finance.get(`/api/v1/reports/${healthReport.id}/derived`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${healthReport.id}/derived` })).statusCode).toBe(
      401,
    );
  });
});
