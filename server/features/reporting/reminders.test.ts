import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import type { ReminderDto } from '../../../shared/contracts/reporting.js';
import { jobs } from '../../db/schema/index.js';
import { AppError, msg } from '../../lib/errors.js';
import { enqueueJob, getJob, registerJobHandler, runDueJobs } from '../../lib/jobs.js';
import '../../lib/mail.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, submitValid } from './reporting.fixtures.js';
import { runReminderSchedule } from './reminders.service.js';
import { parseMessage } from '../../test/mail-message.js';

/** A real SMTP peer on 127.0.0.1 (random port) that keeps what it receives. */
interface Received {
  to: string[];
  subject: string;
  text: string;
}
let smtp: SMTPServer;
let port = 0;
const inbox: Received[] = [];

let t: TestApp;
let focal: TestClient;
let health: TestClient;
let healthEmail: string;
let finance: TestClient;
let financeEmail: string;
let cycleId: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMessage(raw);
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject, text: parsed.text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  t = await buildTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}`, reminderDays: [7, 1, -1] } });
  focal = await t.loginAs('focal');
  health = await t.loginAs('unit', { unitCode: 'VL-SYT', email: 'yte@vinhlong.gov.vn' });
  healthEmail = 'yte@vinhlong.gov.vn';
  finance = await t.loginAs('unit', { unitCode: 'VL-STC', email: 'taichinh@vinhlong.gov.vn' });
  financeEmail = 'taichinh@vinhlong.gov.vn';
  cycleId = (await buildCycle(t, focal, { year: 2026 })).id;
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const deliver = () => runDueJobs(t.database.db, t.config);
const mailFor = (email: string) => inbox.filter((m) => m.to.includes(email));

describe('reminders', () => {
  it('sent by hand go to every unit that has not submitted — never to one that has — by e-mail and in-app', async () => {
    await submitValid(health, cycleId);
    inbox.length = 0;
    const res = await focal.post(`/api/v1/cycles/${cycleId}/reminders`, { note: 'Đề nghị gửi sớm.' });
    expect(res.statusCode).toBe(200);
    const sent = res.json().data as ReminderDto[];
    const codes = sent.map((s) => s.unit.code);
    expect(codes).toContain('VL-STC');
    expect(codes).not.toContain('VL-SYT');
    expect(sent.find((s) => s.unit.code === 'VL-STC')).toMatchObject({
      trigger: 'manual',
      emails: [financeEmail],
      channels: ['in_app', 'email'],
    });
    // Units with no account are still logged (in-app channel, nobody to write to).
    expect(sent.find((s) => s.unit.code === 'VL-SCT')).toMatchObject({ emails: [], channels: ['in_app'] });

    expect(await deliver()).toBe(1);
    expect(inbox).toHaveLength(1);
    expect(mailFor(financeEmail)[0].subject).toBe('Nhắc nộp báo cáo năm 2026: hạn 30/11/2026 (còn 10 ngày)');
    expect(mailFor(financeEmail)[0].text).toContain('Đề nghị gửi sớm.');
    // The e-mail is Vietnamese text, not the stored form of a bilingual message.
    expect(mailFor(financeEmail)[0].text).toMatch(/^Kính gửi /);
    expect(mailFor(financeEmail)[0].text).not.toContain('{"vi"');
    expect(mailFor(healthEmail)).toEqual([]);
    const notes = (await finance.get('/api/v1/notifications')).json();
    expect(notes.data[0]).toMatchObject({
      kind: 'reminder',
      title: 'Nhắc nộp báo cáo năm 2026: hạn 30/11/2026 (còn 10 ngày)',
    });
    const notesEn = (await finance.get('/api/v1/notifications', { 'accept-language': 'en' })).json();
    expect(notesEn.data[0]).toMatchObject({
      kind: 'reminder',
      title: 'Reminder: the 2026 report is due 2026-11-30 (10 days left)',
      body: expect.stringContaining('Đề nghị gửi sớm.'),
    });
    expect(
      (await health.get('/api/v1/notifications')).json().data.some((n: { kind: string }) => n.kind === 'reminder'),
    ).toBe(false);

    const log = (await focal.get(`/api/v1/cycles/${cycleId}/reminders`)).json().data as ReminderDto[];
    expect(log.find((l) => l.unit.code === 'VL-STC')).toMatchObject({ sentBy: { name: expect.any(String) } });
    const board = (await focal.get(`/api/v1/cycles/${cycleId}/completeness?q=tai chinh`)).json();
    expect(board.units[0].lastRemindedAt).not.toBeNull();
    expect((await health.post(`/api/v1/cycles/${cycleId}/reminders`)).statusCode).toBe(403);
  });

  it('the schedule sends N days before the deadline and after it, once per slot, even with several instances', async () => {
    inbox.length = 0;
    // 20/11: before the first slot (7 days before 30/11 is 23/11).
    expect(await runReminderSchedule(t.database.db, t.config, new Date('2026-11-20T02:00:00Z'))).toEqual([]);
    // 23/11, two instances at once: the advisory lock and the log make one reminder per unit.
    const at = new Date('2026-11-23T01:00:00Z');
    const [a, b] = await Promise.all([
      runReminderSchedule(t.database.db, t.config, at),
      runReminderSchedule(t.database.db, t.config, at),
    ]);
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all.filter((r) => r.unit.code === 'VL-STC')).toHaveLength(1);
    expect(all.some((r) => r.unit.code === 'VL-SYT')).toBe(false);
    expect(all[0].trigger).toBe('auto:7');
    // A restart later the same day sends nothing again.
    expect(await runReminderSchedule(t.database.db, t.config, new Date('2026-11-23T09:00:00Z'))).toEqual([]);
    await deliver();
    expect(mailFor(financeEmail)).toHaveLength(1);
    expect(mailFor(healthEmail)).toHaveLength(0);

    // Sở Tài chính submits on 29/11; after the deadline only the others are reminded.
    await moveClock(t, '2026-11-29T03:00:00Z');
    await submitValid(finance, cycleId);
    inbox.length = 0;
    const after = await runReminderSchedule(t.database.db, t.config, new Date('2026-12-01T02:00:00Z'));
    expect(after!.length).toBeGreaterThan(0);
    expect(after!.every((r) => r.trigger === 'auto:-1')).toBe(true);
    expect(after!.some((r) => r.unit.code === 'VL-STC' || r.unit.code === 'VL-SYT')).toBe(false);
    await deliver();
    expect(inbox).toEqual([]);
  });
});

describe('the job queue', () => {
  it('runs a job with progress, retries a failure, and reports its status', async () => {
    let calls = 0;
    registerJobHandler<{ n: number }>('test.render', async ({ job, progress }) => {
      calls += 1;
      if (calls === 1) throw new Error('máy in kẹt giấy');
      await progress(50, 'Nửa đường');
      return { doubled: job.payload.n * 2 };
    });
    const id = await enqueueJob(t.database.db, { kind: 'test.render', payload: { n: 21 }, createdBy: focal.user.id });
    const status = async () => (await focal.get(`/api/v1/jobs/${id}`)).json();
    expect(await status()).toMatchObject({ status: 'queued', progress: 0 });
    await runDueJobs(t.database.db, t.config, { kinds: ['test.render'] });
    expect(await status()).toMatchObject({ status: 'queued', attempts: 1, error: 'máy in kẹt giấy' });
    // The retry waits for its backoff; make it due now.
    await t.database.db
      .update(jobs)
      .set({ runAt: new Date(0) })
      .where(eq(jobs.id, id));
    await runDueJobs(t.database.db, t.config, { kinds: ['test.render'] });
    expect(await status()).toMatchObject({ status: 'succeeded', progress: 100, result: { doubled: 42 }, attempts: 2 });
    expect((await health.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
  });

  it('answers a progress note and an error written in both languages in the language of the request', async () => {
    let calls = 0;
    registerJobHandler('test.bilingual', async ({ progress }) => {
      calls += 1;
      await progress(40, msg('Đang dựng bảng 2/5', 'Building table 2 of 5'));
      if (calls === 1) throw new AppError('CONFLICT', msg('Dự thảo đang được sửa', 'The draft is being edited'));
      return null;
    });
    const id = await enqueueJob(t.database.db, { kind: 'test.bilingual', payload: {}, createdBy: focal.user.id });
    await runDueJobs(t.database.db, t.config, { kinds: ['test.bilingual'] });
    expect((await focal.get(`/api/v1/jobs/${id}`)).json()).toMatchObject({
      progress: 40,
      progressNote: 'Đang dựng bảng 2/5',
      error: 'Dự thảo đang được sửa',
    });
    expect((await focal.get(`/api/v1/jobs/${id}`, { 'accept-language': 'en' })).json()).toMatchObject({
      progressNote: 'Building table 2 of 5',
      error: 'The draft is being edited',
    });
    // A note written before as plain text reads the same in both languages.
    await t.database.db.update(jobs).set({ progressNote: 'Nửa đường' }).where(eq(jobs.id, id));
    expect((await focal.get(`/api/v1/jobs/${id}`, { 'accept-language': 'en' })).json().progressNote).toBe('Nửa đường');
  });

  it('gives up after the last attempt, and takes back a job whose worker died', async () => {
    registerJobHandler('test.fail', async () => {
      throw new Error('hỏng');
    });
    const id = await enqueueJob(t.database.db, { kind: 'test.fail', payload: {}, maxAttempts: 1 });
    await runDueJobs(t.database.db, t.config, { kinds: ['test.fail'] });
    expect(await getJob(t.database.db, id)).toMatchObject({ status: 'failed', error: 'hỏng' });

    registerJobHandler('test.ok', async () => 'xong');
    const orphan = await enqueueJob(t.database.db, { kind: 'test.ok', payload: {} });
    // A worker claimed it and died: running, lease expired.
    await t.database.db
      .update(jobs)
      .set({ status: 'running', lockedBy: 'dead', lockedUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(jobs.id, orphan));
    await runDueJobs(t.database.db, t.config, { kinds: ['test.ok'] });
    expect(await getJob(t.database.db, orphan)).toMatchObject({ status: 'succeeded', result: 'xong' });
  });
});
