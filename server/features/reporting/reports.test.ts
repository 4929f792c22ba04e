import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { auditLog, reportEvents, reports } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, validContent } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let leader: TestClient;
let health: TestClient;
let health2: TestClient;
let finance: TestClient;
let admin: TestClient;
let sct: TestClient;

async function signInAll() {
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT', name: 'Nguyễn Thị Y' });
  health2 = await t.loginAs('unit', { unitCode: 'VL-SYT', name: 'Trần Văn Tế' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  admin = await t.loginAs('admin');
  sct = await t.loginAs('unit', { unitCode: 'VL-SCT' });
}

beforeAll(async () => {
  t = await buildTestApp();
  await signInAll();
});
afterAll(async () => t?.close());

/**
 * A fresh cycle per test: a year of its own (the cycle's label), with the 2026 calendar (data
 * window 2026, deadline 30/11/2026) and the clock on 20/11/2026 at 09:00 Vietnam time.
 */
let year = 2040;
async function freshCycle(opts: { graceDays?: number } = {}) {
  year += 1;
  await moveClock(t, '2026-11-20T02:00:00Z');
  return buildCycle(t, focal, {
    year,
    graceDays: opts.graceDays ?? 0,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
}
const myReport = async (c: TestClient, cycleId: string) =>
  (await c.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();

describe('the workflow', () => {
  it('draft → submitted → returned (reason) → submitted again → accepted, with history and diff', async () => {
    const { id: cycleId } = await freshCycle();
    const r = await myReport(health, cycleId);
    expect(r).toMatchObject({
      status: 'draft',
      version: 1,
      orgUnitId: await t.unitId('VL-SYT'),
      unit: { name: 'Sở Y tế' },
    });
    expect(r.abilities).toMatchObject({ canEdit: true, canSubmit: true, canReturn: false });
    expect(r.form.indicators.find((i) => i.code === 'XL-01')).toMatchObject({ byWasteStream: true, unit: 'tấn/năm' });
    expect(r.form.sections.length).toBeGreaterThan(0);
    // Getting it again does not make a second report.
    expect((await myReport(health, cycleId)).id).toBe(r.id);

    // A field error on submission, named in Vietnamese with its path; then fixed.
    const content = validContent(r);
    const bad = {
      ...content,
      values: content.values.map((v) => (v.indicatorCode === 'DN-01' ? { ...v, value: -3 } : v)),
    };
    const saved = await health.put(`/api/v1/reports/${r.id}`, bad);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().totals).toEqual(expect.arrayContaining([{ indicatorCode: 'XL-01', total: 150.5 }]));
    const refused = await health.post(`/api/v1/reports/${r.id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/Báo cáo năm \d+ của Sở Y tế chưa gửi được/);
    expect(refused.json().error.issues).toEqual([
      { path: 'values.DN-01', message: expect.stringMatching(/DN-01.*không được nhỏ hơn 0/) },
    ]);
    const fixed = await health.put(`/api/v1/reports/${r.id}`, { ...content, version: saved.json().version });
    expect(fixed.statusCode).toBe(200);
    const submitted = await health.post(`/api/v1/reports/${r.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', isLate: false, abilities: { canEdit: false } });
    // Submitted: the unit can no longer edit, nor submit again.
    expect(
      (await health.put(`/api/v1/reports/${r.id}`, { ...content, version: submitted.json().version })).statusCode,
    ).toBe(409);
    expect((await health.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(409);

    // Return needs a reason; the unit sees it.
    expect((await focal.post(`/api/v1/reports/${r.id}/return`, {})).statusCode).toBe(400);
    const ret = await focal.post(`/api/v1/reports/${r.id}/return`, {
      reason: 'Số liệu chất thải y tế chưa khớp với Sở Y tế',
    });
    expect(ret.statusCode).toBe(200);
    const seen = (await health.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
    expect(seen).toMatchObject({
      status: 'returned',
      returnReason: 'Số liệu chất thải y tế chưa khớp với Sở Y tế',
      abilities: { canEdit: true },
    });
    expect((await health.get('/api/v1/notifications')).json().data[0]).toMatchObject({
      kind: 'report.returned',
      body: expect.stringContaining('chưa khớp'),
    });
    expect((await focal.post(`/api/v1/reports/${r.id}/accept`)).statusCode).toBe(409);

    // The unit changes a value and resubmits.
    const changed = {
      ...content,
      version: seen.version,
      values: content.values.map((v) =>
        v.indicatorCode === 'XL-01' && v.wasteStream === 'medical' ? { ...v, value: 99 } : v,
      ),
    };
    expect((await health.put(`/api/v1/reports/${r.id}`, changed)).statusCode).toBe(200);
    expect((await health.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(200);

    // History: who, when, what, why; diff between the two submissions.
    const history = (await focal.get(`/api/v1/reports/${r.id}/history`)).json().data as Array<{
      action: string;
      version: number;
      reason?: string;
      hasSnapshot: boolean;
      actor: { id: string; name: string };
    }>;
    expect(history.map((h) => h.action)).toEqual(['create', 'save', 'submit', 'return', 'save', 'submit']);
    expect(history[3]).toMatchObject({ reason: 'Số liệu chất thải y tế chưa khớp với Sở Y tế' });
    // The report was created when the focal officer opened the cycle; the unit's officer wrote it.
    expect(history[0].actor.id).toBe(focal.user.id);
    expect(history[1].actor.name).toBe('Nguyễn Thị Y');
    const subs = history.filter((h) => h.hasSnapshot).map((h) => h.version);
    expect(subs).toHaveLength(2);
    const diff = await health.get(`/api/v1/reports/${r.id}/diff?from=${subs[0]}&to=${subs[1]}`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changes).toEqual([
      { kind: 'value', path: 'values.XL-01.medical', label: 'XL-01 · y tế', before: 120.5, after: 99 },
    ]);
    expect((await health.get(`/api/v1/reports/${r.id}/diff?from=1&to=${subs[1]}`)).statusCode).toBe(404);

    const accepted = await focal.post(`/api/v1/reports/${r.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', isLate: false });
    expect((await focal.post(`/api/v1/reports/${r.id}/return`, { reason: 'Thử trả lại' })).statusCode).toBe(409);

    // Every state change is in the audit log.
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'report'), eq(auditLog.entityId, r.id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      'report.create',
      'report.save',
      'report.save',
      'report.submit',
      'report.return',
      'report.save',
      'report.submit',
      'report.accept',
    ]);
  });

  it("next year's form shows last year's accepted values", async () => {
    const { id: first } = await freshCycle();
    const r = await myReport(health, first);
    await health.put(`/api/v1/reports/${r.id}`, validContent(r));
    await health.post(`/api/v1/reports/${r.id}/submit`);
    await focal.post(`/api/v1/reports/${r.id}/accept`);
    const { id: next } = await freshCycle();
    const r2 = await myReport(health, next);
    expect(r2.previous).toMatchObject({ year: year - 1, reportId: r.id });
    expect(r2.previous!.values).toEqual(
      expect.arrayContaining([{ indicatorCode: 'DN-01', wasteStream: null, value: 2 }]),
    );
  });

  it('bulk acceptance names each failure', async () => {
    const { id: cycleId } = await freshCycle();
    const a = await myReport(health, cycleId);
    await health.put(`/api/v1/reports/${a.id}`, validContent(a));
    await health.post(`/api/v1/reports/${a.id}/submit`);
    const b = await myReport(finance, cycleId);
    const res = await focal.post('/api/v1/reports/accept', { reportIds: [a.id, b.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toEqual([a.id]);
    expect(res.json().failed).toEqual([
      { id: b.id, code: 'REPORT_NOT_ACCEPTABLE', message: expect.stringContaining('Sở Tài chính') },
    ]);
    expect((await leader.post('/api/v1/reports/accept', { reportIds: [b.id] })).statusCode).toBe(403);
  });
});

describe('permissions', () => {
  let r: ReportDto;
  beforeEach(async () => {
    const { id } = await freshCycle();
    r = await myReport(health, id);
  });

  it("another unit's report answers 404, for every verb", async () => {
    expect((await finance.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(404);
    expect((await finance.put(`/api/v1/reports/${r.id}`, validContent(r))).statusCode).toBe(404);
    expect((await finance.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(404);
    expect((await finance.get(`/api/v1/reports/${r.id}/history`)).statusCode).toBe(404);
    expect((await finance.get(`/api/v1/reports/${r.id}/attachments`)).statusCode).toBe(404);
    expect((await finance.post(`/api/v1/reports/${r.id}/return`, { reason: 'không được' })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(404);
    const list = (await finance.get(`/api/v1/reports?orgUnitId=${r.orgUnitId}`)).json();
    expect(list.data).toEqual([]);
  });

  it('a leader and a focal officer read all and write none; a unit cannot review', async () => {
    expect((await leader.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(200);
    expect((await focal.get(`/api/v1/reports/${r.id}`)).json().abilities).toMatchObject({
      canEdit: false,
      canSubmit: false,
    });
    expect((await leader.put(`/api/v1/reports/${r.id}`, validContent(r))).statusCode).toBe(403);
    expect((await focal.put(`/api/v1/reports/${r.id}`, validContent(r))).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(403);
    await health.put(`/api/v1/reports/${r.id}`, validContent(r));
    await health.post(`/api/v1/reports/${r.id}/submit`);
    expect((await leader.post(`/api/v1/reports/${r.id}/accept`)).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/reports/${r.id}/return`, { reason: 'Lãnh đạo trả' })).statusCode).toBe(403);
    expect((await health.post(`/api/v1/reports/${r.id}/accept`)).statusCode).toBe(403);
    const all = (await leader.get(`/api/v1/reports?cycleId=${r.cycleId}`)).json();
    expect(all.data.map((x: { id: string }) => x.id)).toContain(r.id);
  });

  it('a unit officer lists only its own reports, also when it asks for a cycle', async () => {
    const list = (await finance.get(`/api/v1/reports?cycleId=${r.cycleId}`)).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0].unit.code).toBe('VL-STC');
  });
});

describe('drafts and concurrency', () => {
  it('a stale save answers 409 naming who changed it and when; nothing is overwritten', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const first = await health.put(`/api/v1/reports/${r.id}`, { ...validContent(r), otherResults: 'Bản của chị Y' });
    expect(first.statusCode).toBe(200);
    const stale = await health2.put(`/api/v1/reports/${r.id}`, { ...validContent(r), otherResults: 'Bản của anh Tế' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(stale.json().error.message).toMatch(/Nguyễn Thị Y sửa lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect((await health2.get(`/api/v1/reports/${r.id}`)).json()).toMatchObject({
      otherResults: 'Bản của chị Y',
      updatedBy: { name: 'Nguyễn Thị Y' },
    });
  });

  it('two saves of one version at the same moment: one lands whole, the other answers 409 and stores nothing', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const mine = { ...validContent(r), otherResults: 'Bản của chị Y', values: [{ indicatorCode: 'DN-01', value: 1 }] };
    const theirs = {
      ...validContent(r),
      otherResults: 'Bản của anh Tế',
      values: [{ indicatorCode: 'DN-01', value: 2 }],
    };
    const [a, b] = await Promise.all([
      health.put(`/api/v1/reports/${r.id}`, mine),
      health2.put(`/api/v1/reports/${r.id}`, theirs),
    ]);
    expect([a.statusCode, b.statusCode].sort((x, y) => x - y)).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [mine, b] : [theirs, a];
    expect(lost.json().error.code).toBe('CONFLICT');
    const read = (await health.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
    expect(read).toMatchObject({ version: r.version + 1, otherResults: won.otherResults, values: won.values });
    const saves = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, r.id), eq(reportEvents.action, 'save')));
    expect(saves).toHaveLength(1);
  });

  it('each save makes the stored content exactly the one sent: changed, added and removed values and sections', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const first = validContent(r);
    const saved1 = await health.put(`/api/v1/reports/${r.id}`, first);
    expect(saved1.statusCode).toBe(200);
    const [s0, ...rest] = first.sections;
    const second = {
      ...first,
      version: saved1.json().version,
      values: [
        { indicatorCode: 'XL-01', wasteStream: 'medical' as const, value: 99 }, // changed
        { indicatorCode: 'XL-01', wasteStream: 'domestic' as const, value: 30 }, // unchanged
        { indicatorCode: 'XL-01', wasteStream: 'industrial' as const, value: 7 }, // added
        { indicatorCode: 'DN-01', value: null }, // emptied: no longer stored
        // KH-00 left out: removed
      ],
      sections: [{ ...s0, results: 'Đã sửa', difficulties: 'Thiếu kinh phí' }], // the others removed
    };
    const saved2 = await health.put(`/api/v1/reports/${r.id}`, second);
    expect(saved2.statusCode, saved2.body).toBe(200);
    const read = (await health.get(`/api/v1/reports/${r.id}`)).json<ReportDto>();
    expect(read.values).toEqual([
      { indicatorCode: 'XL-01', wasteStream: 'domestic', value: 30 },
      { indicatorCode: 'XL-01', wasteStream: 'industrial', value: 7 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: 99 },
    ]);
    expect(read.sections).toEqual([
      { planItemId: s0.planItemId, results: 'Đã sửa', difficulties: 'Thiếu kinh phí', proposals: '' },
    ]);
    expect(rest.length).toBeGreaterThan(0);
    expect(read.totals.find((x) => x.indicatorCode === 'XL-01')?.total).toBe(136);
  });

  it('Prefer: return=minimal answers the new state without the content; without it, the whole report', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const short = await health.put(`/api/v1/reports/${r.id}`, validContent(r), { prefer: 'return=minimal' });
    expect(short.statusCode).toBe(200);
    expect(short.headers['preference-applied']).toBe('return=minimal');
    const body = short.json();
    expect(body).toMatchObject({
      id: r.id,
      status: 'draft',
      version: r.version + 1,
      updatedBy: { name: 'Nguyễn Thị Y' },
    });
    expect(body).not.toHaveProperty('values');
    expect(body).not.toHaveProperty('form');
    const full = await health.put(`/api/v1/reports/${r.id}`, { ...validContent(r), version: body.version });
    expect(full.headers['preference-applied']).toBeUndefined();
    expect(full.json()).toMatchObject({
      version: body.version + 1,
      values: expect.any(Array),
      form: { indicators: expect.any(Array) },
    });
    const submitted = await health.post(`/api/v1/reports/${r.id}/submit`, undefined, { prefer: 'return=minimal' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: body.version + 2 });
    expect(submitted.json()).not.toHaveProperty('values');
  });

  it('saves refuse values outside the form, wrong types, unknown sections; bad bodies are 400s', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const base = validContent(r);
    const wrong = await health.put(`/api/v1/reports/${r.id}`, {
      ...base,
      values: [{ indicatorCode: 'XL-01', value: 3 }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].message).toMatch(/dòng chất thải/);
    const type = await health.put(`/api/v1/reports/${r.id}`, {
      ...base,
      values: [{ indicatorCode: 'KH-00', value: 5 }],
    });
    expect(type.json().error.issues[0]).toMatchObject({
      path: 'values.KH-00',
      message: expect.stringMatching(/có\/không/),
    });
    const section = await health.put(`/api/v1/reports/${r.id}`, {
      ...base,
      sections: [{ planItemId: '00000000-0000-4000-8000-000000000000', results: 'x' }],
    });
    expect(section.statusCode).toBe(400);
    expect((await health.put(`/api/v1/reports/${r.id}`, { ...base, extra: true })).statusCode).toBe(400);
    expect(
      (await health.put(`/api/v1/reports/${r.id}`, { ...base, otherResults: 'x'.repeat(20_001) })).statusCode,
    ).toBe(400);
    expect(
      (
        await health.put(`/api/v1/reports/${r.id}`, {
          ...base,
          values: [{ indicatorCode: 'DN-01', value: 'Infinity' }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await health.inject({
          method: 'PUT',
          url: `/api/v1/reports/${r.id}`,
          payload: '{bad json',
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('submitting twice with the same Idempotency-Key records one submission', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    await health.put(`/api/v1/reports/${r.id}`, validContent(r));
    const [a, b] = await Promise.all([
      health.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'submit-abc' }),
      health.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'submit-abc' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const c = await health.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'submit-abc' });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'submitted', version: a.json().version });
    const subs = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, r.id), eq(reportEvents.action, 'submit')));
    expect(subs).toHaveLength(1);
    // Without the key, a second submission is refused rather than recorded.
    expect((await health.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(409);
  });
});

describe('deadlines in Vietnam time', () => {
  it('sent at 23:59 on 30/11 local time is on time; 00:01 on 1/12 is late within grace; after grace, locked', async () => {
    const { id } = await freshCycle({ graceDays: 2 });
    const r = await myReport(health, id);
    await health.put(`/api/v1/reports/${r.id}`, validContent(r));
    const f = await myReport(finance, id);
    await finance.put(`/api/v1/reports/${f.id}`, validContent(f));
    const s = await myReport(sct, id);
    await sct.put(`/api/v1/reports/${s.id}`, validContent(s));

    await moveClock(t, '2026-11-30T23:59:00+07:00');
    const onTime = await health.post(`/api/v1/reports/${r.id}/submit`);
    expect(onTime.json()).toMatchObject({ isLate: false, daysLate: 0 });

    await moveClock(t, '2026-12-01T00:01:00+07:00');
    const late = await finance.post(`/api/v1/reports/${f.id}/submit`);
    expect(late.json()).toMatchObject({ isLate: true, daysLate: 1 });

    await moveClock(t, '2026-12-03T00:00:00+07:00');
    const locked = await sct.post(`/api/v1/reports/${s.id}/submit`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({
      code: 'REPORT_LOCKED',
      message: `Báo cáo năm ${year} của Sở Công Thương đã hết hạn nộp (30/11/2026); đã hết thời gian nộp muộn đến 02/12/2026`,
    });
    expect((await sct.get(`/api/v1/reports/${s.id}`)).json()).toMatchObject({
      isLocked: true,
      abilities: { canSubmit: false },
    });

    // A returned report can always be sent again; its lateness stays that of the first submission.
    await focal.post(`/api/v1/reports/${r.id}/return`, { reason: 'Bổ sung minh chứng' });
    const again = await health.post(`/api/v1/reports/${r.id}/submit`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ isLate: false, daysLate: 0 });
  });

  it('an extension keeps a unit open after the others are locked', async () => {
    const { id } = await freshCycle();
    const s = await myReport(health, id);
    await health.put(`/api/v1/reports/${s.id}`, validContent(s));
    await focal.post(`/api/v1/cycles/${id}/extensions`, {
      orgUnitId: s.orgUnitId,
      deadline: '2026-12-10',
      reason: 'Thiếu nhân sự',
    });
    await moveClock(t, '2026-12-09T10:00:00+07:00');
    const ok = await health.post(`/api/v1/reports/${s.id}/submit`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ isLate: false, deadline: '2026-12-10' });
    const f = await myReport(finance, id);
    await finance.put(`/api/v1/reports/${f.id}`, validContent(f));
    expect((await finance.post(`/api/v1/reports/${f.id}/submit`)).json().error.code).toBe('REPORT_LOCKED');
  });
});

describe('attachments', () => {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n'),
    Buffer.alloc(200, 32),
    Buffer.from('\n%%EOF\n'),
  ]);
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  function multipart(name: string, body: Buffer, type = 'application/octet-stream') {
    const boundary = '----bioplan' + Math.random().toString(16).slice(2);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    );
    return {
      payload: Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }
  const upload = (c: TestClient, id: string, name: string, body: Buffer, type?: string) => {
    const m = multipart(name, body, type);
    return c.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/attachments`,
      payload: m.payload,
      headers: m.headers,
    });
  };

  it('stores PDF/PNG with a SHA-256, downloadable only by those who may read the report', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const res = await upload(health, r.id, 'Minh chứng số liệu.pdf', pdf, 'application/pdf');
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      fileName: 'Minh chứng số liệu.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await upload(health, r.id, 'anh.png', png, 'image/png')).statusCode).toBe(201);
    expect((await focal.get(`/api/v1/reports/${r.id}/attachments`)).json().data).toHaveLength(2);
    const dl = await leader.get(`/api/v1/reports/${r.id}/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Minh%20ch%E1%BB%A9ng");
    expect((await finance.get(`/api/v1/reports/${r.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect(
      (await finance.inject({ method: 'POST', url: `/api/v1/reports/${r.id}/attachments`, ...multipart('x.pdf', pdf) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await focal.inject({ method: 'POST', url: `/api/v1/reports/${r.id}/attachments`, ...multipart('x.pdf', pdf) }))
        .statusCode,
    ).toBe(403);
    expect((await health.delete(`/api/v1/reports/${r.id}/attachments/${a.id}`)).statusCode).toBe(204);
    expect((await focal.get(`/api/v1/reports/${r.id}/attachments`)).json().data).toHaveLength(1);
  });

  it('refuses a type checked from the content (not the name), an empty file, and a file over 20 MB', async () => {
    const { id } = await freshCycle();
    const r = await myReport(health, id);
    const fake = await upload(
      health,
      r.id,
      'baocao.pdf',
      Buffer.from('MZ this is really an executable'),
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('baocao.pdf');
    const html = await upload(
      health,
      r.id,
      'trang.png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/png',
    );
    expect(html.statusCode).toBe(415);
    expect((await upload(health, r.id, 'rong.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024 + 10, 32)]);
    const tooBig = await upload(health, r.id, 'lon.pdf', big, 'application/pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const notMultipart = await health.post(`/api/v1/reports/${r.id}/attachments`, { file: 'x' });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
    expect((await focal.get(`/api/v1/reports/${r.id}/attachments`)).json().data).toHaveLength(0);
  });
});

describe('reports table', () => {
  it('keeps one report per unit and cycle', async () => {
    const { id } = await freshCycle();
    await Promise.all([myReport(health, id), myReport(health2, id), health.get(`/api/v1/reports?cycleId=${id}`)]);
    const rows = await t.database.db
      .select()
      .from(reports)
      .where(and(eq(reports.cycleId, id), eq(reports.orgUnitId, await t.unitId('VL-SYT'))));
    expect(rows).toHaveLength(1);
  });
});
