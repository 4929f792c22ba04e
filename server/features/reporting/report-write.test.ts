// The write path of a save and a submission (one guarded statement, ADR 0005):
// racing writers of one version give exactly one success, and what is stored is that writer's
// whole content, never a mix.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { reportEvents } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, validContent } from './reporting.fixtures.js';

describe('the write path of saves and submissions', () => {
  let t: TestApp;
  let focal: TestClient;
  let unit: TestClient;
  let year = 2060;

  beforeAll(async () => {
    t = await buildTestApp();
    focal = await t.loginAs('focal');
    unit = await t.loginAs('unit', { unitCode: 'VL-SYT', name: 'Nguyễn Thị Y' });
  });
  afterAll(async () => t?.close());

  /** A fresh cycle and the unit's report in it, saved once (so a later save inserts, updates and deletes rows). */
  async function savedReport(): Promise<ReportDto> {
    year += 1;
    await moveClock(t, '2026-11-20T02:00:00Z');
    const { id } = await buildCycle(t, focal, {
      year,
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
      deadline: '2026-11-30',
    });
    const r = (await unit.get(`/api/v1/cycles/${id}/my-report`)).json<ReportDto>();
    const saved = await unit.put(`/api/v1/reports/${r.id}`, validContent(r));
    expect(saved.statusCode, saved.body).toBe(200);
    return (await unit.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
  }

  /** Writer i's content: every value and section carries i, and which rows exist differs by writer. */
  function contentOf(r: ReportDto, i: number) {
    const values = [
      { indicatorCode: 'DN-01', wasteStream: null, value: 1000 + i },
      { indicatorCode: 'XL-01', wasteStream: 'medical' as const, value: i },
      ...(i % 2 === 0 ? [{ indicatorCode: 'XL-01', wasteStream: 'domestic' as const, value: 500 + i }] : []),
      ...(i % 3 === 0 ? [{ indicatorCode: 'XL-01', wasteStream: 'industrial' as const, value: 700 + i }] : []),
    ];
    const sections = r.form.sections
      .filter((_, k) => i % 2 === 0 || k > 0)
      .map((s) => ({ planItemId: s.planItemId, results: `Bản ${i}, mục ${s.key}`, difficulties: '', proposals: '' }));
    return { version: r.version, values, sections, otherResults: `Bản ${i}`, proposalsToCommittee: '' };
  }

  it('30 saves of one version at once: exactly one lands, whole; the 29 others answer 409 and store nothing', async () => {
    const r = await savedReport();
    const contents = Array.from({ length: 30 }, (_, i) => contentOf(r, i));
    const answers = await Promise.all(contents.map((c) => unit.put(`/api/v1/reports/${r.id}`, c)));
    const codes = answers.map((a) => a.statusCode);
    expect(
      codes.filter((c) => c === 200),
      JSON.stringify(codes),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(29);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.code).toBe('CONFLICT');
    const won = contents[codes.indexOf(200)];
    const read = (await unit.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
    const byKey = <T extends { indicatorCode: string; wasteStream?: string | null }>(xs: T[]) =>
      [...xs].sort((a, b) =>
        `${a.indicatorCode}/${a.wasteStream ?? ''}`.localeCompare(`${b.indicatorCode}/${b.wasteStream ?? ''}`),
      );
    expect(read.version).toBe(r.version + 1);
    expect(read.otherResults).toBe(won.otherResults);
    expect(byKey(read.values)).toEqual(byKey(won.values));
    const bySection = (xs: typeof won.sections) => [...xs].sort((a, b) => a.planItemId.localeCompare(b.planItemId));
    expect(bySection(read.sections)).toEqual(bySection(won.sections));
    const saves = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, r.id), eq(reportEvents.action, 'save')));
    // The same person's consecutive saves make one history line: the winner's, at its version.
    expect(saves.map((s) => s.version)).toEqual([r.version + 1]);
  });

  it('20 submissions of one version at once, half with one Idempotency-Key: one submission is recorded', async () => {
    const r = await savedReport();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        unit.post(`/api/v1/reports/${r.id}/submit`, undefined, {
          'idempotency-key': i % 2 === 0 ? 'same-key' : `key-${i}`,
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    // The one that lands, and the retries of its key (answered the report as it is), are 200s; the others are 409s.
    expect(
      codes.every((c) => c === 200 || c === 409),
      JSON.stringify(codes),
    ).toBe(true);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
    const submits = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, r.id), eq(reportEvents.action, 'submit')));
    expect(submits).toHaveLength(1);
    const read = (await unit.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
    expect(read).toMatchObject({ status: 'submitted', version: r.version + 1 });
  });
});
