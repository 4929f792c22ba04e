import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackDto } from '../../../shared/contracts/feedback.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { auditLog, feedback } from '../../db/schema/index.js';
import { buildCycle } from '../../test/cycles.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { recordReportFeedback } from './index.js';

let t: TestApp;
let plan: PlanDto;
let addressCounter = 0;
/** A fresh client address per test, so the per-address rate limit of one test never reaches another. */
const nextAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

beforeAll(async () => {
  t = await buildTestApp();
  const c = await t.loginAs('focal');
  const list = (await c.get('/api/v1/plans')).json();
  plan = (await c.get(`/api/v1/plans/${list.data[0].id}`)).json();
});
afterAll(async () => t?.close());

const itemId = (key: string) => plan.items.find((i) => i.key === key)!.id;

const valid = () => ({
  name: 'Nguyễn Văn An',
  organisation: 'Hợp tác xã Phú Túc',
  contact: 'an.nguyen@example.vn',
  subject: 'Hỗ trợ kinh phí máy ủ phân',
  text: 'Hợp tác xã cần hỗ trợ kinh phí mua máy ủ phân hữu cơ từ phụ phẩm dừa.',
});

function send(payload: unknown, opts: { address?: string; lang?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    payload: payload as never,
    remoteAddress: opts.address ?? nextAddress(),
    headers: opts.lang ? { 'accept-language': opts.lang } : {},
  });
}

/** A multipart/form-data body with text fields and files. */
function multipart(fields: Record<string, string>, files: Array<{ name: string; body: Buffer; type?: string }>) {
  const boundary = `----bioplan${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const pdf = (size = 2000) => {
  const b = Buffer.alloc(size, 0x20);
  b.write('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  return b;
};

async function countFeedback(): Promise<number> {
  const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(feedback);
  return n;
}

function storedFiles(): string[] {
  const dir = t.config.filesDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describe('public feedback', () => {
  it('is accepted without an account and gives a tracking code', async () => {
    const res = await send({ ...valid(), planItemId: itemId('IV.4') });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^GY-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const focal = await t.loginAs('focal');
    const item = (await focal.get(`/api/v1/feedback/${body.id}`)).json<FeedbackDto>();
    expect(item).toMatchObject({
      source: 'public',
      status: 'new',
      organisation: 'Hợp tác xã Phú Túc',
      contact: 'an.nguyen@example.vn',
      orgUnit: null,
      planItem: { key: 'IV.4', label: '4.' },
    });
    expect(item.history.map((h) => h.action)).toEqual(['created']);
  });

  it('accepts a Vietnamese phone number as contact', async () => {
    for (const contact of ['0912 345 678', '+84912345678', '02753822222']) {
      expect((await send({ ...valid(), contact })).statusCode).toBe(201);
    }
  });

  it('refuses a wrong contact, a missing organisation, over-long text and an unknown plan item, storing nothing', async () => {
    const before = await countFeedback();
    const wrongContact = await send({ ...valid(), contact: '12345' });
    expect(wrongContact.statusCode).toBe(400);
    expect(wrongContact.json().error.issues[0].path).toBe('contact');
    expect(wrongContact.json().error.message).toMatch(/email hoặc số điện thoại/);
    const en = await send({ ...valid(), contact: 'not-a-contact' }, { lang: 'en' });
    expect(en.json().error.message).toMatch(/e-mail address or a Vietnamese phone number/);

    const noOrg = await send({ ...valid(), organisation: undefined });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().error.issues[0].path).toBe('organisation');

    const long = await send({ ...valid(), text: 'x'.repeat(10_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues[0].path).toBe('text');

    const unknownItem = await send({ ...valid(), planItemId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().error.issues[0].path).toBe('planItemId');
    expect(unknownItem.json().error.message).toMatch(/Mục kế hoạch không tồn tại/);

    const extra = await send({ ...valid(), status: 'answered' });
    expect(extra.statusCode).toBe(400);
    expect(await countFeedback()).toBe(before);
  });

  it('answers a filled honeypot as if accepted, and stores nothing', async () => {
    const before = await countFeedback();
    const res = await send({ ...valid(), website: 'http://spam.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingCode).toMatch(/^GY-/);
    expect(await countFeedback()).toBe(before);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${res.json().trackingCode}` });
    expect(lookup.statusCode).toBe(404);
  });

  it('limits the number of sends per address', async () => {
    const address = nextAddress();
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) codes.push((await send(valid(), { address })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    const refused = await send(valid(), { address });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not affected.
    expect((await send(valid())).statusCode).toBe(201);
  });

  it('takes attachments as multipart, checked by content', async () => {
    const form = multipart({ ...valid(), planItemId: itemId('IV.4') }, [
      { name: 'de-xuat.pdf', body: pdf(), type: 'application/pdf' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress: nextAddress(), ...form });
    expect(res.statusCode).toBe(201);
    const focal = await t.loginAs('focal');
    const item = (await focal.get(`/api/v1/feedback/${res.json().id}`)).json<FeedbackDto>();
    expect(item.attachments).toEqual([
      expect.objectContaining({ fileName: 'de-xuat.pdf', mime: 'application/pdf', size: 2000 }),
    ]);
    expect(item.planItem?.key).toBe('IV.4');
    const file = await focal.get(`/api/v1/feedback/${item.id}/attachments/${item.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
  });

  it('refuses a 30 MB attachment and a wrong file type with a clear message, storing nothing', async () => {
    const before = await countFeedback();
    const filesBefore = storedFiles().length;
    const big = multipart(valid(), [{ name: 'ban-do.pdf', body: pdf(30 * 1024 * 1024), type: 'application/pdf' }]);
    const tooBig = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress: nextAddress(),
      ...big,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('Tệp "ban-do.pdf" vượt quá 20 MB');

    const exe = multipart(valid(), [
      { name: 'ok.pdf', body: pdf() },
      { name: 'chuong-trinh.exe', body: Buffer.from('MZ\x90\x00 this is not a document') },
    ]);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress: nextAddress(),
      ...exe,
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.message).toMatch(/chuong-trinh\.exe.*không đúng định dạng/);
    expect(wrongType.json().error.issues[0].path).toBe('attachments.1');

    const badContact = multipart({ ...valid(), contact: 'abc' }, [{ name: 'ok.pdf', body: pdf() }]);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress: nextAddress(), ...badContact }))
        .statusCode,
    ).toBe(400);

    expect(await countFeedback()).toBe(before);
    expect(storedFiles().length).toBe(filesBefore);
  });
});

describe('tracking-code lookup', () => {
  it('reveals the status and, once given, the answer — nothing else', async () => {
    const { trackingCode, id } = (await send(valid())).json();
    const anon = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${code}` });
    const first = await anon(trackingCode.toLowerCase());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ trackingCode, status: 'new', answer: null, answeredAt: null });

    const focal = await t.loginAs('focal');
    // A draft answer while in progress is not revealed.
    await focal.patch(`/api/v1/feedback/${id}`, { status: 'in_progress', answer: 'Đang dự thảo trả lời' });
    expect((await anon(trackingCode)).json()).toEqual({
      trackingCode,
      status: 'in_progress',
      answer: null,
      answeredAt: null,
    });

    await focal.patch(`/api/v1/feedback/${id}`, { status: 'answered', answer: 'Sở sẽ bố trí kinh phí năm 2027.' });
    const answered = (await anon(trackingCode)).json();
    expect(Object.keys(answered).sort()).toEqual(['answer', 'answeredAt', 'status', 'trackingCode']);
    expect(answered).toMatchObject({ status: 'answered', answer: 'Sở sẽ bố trí kinh phí năm 2027.' });
    expect(JSON.stringify(answered)).not.toMatch(/Nguyễn Văn An|an\.nguyen|Phú Túc|máy ủ phân/);

    expect((await anon('GY-ZZZZ-ZZZZ')).statusCode).toBe(404);
  });
});

describe('triage', () => {
  it('records every step in the history and the audit log', async () => {
    const { id } = (await send(valid())).json();
    const focal = await t.loginAs('focal');
    const sxd = await t.unitId('VL-SXD');
    const step1 = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'in_progress',
      category: 'funding',
      planItemId: itemId('IV.4'),
      forwardedToUnitId: sxd,
    });
    expect(step1.statusCode).toBe(200);
    expect(step1.json()).toMatchObject({
      status: 'in_progress',
      category: 'funding',
      planItem: { key: 'IV.4' },
      forwardedToUnit: { code: 'VL-SXD' },
    });

    const step2 = await focal.patch(`/api/v1/feedback/${id}`, { status: 'forwarded' });
    expect(step2.json().status).toBe('forwarded');
    const step3 = (
      await focal.patch(`/api/v1/feedback/${id}`, { status: 'answered', answer: 'Đã trả lời.', published: true })
    ).json<FeedbackDto>();
    expect(step3).toMatchObject({ status: 'answered', answer: 'Đã trả lời.', isPublished: true });
    expect(step3.answeredAt).not.toBeNull();
    const step4 = (await focal.patch(`/api/v1/feedback/${id}`, { status: 'closed' })).json<FeedbackDto>();
    expect(step4.history.map((h) => h.action)).toEqual(['created', 'triaged', 'triaged', 'triaged', 'triaged']);
    expect(step4.history[2].data).toEqual({ status: { from: 'in_progress', to: 'forwarded' } });
    expect(step4.history[1].actorName).toBeTruthy();

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityType} = 'feedback' and ${auditLog.entityId} = ${id}`)
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'feedback.create',
      'feedback.triage',
      'feedback.triage',
      'feedback.triage',
      'feedback.triage',
    ]);

    const published = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/published' })).json();
    const mine = published.data.find((p: { id: string }) => p.id === id);
    expect(mine).toMatchObject({ answer: 'Đã trả lời.', subject: valid().subject });
    expect(JSON.stringify(mine)).not.toMatch(/an\.nguyen|Nguyễn Văn An/);
  });

  it('“Chuyển đến” offers the departments only: not the province, not the focal department', async () => {
    const focal = await t.loginAs('focal');
    const res = await focal.get('/api/v1/feedback/forward-targets');
    expect(res.statusCode).toBe(200);
    const targets = res.json<{ data: Array<{ id: string; code: string; kind: string; fullName: string }> }>().data;
    const codes = targets.map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['VL-SXD', 'VL-STC', 'VL-SYT']));
    expect(codes).not.toContain('VL-UBND');
    expect(codes).not.toContain('VL-SNNMT');
    expect(targets.every((u) => u.kind === 'department')).toBe(true);
    // Merged-away departments (Bến Tre's) are not offered.
    expect(codes.some((code) => code.startsWith('BT-'))).toBe(false);
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    expect((await unit.get('/api/v1/feedback/forward-targets')).statusCode).toBe(403);

    const { id } = (await send(valid())).json();
    for (const code of ['VL-UBND', 'VL-SNNMT', '28807']) {
      const refused = await focal.patch(`/api/v1/feedback/${id}`, {
        status: 'in_progress',
        forwardedToUnitId: await t.unitId(code),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.issues[0].path).toBe('forwardedToUnitId');
      expect(refused.json().error.issues[0].message).toContain('sở, ngành');
    }
  });

  it('refuses bad triage input naming the field', async () => {
    const { id } = (await send(valid())).json();
    const focal = await t.loginAs('focal');
    const noAnswer = await focal.patch(`/api/v1/feedback/${id}`, { status: 'answered' });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.issues[0].path).toBe('answer');
    const publishEmpty = await focal.patch(`/api/v1/feedback/${id}`, { status: 'in_progress', published: true });
    expect(publishEmpty.json().error.issues[0].path).toBe('published');
    const badStatus = await focal.patch(`/api/v1/feedback/${id}`, { status: 'done' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.issues[0].path).toBe('status');
    const badUnit = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'new',
      forwardedToUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badUnit.json().error.issues[0].path).toBe('forwardedToUnitId');
    const badItem = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'new',
      planItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badItem.json().error.issues[0].path).toBe('planItemId');
    const long = await focal.patch(`/api/v1/feedback/${id}`, { status: 'new', answer: 'a'.repeat(10_001) });
    expect(long.json().error.issues[0].path).toBe('answer');
    const item = (await focal.get(`/api/v1/feedback/${id}`)).json<FeedbackDto>();
    expect(item.status).toBe('new');
    expect(item.history).toHaveLength(1);
  });

  it('is for the focal department only', async () => {
    const { id } = (await send(valid())).json();
    const leader = await t.loginAs('leader');
    expect((await leader.patch(`/api/v1/feedback/${id}`, { status: 'closed' })).statusCode).toBe(403);
    const unit = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    expect((await unit.patch(`/api/v1/feedback/${id}`, { status: 'closed' })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/feedback/${id}`, payload: { status: 'closed' } }))
        .statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feedback' })).statusCode).toBe(401);
  });
});

describe('feedback from units', () => {
  it('is linked to the unit and its report; another unit answers 404', async () => {
    const sxd = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const focal = await t.loginAs('focal');
    // Only a report of the unit's own can be named (an unknown or foreign one answers 404).
    const cycle = await buildCycle(t, focal, {
      year: 2066,
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
      deadline: '2026-11-30',
    });
    const reportId = (await sxd.get(`/api/v1/cycles/${cycle.id}/my-report`)).json().id as string;
    const res = await sxd.post('/api/v1/feedback', {
      subject: 'Vướng mắc thủ tục',
      text: 'Thủ tục cấp phép lò đốt còn chậm.',
      reportId,
    });
    expect(res.statusCode).toBe(201);
    const mine = (await sxd.get(`/api/v1/feedback/${res.json().id}`)).json<FeedbackDto>();
    expect(mine).toMatchObject({ source: 'unit', reportId, orgUnit: { code: 'VL-SXD' }, contact: sxd.user.email });
    expect(mine.abilities.canTriage).toBe(false);

    const other = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const hidden = await other.get(`/api/v1/feedback/${res.json().id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
    expect((await other.get(`/api/v1/feedback/${res.json().id}/attachments/${res.json().id}`)).statusCode).toBe(404);
    const list = (await other.get('/api/v1/feedback?pageSize=200')).json();
    expect(list.data.some((f: { id: string }) => f.id === res.json().id)).toBe(false);

    const ownList = (await sxd.get('/api/v1/feedback?pageSize=200')).json();
    expect(ownList.data.map((f: { id: string }) => f.id)).toContain(res.json().id);
    // Only its own items and those forwarded to it (the triage test forwarded one to VL-SXD).
    for (const f of ownList.data) expect([f.orgUnit?.code, f.forwardedToUnit?.code]).toContain('VL-SXD');

    const all = (await focal.get(`/api/v1/feedback?source=unit&orgUnitId=${await t.unitId('VL-SXD')}`)).json();
    expect(all.page.total).toBe(1);
    // A public sender cannot name a report.
    const anon = await send({ ...valid(), reportId });
    expect(anon.statusCode).toBe(400);
    expect(anon.json().error.issues[0].path).toBe('reportId');
  });

  it('lets the unit a feedback item was forwarded to read it', async () => {
    const { id } = (await send(valid())).json();
    const focal = await t.loginAs('focal');
    await focal.patch(`/api/v1/feedback/${id}`, { status: 'in_progress', forwardedToUnitId: await t.unitId('VL-STC') });
    const stc = await t.loginAs('unit', { unitCode: 'VL-STC' });
    expect((await stc.get(`/api/v1/feedback/${id}`)).statusCode).toBe(200);
  });
});

describe('difficulties from yearly reports', () => {
  it('are upserted on the desk, one item per report telling each plan item', async () => {
    const orgUnitId = await t.unitId('VL-SXD');
    const reportId = '22222222-2222-4222-8222-222222222222';
    const officer = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    const actor = {
      id: officer.user.id,
      email: officer.user.email,
      name: 'Cán bộ Sở Xây dựng',
      role: 'unit' as const,
      orgUnitId,
    };
    const db = t.database.db;
    const section = (key: string, difficulties: string, proposals = '') => ({
      key,
      label: '-',
      title: `Nhiệm vụ ${key}`,
      difficulties,
      proposals,
    });
    const sections = [
      section('IV.1.a', 'Thiếu kinh phí xây lò đốt.', 'Đề nghị bổ sung vốn.'),
      section('IV.4', 'Chậm giải ngân.'),
      section('IV.6', ''),
    ];
    const first = await db.transaction((tx) =>
      recordReportFeedback(tx, { reportId, orgUnitId, sections, proposalsToCommittee: '', actor }),
    );
    expect(first.created).toBe(true);
    const again = await db.transaction((tx) =>
      recordReportFeedback(tx, { reportId, orgUnitId, sections, proposalsToCommittee: '', actor }),
    );
    expect(again).toEqual({ feedbackId: first.feedbackId, created: false });
    const empty = await db.transaction((tx) =>
      recordReportFeedback(tx, {
        reportId: '33333333-3333-4333-8333-333333333333',
        orgUnitId,
        sections: [section('IV.4', '  ')],
        proposalsToCommittee: null,
        actor: null,
      }),
    );
    expect(empty).toEqual({ feedbackId: null, created: false });
    const single = await db.transaction((tx) =>
      recordReportFeedback(tx, {
        reportId: '44444444-4444-4444-8444-444444444444',
        orgUnitId,
        sections: [section('IV.4', 'Chậm giải ngân.')],
        actor,
      }),
    );

    const focal = await t.loginAs('focal');
    const desk = (await focal.get(`/api/v1/feedback?reportId=${reportId}`)).json();
    expect(desk.page.total).toBe(1);
    const item = (await focal.get(`/api/v1/feedback/${first.feedbackId}`)).json<FeedbackDto>();
    expect(item).toMatchObject({ source: 'report', reportId, orgUnit: { code: 'VL-SXD' }, status: 'new' });
    expect(item.planItem).toBeNull();
    expect(item.subject).toContain('mục IV.1.a, IV.4');
    expect(item.text).toContain('(IV.1.a)\nKhó khăn, vướng mắc:\nThiếu kinh phí xây lò đốt.');
    expect(item.text).toContain('Đề xuất, kiến nghị:\nĐề nghị bổ sung vốn.');
    expect(item.text).toContain('(IV.4)\nKhó khăn, vướng mắc:\nChậm giải ngân.');
    expect(item.text).not.toContain('IV.6');
    // A report raising one item only is filed under that item.
    const keyed = (await focal.get(`/api/v1/feedback/${single.feedbackId}`)).json<FeedbackDto>();
    expect(keyed.planItem?.key).toBe('IV.4');

    // An item filed per report and plan item before (slot "<report>:<key>") is taken over, not doubled.
    await db.execute(sql`update feedback set report_slot = ${`${reportId}:IV.1.a`} where id = ${first.feedbackId}`);
    const takenOver = await db.transaction((tx) =>
      recordReportFeedback(tx, { reportId, orgUnitId, sections, proposalsToCommittee: 'Kiến nghị mới.', actor }),
    );
    expect(takenOver).toEqual({ feedbackId: first.feedbackId, created: false });
    expect((await focal.get(`/api/v1/feedback?reportId=${reportId}`)).json().page.total).toBe(1);

    // Triage survives a re-submitted report with new text.
    await focal.patch(`/api/v1/feedback/${first.feedbackId}`, { status: 'in_progress', category: 'funding' });
    const updated = await db.transaction((tx) =>
      recordReportFeedback(tx, {
        reportId,
        orgUnitId,
        sections: [section('IV.1.a', 'Thiếu kinh phí xây lò đốt rác.', 'Đề nghị bổ sung vốn.'), sections[1]],
        actor,
      }),
    );
    expect(updated).toEqual({ feedbackId: first.feedbackId, created: false });
    const after = (await focal.get(`/api/v1/feedback/${first.feedbackId}`)).json<FeedbackDto>();
    expect(after).toMatchObject({ status: 'in_progress', category: 'funding' });
    expect(after.text).toContain('lò đốt rác');
    expect(after.history.map((h) => h.action)).toEqual(['created', 'report_updated', 'triaged', 'report_updated']);
    // The unit sees its report's items on its desk.
    const sxd = await t.loginAs('unit', { unitCode: 'VL-SXD' });
    expect((await sxd.get(`/api/v1/feedback/${first.feedbackId}`)).statusCode).toBe(200);
  });
});
