// Test factories of the reporting area (docs/CONVENTIONS.md §9): each test builds what it needs.
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { sessions } from '../../db/schema/index.js';
import type { TestApp, TestClient } from '../../test/harness.js';

/**
 * Moves the test clock and keeps the signed-in sessions alive (they expire 8 hours after their
 * last use, and signing in again is rate-limited per address).
 */
export async function moveClock(t: TestApp, at: string): Promise<void> {
  t.clock.set(at);
  await t.database.db.update(sessions).set({ expiresAt: new Date(Date.parse(at) + 30 * 86_400_000) });
}

/** The plan id of the seeded Kế hoạch 1953/KH-UBND. */
export async function planId(c: TestClient): Promise<string> {
  return (await c.get('/api/v1/plans')).json().data[0].id;
}

/** Creates (and by default opens) a cycle through the API as a focal officer. */
export async function buildCycle(
  t: TestApp,
  focal: TestClient,
  opts: { year?: number; deadline?: string; graceDays?: number; open?: boolean; windowStart?: string; windowEnd?: string } = {},
): Promise<{ id: string; year: number }> {
  const year = opts.year ?? 2026;
  const res = await focal.post('/api/v1/cycles', {
    planId: await planId(focal),
    year,
    ...(opts.deadline ? { deadline: opts.deadline } : {}),
    ...(opts.windowStart ? { windowStart: opts.windowStart } : {}),
    ...(opts.windowEnd ? { windowEnd: opts.windowEnd } : {}),
    graceDays: opts.graceDays ?? 0,
  });
  if (res.statusCode !== 201) throw new Error(`cycle: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (opts.open !== false) {
    const o = await focal.post(`/api/v1/cycles/${id}/open`);
    if (o.statusCode !== 200) throw new Error(`open: ${o.statusCode} ${o.body}`);
  }
  return { id, year };
}

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
    sections: r.form.sections.map((s) => ({ planItemId: s.planItemId, results: `Kết quả mục ${s.key}`, difficulties: '', proposals: '' })),
    otherResults: 'Không',
    proposalsToCommittee: '',
  };
}

/** Opens the unit's report, fills it validly and submits it; answers the submitted report. */
export async function submitValid(unit: TestClient, cycleId: string, key?: string): Promise<ReportDto> {
  const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json() as ReportDto;
  const saved = await unit.put(`/api/v1/reports/${r.id}`, validContent(r));
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const sub = await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, key ? { 'idempotency-key': key } : {});
  if (sub.statusCode !== 200) throw new Error(`submit: ${sub.statusCode} ${sub.body}`);
  return sub.json();
}
