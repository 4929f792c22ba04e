// The world the authorization matrix runs in: one account per role, two units' reports in an open
// cycle with an attachment each, a draft cycle, an amendment, a guidance document, public
// feedback with an attachment, a consolidated document and a unit's notification. Every path
// parameter of the matrix resolves to one of these, so "allowed" never meets a 404 by accident.
import { readFileSync } from 'node:fs';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import type { TestApp, TestClient } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { waitForJob } from '../consolidation/consolidation.fixtures.js';
import { addEnterprise, validTaxCode } from '../registries/registries.fixtures.js';
import { buildCycle, moveClock, planId, submitValid } from '../reporting/reporting.fixtures.js';

export const MATRIX_ROLES = ['anonymous', 'unit', 'leader', 'focal', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export interface MatrixWorld {
  clients: Record<Exclude<MatrixRole, 'anonymous'>, TestClient>;
  /** The signed-in unit officer's unit (VL-SYT) and another unit (VL-STC). */
  own: Ids;
  other: Ids;
  shared: Record<string, string>;
  /** A valid amendment proposal. */
  amendmentBody: unknown;
}

/** Ids that belong to one unit. */
export interface Ids {
  report: string;
  attachment: string;
  notification: string;
  /** A spare session of the unit's officer (ending it must not sign the matrix's clients out). */
  session: string;
  /** A submitted version of the report (the report diff compares submitted versions). */
  submittedVersion: number;
  /** An enterprise of the registry the unit created. */
  enterprise: string;
  /** An activity of the unit, a progress note's evidence file of it, and the unit's detailed plan. */
  activity: string;
  activityFile: string;
  detailedPlan: string;
  /** An evidence file of that enterprise. */
  enterpriseAttachment: string;
  /** A record of a generic registry (a training) the unit reported, and an evidence file of it. */
  record: string;
  recordAttachment: string;
}

/** An activity with a progress note and its file, and the unit's detailed plan with its signed file. */
async function activityOf(c: TestClient): Promise<{ activity: string; activityFile: string; detailedPlan: string }> {
  const activity = await ok<{ id: string }>(
    'activity',
    await c.post('/api/v1/activities', {
      title: 'Hoạt động ma trận',
      planItemKeys: ['IV.1.a'],
      period: { kind: 'year', year: 2026, number: null },
    }),
  );
  const form = multipartForm({ date: '2026-06-01', text: 'Tiến độ' }, [
    { field: 'files', name: 'minh-chung.pdf', body: pdfBytes(), type: 'application/pdf' },
  ]);
  const noted = await ok<{ notes: Array<{ files: Array<{ id: string }> }> }>(
    'note',
    await c.inject({ method: 'POST', url: `/api/v1/activities/${activity.id}/notes`, ...form }),
  );
  await ok(
    'detailed plan',
    await c.put('/api/v1/detailed-plans/mine', {
      kind: 'document',
      documentNumber: '1/KH',
      documentDate: '2026-02-01',
      title: 'Kế hoạch chi tiết',
    }),
  );
  const signed = multipartForm({}, [{ name: 'ke-hoach.pdf', body: pdfBytes(), type: 'application/pdf' }]);
  const plan = await ok<{ detailedPlan: { id: string } }>(
    'signed file',
    await c.inject({ method: 'POST', url: '/api/v1/detailed-plans/mine/file', ...signed }),
  );
  return { activity: activity.id, activityFile: noted.notes[0].files[0].id, detailedPlan: plan.detailedPlan.id };
}

async function ok<T>(what: string, res: { statusCode: number; body: string; json(): unknown }): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function attach(c: TestClient, reportId: string): Promise<string> {
  const form = multipartForm({}, [{ name: 'minh-chung.pdf', body: pdfBytes(), type: 'application/pdf' }]);
  const res = await c.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/attachments`, ...form });
  const body = await ok<{ id?: string; data?: Array<{ id: string }> }>('attachment', res);
  return body.id ?? body.data![0].id;
}

async function evidence(c: TestClient, url: string): Promise<string> {
  const form = multipartForm({}, [{ name: 'minh-chung.pdf', body: pdfBytes(), type: 'application/pdf' }]);
  return (await ok<{ id: string }>('evidence', await c.inject({ method: 'POST', url, ...form }))).id;
}

/** A training of the unit's, an enterprise of its own, and an evidence file on each. */
async function registryIds(c: TestClient, taxCode: string) {
  const enterprise = (await addEnterprise(c, { taxCode })).id;
  const record = (
    await ok<{ id: string }>(
      'record',
      await c.post('/api/v1/registries/records', {
        kind: 'training',
        data: { title: 'Tập huấn ma trận', startDate: '2026-05-05', organiser: 'Đơn vị' },
      }),
    )
  ).id;
  return {
    enterprise,
    enterpriseAttachment: await evidence(c, `/api/v1/registries/enterprises/${enterprise}/attachments`),
    record,
    recordAttachment: await evidence(c, `/api/v1/registries/records/${record}/attachments`),
  };
}

export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const clients = {
    unit: await t.loginAs('unit', { unitCode: 'VL-SYT' }),
    leader: await t.loginAs('leader'),
    focal: await t.loginAs('focal'),
    admin: await t.loginAs('admin'),
  };
  const finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  await moveClock(t, '2026-11-20T02:00:00Z');
  const cycle = await buildCycle(t, clients.focal, {
    year: 2069,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
  const draftCycle = await buildCycle(t, clients.focal, { year: 2068, open: false });
  const ownReport = await ok<ReportDto>('own', await clients.unit.get(`/api/v1/cycles/${cycle.id}/my-report`));
  const otherReport = await ok<ReportDto>('other', await finance.get(`/api/v1/cycles/${cycle.id}/my-report`));
  const ownAttachment = await attach(clients.unit, ownReport.id);
  const otherAttachment = await attach(finance, otherReport.id);

  await ok('reminders', await clients.focal.post(`/api/v1/cycles/${cycle.id}/reminders`, { note: 'Nhắc gửi' }));
  // Submitted after the reminder, which goes only to units that have not submitted.
  const ownSubmitted = await submitValid(clients.unit, cycle.id);
  const otherSubmitted = await submitValid(finance, cycle.id);
  const firstNotification = async (c: TestClient) =>
    (await ok<{ data: Array<{ id: string }> }>('notifications', await c.get('/api/v1/notifications'))).data[0].id;

  const plan = await planId(clients.focal);
  const planDoc = await ok<{ items: Array<{ id: string; key: string }> }>(
    'plan',
    await clients.focal.get(`/api/v1/plans/${plan}`),
  );
  const item = planDoc.items.find((i) => i.key === 'IV.4')!;
  const amendmentBody = {
    summary: 'Sửa câu chữ',
    reasoning: 'Lý do',
    feedbackIds: [],
    changes: [{ op: 'update', itemId: item.id, title: 'Sở Tài chính' }],
  };
  const amendment = await ok<{ id: string }>(
    'amendment',
    await clients.focal.post(`/api/v1/plans/${plan}/amendments`, amendmentBody),
  );
  const guidance = await ok<{ id: string }>(
    'guidance',
    await clients.focal.post('/api/v1/guidance-documents', {
      number: '12/2025/TT-BNNMT',
      date: '2025-09-15',
      issuer: 'Bộ Nông nghiệp và Môi trường',
      title: 'Hướng dẫn quản lý chất thải rắn xây dựng',
      planItemIds: [item.id],
    }),
  );
  const feedbackForm = multipartForm(
    {
      name: 'Nguyễn Văn An',
      organisation: 'Hợp tác xã Phú Túc',
      contact: 'an.nguyen@example.vn',
      subject: 'Hỗ trợ kinh phí máy ủ phân',
      text: 'Hợp tác xã cần hỗ trợ kinh phí mua máy ủ phân hữu cơ.',
    },
    [{ field: 'attachments', name: 'de-xuat.pdf', body: pdfBytes(), type: 'application/pdf' }],
  );
  const sent = await ok<{ id: string; trackingCode: string }>(
    'feedback',
    await t.app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress: '10.77.0.1', ...feedbackForm }),
  );
  const feedbackItem = await ok<{ attachments: Array<{ id: string }> }>(
    'feedback item',
    await clients.focal.get(`/api/v1/feedback/${sent.id}`),
  );
  const draft = await ok<{ job?: { id: string } }>(
    'draft',
    await clients.focal.post(`/api/v1/cycles/${cycle.id}/consolidation`, {}),
  );
  await waitForJob(clients.focal, cycle.id, draft.job?.id);
  const job = await ok<{ job: { id: string } }>(
    'render',
    await clients.focal.post(`/api/v1/cycles/${cycle.id}/consolidation/document`),
  );
  const rendered = await waitForJob(clients.focal, cycle.id, job.job.id);
  // A second sign-in of each unit's officer: its session is the one the session rows end.
  const spareSession = async (c: TestClient) => {
    const spare = await t.login(c.user.email);
    const list = await ok<{ data: Array<{ id: string; isCurrent: boolean }> }>(
      'sessions',
      await spare.get('/api/v1/auth/sessions'),
    );
    return list.data.find((x) => x.isCurrent)!.id;
  };
  const planText = readFileSync(new URL('../plan-import/fixtures/ke-hoach-223-so-lap.txt', import.meta.url), 'utf8');
  const planImport = await ok<{ id: string }>(
    'import',
    await clients.focal.post('/api/v1/plan-imports', { text: planText }),
  );

  return {
    amendmentBody,
    clients,
    own: {
      report: ownReport.id,
      attachment: ownAttachment,
      notification: await firstNotification(clients.unit),
      submittedVersion: ownSubmitted.version,
      session: await spareSession(clients.unit),
      ...(await activityOf(clients.unit)),
      ...(await registryIds(clients.unit, validTaxCode(500_000))),
    },
    other: {
      report: otherReport.id,
      attachment: otherAttachment,
      notification: await firstNotification(finance),
      submittedVersion: otherSubmitted.version,
      session: await spareSession(finance),
      ...(await activityOf(finance)),
      ...(await registryIds(finance, validTaxCode(600_000))),
    },
    shared: {
      cycle: cycle.id,
      draftCycle: draftCycle.id,
      plan,
      amendment: amendment.id,
      guidance: guidance.id,
      feedback: sent.id,
      trackingCode: sent.trackingCode,
      feedbackAttachment: feedbackItem.attachments[0].id,
      document: rendered.job!.documentId!,
      job: job.job.id,
      orgUnit: await t.unitId('VL-SYT'),
      user: finance.user.id,
      planImport: planImport.id,
      planText,
    },
  };
}
