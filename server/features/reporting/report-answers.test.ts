import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, validContent } from './reporting.fixtures.js';

// Save and submit answer from what they hold instead of reading the report again: their answer
// must be exactly what a fresh read returns (values dropped when empty, ordered; sections in
// form order; totals; last year's values).
let t: TestApp;
let focal: TestClient;
let unit: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await moveClock(t, '2026-11-20T02:00:00Z');
});
afterAll(async () => t?.close());

const cycleOf = (year: number) =>
  buildCycle(t, focal, { year, windowStart: '2026-01-01', windowEnd: '2026-12-31', deadline: '2026-11-30' });

describe('the answer of a save or a submission', () => {
  it('is what a fresh read returns', async () => {
    // Last year's accepted report, so the answers carry previous values too.
    const { id: last } = await cycleOf(2070);
    const r0 = (await unit.get(`/api/v1/cycles/${last}/my-report`)).json<ReportDto>();
    expect((await unit.put(`/api/v1/reports/${r0.id}`, validContent(r0))).statusCode).toBe(200);
    expect((await unit.post(`/api/v1/reports/${r0.id}/submit`)).statusCode).toBe(200);
    expect((await focal.post(`/api/v1/reports/${r0.id}/accept`)).statusCode).toBe(200);

    const { id: cycleId } = await cycleOf(2071);
    const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    expect(r.previous).toMatchObject({ year: 2070, reportId: r0.id });
    const content = validContent(r);
    // Shuffled values with empty ones, sections in reverse order.
    const body = {
      ...content,
      values: [
        { indicatorCode: 'XL-01', wasteStream: 'domestic' as const, value: 30 },
        { indicatorCode: 'DN-01', value: 2 },
        { indicatorCode: 'XL-01', wasteStream: 'agri' as const, value: null },
        { indicatorCode: 'KH-00', value: true },
        { indicatorCode: 'XL-01', wasteStream: 'medical' as const, value: 120.5 },
      ],
      sections: [...content.sections]
        .reverse()
        .map((s, i) => ({ ...s, difficulties: i === 0 ? 'Thiếu kinh phí' : '' })),
    };
    const saved = await unit.put(`/api/v1/reports/${r.id}`, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual((await unit.get(`/api/v1/reports/${r.id}`)).json());
    expect(saved.json<ReportDto>().values.map((v) => `${v.indicatorCode}.${v.wasteStream ?? ''}`)).toEqual([
      'DN-01.',
      'KH-00.',
      'XL-01.domestic',
      'XL-01.medical',
    ]);

    // A second save changes one value and removes another; the answer still matches a read.
    const again = await unit.put(`/api/v1/reports/${r.id}`, {
      ...body,
      version: saved.json<ReportDto>().version,
      values: body.values
        .filter((v) => v.indicatorCode !== 'XL-01' || v.wasteStream !== 'domestic')
        .map((v) => (v.indicatorCode === 'DN-01' ? { ...v, value: 5 } : v)),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual((await unit.get(`/api/v1/reports/${r.id}`)).json());
    expect(again.json<ReportDto>().totals).toEqual(expect.arrayContaining([{ indicatorCode: 'XL-01', total: 120.5 }]));

    const submitted = await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'answers-1' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual((await unit.get(`/api/v1/reports/${r.id}`)).json());
    const replay = await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'answers-1' });
    expect(replay.json()).toEqual(submitted.json());
  });
});
