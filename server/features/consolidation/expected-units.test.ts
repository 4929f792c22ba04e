import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../../shared/contracts/home.js';
import type { CompletenessResponse } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { loadCompileInput } from './consolidation.repository.js';
import { expectedUnits } from './compile.js';
import { buildCycle, moveClock, submitValid } from '../reporting/reporting.fixtures.js';

// The focal department (Sở Nông nghiệp và Môi trường) compiles the province's report and does not
// report to itself: the board, the home queue, the reminders and the consolidation agree on that.

let t: TestApp;
let focal: TestClient;
let cycleId: string;
let focalUnitId: string;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  await moveClock(t, '2026-11-20T02:00:00Z');
  ({ id: cycleId } = await buildCycle(t, focal, { year: 2026, deadline: '2026-11-30' }));
});
afterAll(async () => t?.close());

const board = async (qs = '') => {
  const res = await focal.get(`/api/v1/cycles/${cycleId}/completeness${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json<CompletenessResponse>();
};
const codes = (b: CompletenessResponse) => b.units.map((u) => u.unit.code);

describe('the compiling agency is not an expected unit', () => {
  it('is in the frozen list, yet neither counted nor listed as missing on the board, home and reminders', async () => {
    const input = (await loadCompileInput(t.database.db, cycleId, true))!;
    const frozen = input.units.find((u) => u.code === 'VL-SNNMT');
    expect(frozen).toBeDefined();
    focalUnitId = frozen!.orgUnitId;
    const consolidated = expectedUnits(input);

    const all = await board('?pageSize=200');
    expect(all.expected).toBe(consolidated.length);
    expect(all.expected).toBe(input.units.length - 1);
    expect(all.missing).toBe(all.expected);
    expect(codes(all)).not.toContain('VL-SNNMT');
    expect(codes(await board('?status=missing&pageSize=200'))).not.toContain('VL-SNNMT');
    expect(all.byKind.reduce((n, k) => n + k.expected, 0)).toBe(all.expected);

    const home = (await focal.get('/api/v1/home')).json<Extract<HomeResponse, { role: 'focal' }>>();
    expect(home.cycle!.counts!.expected).toBe(all.expected);
    expect(home.missingUnits.map((u) => u.unit.code)).not.toContain('VL-SNNMT');

    const sent = await focal.post(`/api/v1/cycles/${cycleId}/reminders`, { orgUnitIds: [focalUnitId] });
    expect(sent.statusCode).toBeLessThan(300);
    expect(JSON.stringify(sent.json())).not.toContain('VL-SNNMT');
  });

  it('counts and lists it once it did send a report, as the consolidation does', async () => {
    const own = await t.loginAs('unit', { unitCode: 'VL-SNNMT' });
    await submitValid(own, cycleId);
    const input = (await loadCompileInput(t.database.db, cycleId, true))!;
    const after = await board('?pageSize=200');
    expect(after.expected).toBe(input.units.length);
    expect(after.expected).toBe(expectedUnits(input).length);
    expect(codes(after)).toContain('VL-SNNMT');
    expect(after.submitted).toBe(1);
  });
});
