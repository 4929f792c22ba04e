// Test factories of the reporting area (docs/CONVENTIONS.md §9): each test builds what it needs.
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import type { TestClient } from '../../test/harness.js';

export { buildCycle, moveClock, planId } from '../../test/cycles.js';

/** A content that passes every rule of the report's form. */
export function validContent(r: ReportDto) {
  return {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 2 },
      { indicatorCode: 'XL-01', wasteStream: 'medical' as const, value: 120.5 },
      { indicatorCode: 'XL-01', wasteStream: 'domestic' as const, value: 30 },
    ],
    sections: r.form.sections.map((s) => ({
      planItemId: s.planItemId,
      results: `Kết quả mục ${s.key}`,
      difficulties: '',
      proposals: '',
    })),
    otherResults: 'Không',
    proposalsToCommittee: '',
  };
}

/** Opens the unit's report, fills it validly and submits it; answers the submitted report. */
export async function submitValid(unit: TestClient, cycleId: string, key?: string): Promise<ReportDto> {
  const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
  const saved = await unit.put(`/api/v1/reports/${r.id}`, validContent(r));
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const sub = await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, key ? { 'idempotency-key': key } : {});
  if (sub.statusCode !== 200) throw new Error(`submit: ${sub.statusCode} ${sub.body}`);
  return sub.json();
}

/** Fills and submits the unit's report with the given values and narrative; answers the report. */
export async function submitReport(
  unit: TestClient,
  cycleId: string,
  o: { xlMedical?: number; results?: (key: string) => string; difficulties?: string; proposals?: string } = {},
): Promise<ReportDto> {
  const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
  const saved = await unit.put(`/api/v1/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 2 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: o.xlMedical ?? 120.5 },
      { indicatorCode: 'XL-01', wasteStream: 'domestic', value: 1234.5 },
    ],
    sections: r.form.sections.map((s, i) => ({
      planItemId: s.planItemId,
      results: o.results ? o.results(s.key) : `Kết quả mục ${s.key} của đơn vị.`,
      difficulties: i === 0 ? (o.difficulties ?? '') : '',
      proposals: i === 0 ? (o.proposals ?? '') : '',
    })),
    otherResults: '',
    proposalsToCommittee: '',
  });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const sub = await unit.post(`/api/v1/reports/${r.id}/submit`);
  if (sub.statusCode !== 200) throw new Error(`submit: ${sub.statusCode} ${sub.body}`);
  return sub.json();
}
