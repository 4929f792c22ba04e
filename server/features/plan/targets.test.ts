import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmendmentDto, PlanDiffResponse } from '../../../shared/contracts/amendments.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import type { TargetListResponse } from '../../../shared/contracts/targets.js';
import { auditLog, plans } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { publicTargets, targetsInForce } from './index.js';

let t: TestApp;
let planId: string;
let focal: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  planId = (await focal.get('/api/v1/plans')).json().data[0].id;
});
afterAll(async () => t?.close());

const base = () => `/api/v1/plans/${planId}`;
const propose = (changes: unknown[]) =>
  focal.post(`${base()}/amendments`, {
    summary: 'Nhập số liệu cơ sở năm 2024 của chỉ tiêu DN-01',
    reasoning: 'Sở NN&MT đã rà soát số doanh nghiệp năm 2024.',
    feedbackIds: [],
    changes,
  });

describe('plan targets', () => {
  it('the seed plan carries QĐ 1639’s target with its baseline not entered', async () => {
    const res = await focal.get(`${base()}/targets`);
    expect(res.statusCode).toBe(200);
    const body = res.json<TargetListResponse>();
    expect(body.version).toBe(1);
    expect(body.data).toEqual([
      expect.objectContaining({
        indicatorCode: 'DN-01',
        indicatorUnit: 'doanh nghiệp',
        baseline: { year: 2024, value: null },
        target: { year: 2030, value: null, change: { kind: 'percent', amount: 10 } },
        direction: 'increase',
        source: 'QĐ 1639/QĐ-TTg',
        targetValue: null,
      }),
    ]);
    expect(await targetsInForce(t.database.db, planId, t.clock.now())).toEqual(body.data);
    expect((await publicTargets(t.database.db, t.clock.now()))?.data).toEqual(body.data);
    // Every signed-in role reads them; nobody without an account.
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    expect((await unit.get(`${base()}/targets`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${base()}/targets` })).statusCode).toBe(401);
    expect((await focal.get(`/api/v1/plans/00000000-0000-4000-8000-000000000000/targets`)).statusCode).toBe(404);
  });

  it('refuses a target change naming the field, in Vietnamese, and stores nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ op: 'update', target: { indicatorCode: 'XX-99', baselineValue: 1 } }, 'changes.0.target.indicatorCode'],
      [{ op: 'add', target: { indicatorCode: 'DN-01', targetYear: 2030 } }, 'changes.0.target.indicatorCode'],
      [{ op: 'update', target: { indicatorCode: 'DN-02', baselineValue: 1 } }, 'changes.0.target.indicatorCode'],
      [{ op: 'update', target: { indicatorCode: 'DN-01', baselineValue: -3 } }, 'changes.0.target.baselineValue'],
      [{ op: 'update', target: { indicatorCode: 'DN-01', targetYear: 2020 } }, 'changes.0.target.targetYear'],
      [{ op: 'update', target: { indicatorCode: 'DN-01', changeAmount: -10 } }, 'changes.0.target.changeAmount'],
      [{ op: 'update', target: { indicatorCode: 'DN-01', source: '' } }, 'changes.0.target.source'],
      [
        { op: 'update', target: { indicatorCode: 'DN-01', targetValue: 50, changeKind: 'percent' } },
        'changes.0.target.targetValue',
      ],
      [
        {
          op: 'add',
          target: {
            indicatorCode: 'DN-02',
            targetYear: 2030,
            changeKind: 'percent',
            changeAmount: 5,
            direction: 'increase',
            source: 'QĐ',
          },
        },
        'changes.0.target.baselineYear',
      ],
      [
        { op: 'add', target: { indicatorCode: 'DN-02', targetYear: 2030, targetValue: 5, source: 'QĐ' } },
        'changes.0.target.direction',
      ],
      [
        { op: 'update', itemId: '00000000-0000-4000-8000-000000000000', target: { indicatorCode: 'DN-01' } },
        'changes.0.itemId',
      ],
      [{ op: 'update', target: { indicatorCode: 'DN-01', baselineYear: 2024 } }, 'changes.0.target'],
      [{ op: 'update', target: { indicatorCode: 'DN-01', targetYear: 2030.5 } }, 'changes.0.target.targetYear'],
    ];
    for (const [change, path] of cases) {
      const res = await propose([change]);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const error = res.json().error;
      expect(error.issues[0].path, JSON.stringify(change)).toBe(path);
      expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    // A figure the schema refuses is named in words too.
    const fraction = await propose([{ op: 'update', target: { indicatorCode: 'DN-01', targetYear: 2030.5 } }]);
    expect(fraction.json().error.issues[0].message).toMatch(/^Năm mục tiêu/);
    const twice = await propose([
      { op: 'update', target: { indicatorCode: 'DN-01', baselineValue: 1 } },
      { op: 'remove', target: { indicatorCode: 'DN-01' } },
    ]);
    expect(twice.json().error.issues[0].path).toBe('changes.1.target.indicatorCode');
    expect((await focal.get(`${base()}/amendments`)).json().data).toHaveLength(0);
  });

  it('only the focal department proposes, only a leader decides; the new version carries the baseline, the old keeps none', async () => {
    const change = { op: 'update', target: { indicatorCode: 'DN-01', baselineValue: 40 } };
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const body = { summary: 'S', reasoning: 'R', feedbackIds: [], changes: [change] };
    expect((await unit.post(`${base()}/amendments`, body)).statusCode).toBe(403);
    expect((await leader.post(`${base()}/amendments`, body)).statusCode).toBe(403);

    const draft = (await propose([change])).json<AmendmentDto>();
    expect(draft.changes[0]).toMatchObject({
      op: 'update',
      itemKey: null,
      target: {
        indicatorCode: 'DN-01',
        indicatorUnit: 'doanh nghiệp',
        before: { baseline: { year: 2024, value: null }, targetValue: null },
        after: {
          baseline: { year: 2024, value: 40 },
          target: { change: { kind: 'percent', amount: 10 } },
          targetValue: 44,
        },
      },
    });
    expect((await focal.post(`${base()}/amendments/${draft.id}/submit`, {})).statusCode).toBe(200);
    const approveBody = { documentNumber: '2150/KH-UBND', documentDate: '2026-11-15' };
    expect((await focal.post(`${base()}/amendments/${draft.id}/approve`, approveBody)).statusCode).toBe(403);
    expect((await unit.post(`${base()}/amendments/${draft.id}/approve`, approveBody)).statusCode).toBe(403);
    const approved = await leader.post(`${base()}/amendments/${draft.id}/approve`, approveBody);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<AmendmentDto>().resultingVersion).toBe(2);

    const now = (await focal.get(`${base()}/targets`)).json<TargetListResponse>();
    expect(now.version).toBe(2);
    expect(now.data[0]).toMatchObject({ baseline: { year: 2024, value: 40 }, targetValue: 44 });
    const old = (await focal.get(`${base()}/targets?version=1`)).json<TargetListResponse>();
    expect(old.data[0]).toMatchObject({ baseline: { year: 2024, value: null }, targetValue: null });
    // Items were copied as before.
    const v2 = (await focal.get(`/api/v1/plans/${planId}`)).json<PlanDto>();
    expect(v2.version).toBe(2);
    expect(v2.items.length).toBeGreaterThan(10);

    const diff = (await focal.get(`${base()}/diff?from=1&to=2`)).json<PlanDiffResponse>();
    expect(diff.items).toEqual([]);
    expect(diff.targets).toEqual([
      expect.objectContaining({
        indicatorCode: 'DN-01',
        change: 'changed',
        fields: ['baseline'],
        before: expect.objectContaining({ baseline: { year: 2024, value: null } }),
        after: expect.objectContaining({ baseline: { year: 2024, value: 40 }, targetValue: 44 }),
      }),
    ]);

    const lines = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planId), like(auditLog.action, 'plan.target.%')));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: 'plan.target.update', actorId: leader.user.id });
    expect(lines[0].data).toMatchObject({
      version: 2,
      indicatorCode: 'DN-01',
      from: { baselineValue: null },
      to: { baselineValue: 40 },
    });
    const created = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'amendment.create')));
    expect(created).toHaveLength(1);
  });

  it('adds and removes targets through amendments; a plan may have none', async () => {
    const added = (
      await propose([
        {
          op: 'add',
          target: {
            indicatorCode: 'DN-02',
            baselineYear: 2024,
            baselineValue: 3,
            targetYear: 2030,
            changeKind: 'absolute',
            changeAmount: 5,
            direction: 'increase',
            source: 'QĐ 1639/QĐ-TTg',
          },
        },
        { op: 'remove', target: { indicatorCode: 'DN-01' } },
      ])
    ).json<AmendmentDto>();
    expect(added.changes[1].target).toMatchObject({ before: { indicatorCode: 'DN-01' }, after: null });
    await focal.post(`${base()}/amendments/${added.id}/submit`, {});
    const approved = await leader.post(`${base()}/amendments/${added.id}/approve`, {
      documentNumber: '2200/KH-UBND',
      documentDate: '2026-11-18',
    });
    expect(approved.statusCode).toBe(200);
    const targets = (await focal.get(`${base()}/targets`)).json<TargetListResponse>();
    expect(targets.data.map((x) => [x.indicatorCode, x.targetValue])).toEqual([['DN-02', 8]]);
    const diff = (await focal.get(`${base()}/diff?from=1&to=3`)).json<PlanDiffResponse>();
    expect(diff.targets.map((x) => [x.indicatorCode, x.change])).toEqual([
      ['DN-02', 'added'],
      ['DN-01', 'removed'],
    ]);

    const none = (await propose([{ op: 'remove', target: { indicatorCode: 'DN-02' } }])).json<AmendmentDto>();
    await focal.post(`${base()}/amendments/${none.id}/submit`, {});
    await leader.post(`${base()}/amendments/${none.id}/approve`, {
      documentNumber: '2300/KH-UBND',
      documentDate: '2026-11-19',
    });
    expect((await focal.get(`${base()}/targets`)).json<TargetListResponse>().data).toEqual([]);
    expect((await focal.get(`/api/v1/plans/${planId}`)).statusCode).toBe(200);
    expect((await focal.get(`${base()}/diff?from=3&to=4`)).json<PlanDiffResponse>().targets).toHaveLength(1);
  });

  it('a proposal whose target was removed meanwhile cannot be submitted', async () => {
    const add = {
      op: 'add',
      target: {
        indicatorCode: 'DN-01',
        baselineYear: 2024,
        targetYear: 2030,
        changeKind: 'percent',
        changeAmount: 10,
        direction: 'increase',
        source: 'QĐ 1639/QĐ-TTg',
      },
    };
    const first = (await propose([add])).json<AmendmentDto>();
    const second = (await propose([add])).json<AmendmentDto>();
    await focal.post(`${base()}/amendments/${first.id}/submit`, {});
    await leader.post(`${base()}/amendments/${first.id}/approve`, {
      documentNumber: '2400/KH-UBND',
      documentDate: '2026-11-20',
    });
    const late = await focal.post(`${base()}/amendments/${second.id}/submit`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.issues[0].path).toBe('changes.0.target.indicatorCode');
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, planId));
    expect(row.currentVersion).toBe(5);
  });
});
