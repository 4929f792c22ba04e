import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmendmentDto, GuidanceDocumentDto, PlanDiffResponse } from '../../../shared/contracts/amendments.js';
import type { FeedbackDto } from '../../../shared/contracts/feedback.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { auditLog, planItems, planVersions } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let plan: PlanDto;
let focal: TestClient;
let leader: TestClient;
let sxdId: string;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  const list = (await focal.get('/api/v1/plans')).json();
  plan = (await focal.get(`/api/v1/plans/${list.data[0].id}`)).json();
  sxdId = await t.unitId('VL-SXD');
});
afterAll(async () => t?.close());

const item = (p: PlanDto, key: string) => p.items.find((i) => i.key === key)!;
const base = () => `/api/v1/plans/${plan.id}`;

async function sendFeedback(subject: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    payload: {
      organisation: 'UBND xã Phú Túc',
      contact: '0987654321',
      subject,
      text: 'Chưa rõ đơn vị chịu trách nhiệm xử lý chất thải xây dựng.',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function createGuidance(): Promise<GuidanceDocumentDto> {
  const res = await focal.post('/api/v1/guidance-documents', {
    number: '12/2025/TT-BNNMT',
    date: '2025-09-15',
    issuer: 'Bộ Nông nghiệp và Môi trường',
    title: 'Hướng dẫn quản lý chất thải rắn xây dựng',
    planItemIds: [item(plan, 'IV').id],
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('guidance documents', () => {
  it('are registered by the focal department, linked to plan items, and can be replaced', async () => {
    const g = await createGuidance();
    expect(g).toMatchObject({ status: 'in_force', planItems: [{ key: 'IV', label: 'IV.' }], replacedBy: null });
    const newer = (
      await focal.post('/api/v1/guidance-documents', {
        number: '20/2026/TT-BNNMT',
        date: '2026-05-01',
        issuer: 'Bộ Nông nghiệp và Môi trường',
        title: 'Hướng dẫn mới về chất thải rắn xây dựng',
      })
    ).json<GuidanceDocumentDto>();
    const replaced = await focal.patch(`/api/v1/guidance-documents/${g.id}`, {
      status: 'replaced',
      replacedById: newer.id,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      status: 'replaced',
      replacedBy: { id: newer.id, number: '20/2026/TT-BNNMT' },
    });
    const noReplacement = await focal.patch(`/api/v1/guidance-documents/${newer.id}`, { status: 'replaced' });
    expect(noReplacement.json().error.issues[0].path).toBe('replacedById');

    const byItem = (await leader.get('/api/v1/guidance-documents?planItemKey=IV')).json();
    expect(byItem.data.map((d: GuidanceDocumentDto) => d.id)).toEqual([g.id]);
    expect((await focal.get('/api/v1/guidance-documents?q=chat thai ran')).json().data).toHaveLength(2);

    const unknownItem = await focal.post('/api/v1/guidance-documents', {
      number: '1/2026',
      date: '2026-01-01',
      issuer: 'Bộ',
      title: 'X',
      planItemIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownItem.json().error.issues[0].path).toBe('planItemIds.0');
    const badDate = await focal.post('/api/v1/guidance-documents', {
      number: '1/2026',
      date: '2026-02-30',
      issuer: 'Bộ',
      title: 'X',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.issues[0].path).toBe('date');
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    expect(
      (await unit.post('/api/v1/guidance-documents', { number: '1', date: '2026-01-01', issuer: 'B', title: 'X' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await leader.post('/api/v1/guidance-documents', { number: '1', date: '2026-01-01', issuer: 'B', title: 'X' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('amendment proposals', () => {
  it('refuse changes that do not fit the current version, naming the field', async () => {
    const bad = (changes: unknown[], extra: Record<string, unknown> = {}) =>
      focal.post(`${base()}/amendments`, { summary: 'S', reasoning: 'R', feedbackIds: [], changes, ...extra });
    const unknown = await bad([
      { op: 'update', itemId: item(plan, 'IV.4').id, text: 'x' },
      { op: 'remove', itemId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('changes.1.itemId');
    expect(unknown.json().error.message).toMatch(/Mục kế hoạch không tồn tại/);
    expect((await bad([{ op: 'add', label: '8.', text: 'x' }])).json().error.issues[0].path).toBe('changes.0.kind');
    expect((await bad([{ op: 'add', kind: 'duty', label: '8.' }])).json().error.issues[0].path).toBe('changes.0.text');
    expect((await bad([{ op: 'update' }])).json().error.issues[0].path).toBe('changes.0.itemId');
    expect(
      (
        await bad([
          {
            op: 'add',
            kind: 'duty',
            label: '8.',
            text: 'x',
            assignments: [{ orgUnitId: '00000000-0000-4000-8000-000000000000', role: 'lead' }],
          },
        ])
      ).json().error.issues[0].path,
    ).toBe('changes.0.assignments.0.orgUnitId');
    expect(
      (
        await bad([{ op: 'remove', itemId: item(plan, 'IV.4').id }], {
          feedbackIds: ['00000000-0000-4000-8000-000000000000'],
        })
      ).json().error.issues[0].path,
    ).toBe('feedbackIds.0');
    expect((await bad([{ op: 'explode', itemId: item(plan, 'IV.4').id }])).json().error.issues[0].path).toBe(
      'changes.0.op',
    );
    expect((await bad([])).statusCode).toBe(400);
    expect(
      (await bad([{ op: 'update', itemId: item(plan, 'IV.4').id, text: 'x'.repeat(20_001) }])).json().error.issues[0]
        .path,
    ).toBe('changes.0.text');
    const list = (await focal.get(`${base()}/amendments`)).json();
    expect(list.data).toHaveLength(0);
  });

  it('are drafted by the focal department, submitted, and decided by a leader', async () => {
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const body = {
      summary: 'Sửa câu chữ',
      reasoning: 'Lý do',
      feedbackIds: [],
      changes: [{ op: 'update', itemId: item(plan, 'IV.4').id, title: 'Sở Tài chính' }],
    };
    expect((await unit.post(`${base()}/amendments`, body)).statusCode).toBe(403);
    expect((await leader.post(`${base()}/amendments`, body)).statusCode).toBe(403);
    expect((await unit.get(`${base()}/amendments`)).statusCode).toBe(403);

    const draft = (await focal.post(`${base()}/amendments`, body)).json<AmendmentDto>();
    expect(draft).toMatchObject({
      status: 'draft',
      basedOnVersion: 1,
      abilities: { canEdit: true, canSubmit: true, canApprove: false },
    });
    // Leaders do not see drafts, and cannot decide them.
    expect((await leader.get(`${base()}/amendments`)).json().data).toHaveLength(0);
    expect(
      (
        await leader.post(`${base()}/amendments/${draft.id}/approve`, {
          documentNumber: '1/KH',
          documentDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await focal.post(`${base()}/amendments/${draft.id}/approve`, {
          documentNumber: '1/KH',
          documentDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);

    const edited = await focal.patch(`${base()}/amendments/${draft.id}`, { ...body, summary: 'Sửa tên Sở Tài chính' });
    expect(edited.json().summary).toBe('Sửa tên Sở Tài chính');
    const submitted = (await focal.post(`${base()}/amendments/${draft.id}/submit`, {})).json<AmendmentDto>();
    expect(submitted.status).toBe('submitted');
    expect((await focal.post(`${base()}/amendments/${draft.id}/submit`, {})).statusCode).toBe(409);
    expect((await focal.patch(`${base()}/amendments/${draft.id}`, body)).statusCode).toBe(409);
    expect((await leader.get(`${base()}/amendments/${draft.id}`)).json().abilities).toMatchObject({
      canApprove: true,
      canReject: true,
      canEdit: false,
    });

    const noComment = await leader.post(`${base()}/amendments/${draft.id}/reject`, {});
    expect(noComment.json().error.issues[0].path).toBe('comment');
    const rejected = (
      await leader.post(`${base()}/amendments/${draft.id}/reject`, { comment: 'Chưa cần thiết.' })
    ).json<AmendmentDto>();
    expect(rejected).toMatchObject({ status: 'rejected', decisionComment: 'Chưa cần thiết.', resultingVersion: null });
    const late = await leader.post(`${base()}/amendments/${draft.id}/approve`, {
      documentNumber: '1/KH',
      documentDate: '2026-01-01',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/Không phê duyệt/);
    const p = (await focal.get(`/api/v1/plans/${plan.id}`)).json<PlanDto>();
    expect(p.currentVersion).toBe(1);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${draft.id}`)
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'amendment.create',
      'amendment.update',
      'amendment.submit',
      'amendment.reject',
    ]);
  });

  it('approved, make version 2: a new duty for Sở Xây dựng, a changed text, a removed item — with a diff', async () => {
    const feedbackId = await sendFeedback('Trách nhiệm về chất thải xây dựng');
    const guidance = await createGuidance();
    const iv = item(plan, 'IV');
    const iv4 = item(plan, 'IV.4');
    const iv6 = item(plan, 'IV.6');
    const removed = plan.items.find(
      (i) => i.parentId === item(plan, 'IV.5').parentId && i.key !== 'IV.4' && i.key === 'IV.3',
    )!;
    const newDuty = 'Sở Xây dựng chủ trì hướng dẫn thu gom, tái chế chất thải rắn xây dựng thành vật liệu xây dựng.';
    const created = await focal.post(`${base()}/amendments`, {
      summary: 'Bổ sung nhiệm vụ của Sở Xây dựng',
      reasoning: 'Ý kiến của xã Phú Túc và Thông tư 12/2025/TT-BNNMT.',
      feedbackIds: [feedbackId],
      guidanceDocumentIds: [guidance.id],
      changes: [
        {
          op: 'add',
          parentId: iv.id,
          kind: 'duty',
          label: '8.',
          title: 'Sở Xây dựng',
          text: newDuty,
          assignments: [{ orgUnitId: sxdId, role: 'lead' }],
        },
        {
          op: 'update',
          itemId: iv4.id,
          text: `${iv4.text ?? ''} Bố trí kinh phí cho xử lý chất thải xây dựng.`,
          assignments: [{ orgUnitId: sxdId, role: 'coordinate' }],
        },
        { op: 'remove', itemId: removed.id },
      ],
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json<AmendmentDto>();
    expect(draft.feedback).toEqual([expect.objectContaining({ id: feedbackId })]);
    expect(draft.guidanceDocuments).toEqual([expect.objectContaining({ id: guidance.id, number: '12/2025/TT-BNNMT' })]);
    expect(draft.changes.map((c) => [c.op, c.itemKey, c.parentKey])).toEqual([
      ['add', null, 'IV'],
      ['update', 'IV.4', null],
      ['remove', 'IV.3', null],
    ]);
    expect(draft.changes[0].assignments).toEqual([
      { orgUnit: expect.objectContaining({ code: 'VL-SXD' }), role: 'lead' },
    ]);
    // The feedback item shows the proposal citing it.
    const cited = (await focal.get(`/api/v1/feedback/${feedbackId}`)).json<FeedbackDto>();
    expect(cited.amendments).toEqual([expect.objectContaining({ id: draft.id, status: 'draft' })]);
    expect(cited.answeredByAmendment).toBeNull();

    await focal.post(`${base()}/amendments/${draft.id}/submit`, {});
    const badDate = await leader.post(`${base()}/amendments/${draft.id}/approve`, {
      documentNumber: '2150/KH-UBND',
      documentDate: '2026-13-01',
    });
    expect(badDate.json().error.issues[0].path).toBe('documentDate');
    const approved = await leader.post(`${base()}/amendments/${draft.id}/approve`, {
      documentNumber: '2150/KH-UBND',
      documentDate: '2026-11-15',
      comment: 'Đồng ý.',
    });
    expect(approved.statusCode).toBe(200);
    const a = approved.json<AmendmentDto>();
    expect(a).toMatchObject({
      status: 'approved',
      resultingVersion: 2,
      documentNumber: '2150/KH-UBND',
      documentDate: '2026-11-15',
      decisionComment: 'Đồng ý.',
    });
    const newKey = a.changes[0].newKey!;
    expect(newKey).toMatch(/^IV\./);

    // Version 2 is current; version 1 stays readable and unchanged.
    const v2 = (await focal.get(`/api/v1/plans/${plan.id}`)).json<PlanDto>();
    expect(v2).toMatchObject({ currentVersion: 2, version: 2 });
    const added = v2.items.find((i) => i.key === newKey)!;
    expect(added).toMatchObject({
      kind: 'duty',
      label: '8.',
      title: 'Sở Xây dựng',
      text: newDuty,
      parentId: item(v2, 'IV').id,
    });
    expect(added.assignments.map((x) => [x.orgUnit?.code, x.role])).toEqual([['VL-SXD', 'lead']]);
    // Appended at the end of section IV, after IV.7.
    const ivChildren = v2.items.filter((i) => i.parentId === item(v2, 'IV').id).map((i) => i.key);
    expect(ivChildren.at(-1)).toBe(newKey);
    expect(ivChildren).not.toContain('IV.3');
    expect(v2.items.some((i) => i.key.startsWith('IV.3.'))).toBe(false);
    expect(v2.items.length).toBe(
      plan.items.length + 1 - 1 - plan.items.filter((i) => i.parentId === removed.id).length,
    );
    expect(item(v2, 'IV.4').text).toMatch(/Bố trí kinh phí cho xử lý chất thải xây dựng\.$/);
    // The named units are replaced; the group of units the plan names stays.
    expect(
      item(v2, 'IV.4')
        .assignments.map((x) => `${x.orgUnit?.code ?? x.unitGroup},${x.role}`)
        .sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)),
    ).toEqual(['VL-SXD,coordinate', 'departments_and_localities,coordinate']);
    // Items carry new ids, same keys, parents remapped.
    expect(item(v2, 'IV.6').id).not.toBe(iv6.id);
    expect(item(v2, 'IV.6').parentId).toBe(item(v2, 'IV').id);
    expect(item(v2, 'IV.6').assignments.map((x) => x.unitGroup)).toEqual(
      item(plan, 'IV.6').assignments.map((x) => x.unitGroup),
    );
    const v1 = (await focal.get(`/api/v1/plans/${plan.id}?version=1`)).json<PlanDto>();
    expect(v1.items.map((i) => [i.id, i.key, i.text])).toEqual(plan.items.map((i) => [i.id, i.key, i.text]));

    const versions = (await leader.get(`${base()}/versions`)).json();
    expect(versions.data).toEqual([
      expect.objectContaining({ number: 1, documentNumber: '1953/KH-UBND', amendment: null, isCurrent: false }),
      expect.objectContaining({
        number: 2,
        documentNumber: '2150/KH-UBND',
        documentDate: '2026-11-15',
        amendment: { id: a.id, summary: 'Bổ sung nhiệm vụ của Sở Xây dựng' },
        isCurrent: true,
      }),
    ]);

    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const diff = (await unit.get(`${base()}/diff?from=1&to=2`)).json<PlanDiffResponse>();
    expect(diff.summary).toEqual({
      added: 1,
      removed: 1 + plan.items.filter((i) => i.parentId === removed.id).length,
      changed: 1,
    });
    const byKey = new Map(diff.items.map((d) => [d.key, d]));
    expect(byKey.get(newKey)).toMatchObject({ change: 'added', before: null, after: { text: newDuty } });
    expect(byKey.get(newKey)!.assignmentsAdded).toEqual([
      expect.objectContaining({ role: 'lead', orgUnit: expect.objectContaining({ code: 'VL-SXD' }) }),
    ]);
    expect(byKey.get('IV.3')).toMatchObject({ change: 'removed', after: null });
    const changed = byKey.get('IV.4')!;
    expect(changed.change).toBe('changed');
    expect(changed.fields).toEqual(['text', 'assignments']);
    expect(changed.assignmentsAdded.map((x) => [x.orgUnit?.code, x.role])).toEqual([['VL-SXD', 'coordinate']]);
    expect(changed.assignmentsRemoved.map((x) => [x.orgUnit?.code, x.role])).toEqual([['BT-STC', 'lead']]);
    // Document order: the removed IV.3 where it stood, before IV.4; the new duty last.
    const keys = diff.items.map((d) => d.key);
    expect(keys.indexOf('IV.3')).toBeLessThan(keys.indexOf('IV.4'));
    expect(keys.at(-1)).toBe(newKey);
    // Reversed, the same change reads the other way.
    const back = (await unit.get(`${base()}/diff?from=2&to=1`)).json<PlanDiffResponse>();
    expect(back.summary).toEqual({ added: diff.summary.removed, removed: 1, changed: 1 });
    expect((await unit.get(`${base()}/diff?from=1&to=1`)).json().items).toEqual([]);
    const noVersion = await unit.get(`${base()}/diff?from=1&to=9`);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.issues[0].path).toBe('to');
    expect((await t.app.inject({ method: 'GET', url: `${base()}/diff?from=1&to=2` })).statusCode).toBe(401);

    // The feedback shows the amendment that answered it, with its history.
    const answered = (await focal.get(`/api/v1/feedback/${feedbackId}`)).json<FeedbackDto>();
    expect(answered.answeredByAmendment).toMatchObject({
      id: a.id,
      versionNumber: 2,
      documentNumber: '2150/KH-UBND',
      status: 'approved',
    });
    expect(answered.history.map((h) => h.action)).toEqual(['created', 'linked_to_amendment', 'answered_by_amendment']);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} in ('amendment.approve', 'plan.version.create', 'feedback.answered_by_amendment')`);
    expect(audits.map((x) => x.action).sort()).toEqual([
      'amendment.approve',
      'feedback.answered_by_amendment',
      'plan.version.create',
    ]);

    // A proposal drafted on version 1 for an item removed in version 2 cannot be submitted any more.
    // (Drafted now, it must name version 2's items: version 1's ids are refused.)
    const stale = await focal.post(`${base()}/amendments`, {
      summary: 'S',
      reasoning: 'R',
      feedbackIds: [],
      changes: [{ op: 'remove', itemId: iv6.id }],
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.issues[0].path).toBe('changes.0.itemId');
  });

  it('keeps a proposal that no longer applies from being submitted, and approves nothing twice', async () => {
    const current = (await focal.get(`/api/v1/plans/${plan.id}`)).json<PlanDto>();
    const target = item(current, 'IV.5');
    const first = (
      await focal.post(`${base()}/amendments`, {
        summary: 'Bỏ IV.5',
        reasoning: 'R',
        feedbackIds: [],
        changes: [{ op: 'remove', itemId: target.id }],
      })
    ).json();
    const second = (
      await focal.post(`${base()}/amendments`, {
        summary: 'Sửa IV.5',
        reasoning: 'R',
        feedbackIds: [],
        changes: [{ op: 'update', itemId: target.id, title: 'Sở GD&ĐT' }],
      })
    ).json();
    await focal.post(`${base()}/amendments/${first.id}/submit`, {});
    const ok = await leader.post(`${base()}/amendments/${first.id}/approve`, {
      documentNumber: '3000/KH-UBND',
      documentDate: '2026-11-18',
    });
    expect(ok.json().resultingVersion).toBe(3);
    expect(
      (
        await leader.post(`${base()}/amendments/${first.id}/approve`, {
          documentNumber: '3000/KH-UBND',
          documentDate: '2026-11-18',
        })
      ).statusCode,
    ).toBe(409);
    const blocked = await focal.post(`${base()}/amendments/${second.id}/submit`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.issues[0].path).toBe('changes.0.itemId');
    expect(blocked.json().error.message).toMatch(/IV\.5/);
    const [{ n }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(planVersions)
      .where(sql`${planVersions.planId} = ${plan.id}`);
    expect(n).toBe(3);
    // Each version keeps its own full copy of the items.
    const [{ items }] = await t.database.db
      .select({ items: sql<number>`count(distinct ${planItems.versionId})::int` })
      .from(planItems);
    expect(items).toBe(3);
  });
});
