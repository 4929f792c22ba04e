// An approved version with a future effective date becomes the plan in force on that day (a
// Vietnamese calendar day), not before: the plan page, its items and new cycles read it then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmendmentDto, PlanVersionDto } from '../../../shared/contracts/amendments.js';
import type { PlanDto, PlanSummaryDto } from '../../../shared/contracts/plans.js';
import { moveClock } from '../../test/cycles.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let plan: PlanDto;
const base = () => `/api/v1/plans/${plan.id}`;
const NEW_TEXT = 'Chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch từ năm 2026.';

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-01T02:00:00Z' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  const list = (await focal.get('/api/v1/plans')).json();
  plan = (await focal.get(`/api/v1/plans/${list.data[0].id}`)).json();
});
afterAll(async () => t?.close());

async function submittedDraft(): Promise<AmendmentDto> {
  const iv4 = plan.items.find((i) => i.key === 'IV.4')!;
  const draft = (
    await focal.post(`${base()}/amendments`, {
      summary: 'Giao Sở Tài chính chủ trì về kinh phí',
      reasoning: 'Theo đề nghị của Sở Tài chính',
      feedbackIds: [],
      changes: [{ op: 'update', itemId: iv4.id, text: NEW_TEXT }],
    })
  ).json<AmendmentDto>();
  expect((await focal.post(`${base()}/amendments/${draft.id}/submit`, {})).statusCode).toBe(200);
  return draft;
}

const summary = async () => (await focal.get('/api/v1/plans')).json<{ data: PlanSummaryDto[] }>().data[0];
const iv4Text = async () => (await focal.get(base())).json<PlanDto>().items.find((i) => i.key === 'IV.4')!.text;

describe('effective dates', () => {
  it('an effective date before the document date is a 400 naming the field', async () => {
    const draft = await submittedDraft();
    const bad = await leader.post(`${base()}/amendments/${draft.id}/approve`, {
      documentNumber: '300/KH-UBND',
      documentDate: '2026-03-01',
      effectiveDate: '2026-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('effectiveDate');
    expect(bad.json().error.issues[0].message).toContain('01/02/2026');
    const rejected = await leader.post(`${base()}/amendments/${draft.id}/reject`, { comment: 'Soạn lại' });
    expect(rejected.statusCode).toBe(200);
  });

  it('a version approved for 01/4/2026 is scheduled until then and in force from that day', async () => {
    const draft = await submittedDraft();
    const approved = await leader.post(`${base()}/amendments/${draft.id}/approve`, {
      documentNumber: '301/KH-UBND',
      documentDate: '2026-03-01',
      effectiveDate: '2026-04-01',
    });
    expect(approved.statusCode).toBe(200);

    // Before the day: version 1 stays current; version 2 is announced as scheduled.
    expect(await summary()).toMatchObject({
      currentVersion: 1,
      scheduledVersion: { number: 2, effectiveDate: '2026-04-01' },
    });
    expect((await focal.get(base())).json<PlanDto>().version).toBe(1);
    expect(await iv4Text()).not.toBe(NEW_TEXT);
    const versions = (await focal.get(`${base()}/versions`)).json<{ data: PlanVersionDto[] }>().data;
    expect(versions.map((v) => [v.number, v.isCurrent, v.isScheduled])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    // The scheduled version can still be read by number.
    expect((await focal.get(`${base()}?version=2`)).json<PlanDto>().items.find((i) => i.key === 'IV.4')!.text).toBe(
      NEW_TEXT,
    );
    // 23:59 on 31/3 in Vietnam is still the day before.
    await moveClock(t, '2026-03-31T16:59:00Z');
    expect((await summary()).currentVersion).toBe(1);
    const cycle = await focal.post('/api/v1/cycles', { planId: plan.id, year: 2026 });
    expect(cycle.statusCode).toBe(201);

    // 00:00 on 1/4 in Vietnam: version 2 is in force.
    await moveClock(t, '2026-03-31T17:00:00Z');
    expect(await summary()).toMatchObject({ currentVersion: 2, scheduledVersion: null });
    expect(await iv4Text()).toBe(NEW_TEXT);
    const after = (await focal.get(`${base()}/versions`)).json<{ data: PlanVersionDto[] }>().data;
    expect(after.map((v) => [v.number, v.isCurrent, v.isScheduled])).toEqual([
      [1, false, false],
      [2, true, false],
    ]);
    // Opening freezes the version in force on the day of opening.
    const opened = await focal.post(`/api/v1/cycles/${cycle.json().id}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().planVersion).toBe(2);
  });
});
