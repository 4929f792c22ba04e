// The authorization matrix (issue 11): every operation of the OpenAPI document × every role, and
// for a unit officer its own unit's object and another unit's, checked against ONE table a
// reviewer can read below. An operation without a row fails the test, so a new route cannot
// land without someone deciding who may call it.
//
//   allow — the call is let through: any answer but 401, 403 or 404 (400 and 409 are allowed:
//           the body is empty or the object's state forbids it, not the caller);
//   deny  — 401 when signed out, 403 or 404 when signed in (unknown and forbidden answer alike);
//   own   — (unit officer) allowed on its own unit's object, denied (404) on another unit's.
//
// BIOPLAN_MATRIX_PRINT=1 prints what every cell answered.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { validTaxCode as matrixTaxCode } from '../registries/registries.fixtures.js';
import { buildMatrixWorld, MATRIX_ROLES, type MatrixRole, type MatrixWorld } from './authz-matrix.fixtures.js';

type Cell = 'allow' | 'deny' | 'own';
type Row = Record<MatrixRole, Cell>;
const A = 'allow';
const D = 'deny';
const O = 'own';
/** Columns: anonymous, unit, leader, focal, admin. */
const row = (anonymous: Cell, unit: Cell, leader: Cell, focal: Cell, admin: Cell): Row => ({
  anonymous,
  unit,
  leader,
  focal,
  admin,
});

// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                         anon unit leader focal admin
  'POST /api/v1/auth/login':                                  row(A, A, A, A, A),
  'POST /api/v1/auth/logout':                                 row(D, A, A, A, A),
  'GET /api/v1/auth/me':                                      row(D, A, A, A, A),
  'POST /api/v1/auth/password':                              row(D, A, A, A, A),
  'POST /api/v1/auth/password/forgot':                       row(A, A, A, A, A),
  'POST /api/v1/auth/password/reset':                        row(A, A, A, A, A),
  'POST /api/v1/auth/unlock':                                row(A, A, A, A, A),
  'GET /api/v1/auth/sessions':                               row(D, A, A, A, A),
  // A session is its owner's: another account's answers 404.
  'DELETE /api/v1/auth/sessions/{id}':                       row(D, O, D, D, D),
  'POST /api/v1/users/{id}/unlock':                          row(D, D, D, D, A),
  'GET /api/v1/users/{id}/sessions':                         row(D, D, D, D, A),
  'DELETE /api/v1/users/{id}/sessions/{sessionId}':          row(D, D, D, D, A),
  'GET /api/v1/health':                                       row(A, A, A, A, A),
  'GET /api/v1/health/live':                                  row(A, A, A, A, A),
  'GET /api/v1/health/ready':                                 row(A, A, A, A, A),
  'GET /api/v1/users':                                        row(D, D, D, D, A),
  'POST /api/v1/users':                                       row(D, D, D, D, A),
  'PATCH /api/v1/users/{id}':                                 row(D, D, D, D, A),
  'GET /api/v1/org-units':                                    row(D, A, A, A, A),
  'GET /api/v1/org-units/{id}':                               row(D, A, A, A, A),
  'GET /api/v1/plans':                                        row(D, A, A, A, A),
  'GET /api/v1/plans/{id}':                                   row(D, A, A, A, A),
  'GET /api/v1/public/plan':                                  row(A, A, A, A, A),
  'GET /api/v1/plans/{id}/items':                             row(D, A, A, A, A),
  'GET /api/v1/plans/{id}/lineage':                           row(D, A, A, A, A),
  'POST /api/v1/plans/{id}/replacements':                     row(D, D, D, A, A),
  'POST /api/v1/plans/{id}/end':                              row(D, D, D, A, A),
  'GET /api/v1/plans/{id}/amendments':                        row(D, D, A, A, D),
  'POST /api/v1/plans/{id}/amendments':                       row(D, D, D, A, D),
  // A draft is the focal department's until it is submitted (the leader reads it once submitted).
  'GET /api/v1/plans/{id}/amendments/{amendmentId}':          row(D, D, D, A, D),
  'PATCH /api/v1/plans/{id}/amendments/{amendmentId}':        row(D, D, D, A, D),
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/submit':  row(D, D, D, A, D),
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/approve': row(D, D, A, D, D),
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/reject':  row(D, D, A, D, D),
  'GET /api/v1/plans/{id}/versions':                          row(D, A, A, A, A),
  'GET /api/v1/plans/{id}/diff':                              row(D, A, A, A, A),
  'GET /api/v1/plans/{id}/targets':                           row(D, A, A, A, A),
  'GET /api/v1/cycles':                                       row(D, A, A, A, A),
  'POST /api/v1/cycles':                                      row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}':                                  row(D, A, A, A, A),
  'PATCH /api/v1/cycles/{id}':                                row(D, D, D, A, D),
  'POST /api/v1/cycles/{id}/open':                            row(D, D, D, A, D),
  'GET /api/v1/indicators':                                   row(D, A, A, A, A),
  'POST /api/v1/cycles/{id}/close':                           row(D, D, D, A, D),
  'POST /api/v1/cycles/{id}/reopen':                          row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/expected-units':                   row(D, D, A, A, D),
  'POST /api/v1/cycles/{id}/expected-units':                  row(D, D, D, A, D),
  // A unit officer sees the extensions of its own unit only (filtered, not refused).
  'POST /api/v1/cycles/{id}/expected-units/{orgUnitId}/sections': row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/extensions':                       row(D, A, A, A, D),
  'POST /api/v1/cycles/{id}/extensions':                      row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/completeness':                     row(D, D, A, A, D),
  'GET /api/v1/cycles/{id}/reminders':                        row(D, D, A, A, D),
  'POST /api/v1/cycles/{id}/reminders':                       row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/my-report':                        row(D, A, D, D, D),
  // The admin keeps accounts, not reports: no report is shown to it.
  'GET /api/v1/reports':                                      row(D, A, A, A, D),
  'POST /api/v1/reports/accept':                              row(D, D, D, A, D),
  'GET /api/v1/reports/{id}':                                 row(D, O, A, A, D),
  'PUT /api/v1/reports/{id}':                                 row(D, O, D, D, D),
  'POST /api/v1/reports/{id}/submit':                         row(D, O, D, D, D),
  'POST /api/v1/reports/{id}/return':                         row(D, D, D, A, D),
  'POST /api/v1/reports/{id}/accept':                         row(D, D, D, A, D),
  'GET /api/v1/reports/{id}/history':                         row(D, O, A, A, D),
  'GET /api/v1/reports/{id}/derived':                         row(D, O, A, A, D),
  'GET /api/v1/reports/{id}/diff':                            row(D, O, A, A, D),
  'GET /api/v1/reports/{id}/attachments':                     row(D, O, A, A, D),
  'POST /api/v1/reports/{id}/attachments':                    row(D, O, D, D, D),
  'GET /api/v1/reports/{id}/attachments/{attachmentId}':      row(D, O, A, A, D),
  'DELETE /api/v1/reports/{id}/attachments/{attachmentId}':   row(D, O, D, D, D),
  'GET /api/v1/reports/{id}/document.docx':                   row(D, O, A, A, D),
  'GET /api/v1/reports/{id}/template.xlsx':                   row(D, O, A, A, D),
  'POST /api/v1/reports/{id}/import.xlsx':                    row(D, O, D, D, D),
  'POST /api/v1/cycles/{id}/consolidation':                   row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/consolidation':                    row(D, D, A, A, D),
  'PATCH /api/v1/cycles/{id}/consolidation':                  row(D, D, D, A, D),
  'POST /api/v1/cycles/{id}/consolidation/document':          row(D, D, D, A, D),
  'POST /api/v1/cycles/{id}/consolidation/approve':           row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/consolidation.docx':               row(D, D, A, A, D),
  'GET /api/v1/cycles/{id}/consolidation/documents/{documentId}': row(D, D, A, A, D),
  'GET /api/v1/cycles/{id}/publication':                      row(D, D, A, A, D),
  'PUT /api/v1/cycles/{id}/publication':                      row(D, D, D, A, D),
  'POST /api/v1/cycles/{id}/publication/withdraw':            row(D, D, D, A, D),
  'GET /api/v1/cycles/{id}/export.xlsx':                      row(D, D, A, A, D),
  'POST /api/v1/feedback':                                    row(A, A, A, A, A),
  'GET /api/v1/feedback':                                     row(D, A, A, A, A),
  'GET /api/v1/feedback/track/{trackingCode}':                row(A, A, A, A, A),
  'GET /api/v1/feedback/published':                           row(A, A, A, A, A),
  // A citizen's item is the focal department's desk; other accounts see only what their unit sent or was forwarded.
  'GET /api/v1/feedback/forward-targets':                     row(D, D, D, A, D),
  'GET /api/v1/feedback/{id}':                                row(D, D, D, A, D),
  'PATCH /api/v1/feedback/{id}':                              row(D, D, D, A, D),
  'GET /api/v1/feedback/{id}/attachments/{attachmentId}':     row(D, D, D, A, D),
  'GET /api/v1/guidance-documents':                           row(D, A, A, A, A),
  'POST /api/v1/guidance-documents':                          row(D, D, D, A, D),
  'GET /api/v1/guidance-documents/{id}':                      row(D, A, A, A, A),
  'PATCH /api/v1/guidance-documents/{id}':                    row(D, D, D, A, D),
  'GET /api/v1/notifications':                                row(D, A, A, A, A),
  'GET /api/v1/notifications/unread-count':                   row(D, A, A, A, A),
  'POST /api/v1/notifications/read-all':                      row(D, A, A, A, A),
  'GET /api/v1/home':                                         row(D, A, A, A, A),
  'POST /api/v1/notifications/{id}/read':                     row(D, O, D, D, D),
  'GET /api/v1/plan-imports':                                 row(D, D, D, A, A),
  'POST /api/v1/plan-imports':                                row(D, D, D, A, A),
  'GET /api/v1/plan-imports/{id}':                            row(D, D, D, A, A),
  'PATCH /api/v1/plan-imports/{id}':                          row(D, D, D, A, A),
  'POST /api/v1/plan-imports/{id}/publish':                   row(D, D, D, A, A),
  'GET /api/v1/audit-log':                                    row(D, D, A, A, A),
  'GET /api/v1/audit-log/facets':                             row(D, D, A, A, A),
  'GET /api/v1/audit-log/export.xlsx':                        row(D, D, A, A, A),
  'GET /api/v1/jobs/{id}':                                    row(D, D, D, A, A),
  // The registries are read province-wide by every role; units and the focal department add records
  // and observations; a unit edits only what its unit created (another unit's record: 403, it is visible).
  'GET /api/v1/settings/agency':                              row(D, D, D, A, A),
  'PUT /api/v1/settings/agency':                              row(D, D, D, A, A),
  'GET /api/v1/settings/unit-signer':                         row(D, A, D, D, D),
  'PUT /api/v1/settings/unit-signer':                         row(D, A, D, D, D),
  'GET /api/v1/registries/enterprises':                       row(D, A, A, A, A),
  'POST /api/v1/registries/enterprises':                      row(D, A, D, A, D),
  'GET /api/v1/registries/enterprises/lookup':                row(D, A, A, A, A),
  'GET /api/v1/registries/enterprises/count':                 row(D, A, A, A, A),
  'GET /api/v1/registries/enterprises/export.xlsx':           row(D, A, A, A, A),
  'POST /api/v1/registries/enterprises/import.xlsx':          row(D, A, D, A, D),
  'GET /api/v1/registries/enterprises/{id}':                  row(D, A, A, A, A),
  'PATCH /api/v1/registries/enterprises/{id}':                row(D, O, D, A, D),
  'POST /api/v1/registries/enterprises/{id}/observations':    row(D, A, D, A, D),
  // The dashboards: the focal department, leaders and the administrator; unit officers 403.
  'GET /api/v1/progress/overview':                            row(D, D, A, A, A),
  'GET /api/v1/progress/items':                               row(D, D, A, A, A),
  'GET /api/v1/progress/indicators':                          row(D, D, A, A, A),
  'GET /api/v1/progress/timeliness':                          row(D, D, A, A, A),
  'GET /api/v1/progress/export':                              row(D, D, A, A, A),
  // A unit keeps its own activities and detailed plan; focal and leaders read every unit's; a
  // unit reads another's activity only when named as coordinating (404 otherwise).
  'GET /api/v1/activities':                                   row(D, A, A, A, D),
  'POST /api/v1/activities':                                  row(D, A, D, D, D),
  'GET /api/v1/activities/export.xlsx':                       row(D, A, A, A, D),
  'GET /api/v1/activities/{id}':                              row(D, O, A, A, D),
  'PATCH /api/v1/activities/{id}':                            row(D, O, D, D, D),
  'POST /api/v1/activities/{id}/notes':                       row(D, O, D, D, D),
  'GET /api/v1/activities/{id}/files/{fileId}':               row(D, O, A, A, D),
  'GET /api/v1/detailed-plans':                               row(D, D, A, A, D),
  'GET /api/v1/detailed-plans/mine':                          row(D, A, D, D, D),
  'PUT /api/v1/detailed-plans/mine':                          row(D, A, D, D, D),
  'POST /api/v1/detailed-plans/mine/file':                    row(D, A, D, D, D),
  'GET /api/v1/detailed-plans/{id}/file':                     row(D, O, A, A, D),
  'GET /api/v1/registries/enterprises/{id}/attachments':      row(D, A, A, A, A),
  'POST /api/v1/registries/enterprises/{id}/attachments':     row(D, O, D, A, D),
  'GET /api/v1/registries/enterprises/{id}/attachments/{attachmentId}': row(D, A, A, A, A),
  'GET /api/v1/registries/records':                           row(D, A, A, A, A),
  'POST /api/v1/registries/records':                          row(D, A, D, A, D),
  'GET /api/v1/registries/records/export.xlsx':               row(D, A, A, A, A),
  'POST /api/v1/registries/records/import.xlsx':              row(D, A, D, A, D),
  'GET /api/v1/registries/records/{id}':                      row(D, A, A, A, A),
  'PATCH /api/v1/registries/records/{id}':                    row(D, O, D, A, D),
  'GET /api/v1/registries/records/{id}/attachments':          row(D, A, A, A, A),
  'POST /api/v1/registries/records/{id}/attachments':         row(D, O, D, A, D),
  'GET /api/v1/registries/records/{id}/attachments/{attachmentId}': row(D, A, A, A, A),
  // After the downloads: the unit removes its own file, the focal department the other unit's.
  'DELETE /api/v1/registries/records/{id}/attachments/{attachmentId}': row(D, O, D, A, D),
  'DELETE /api/v1/registries/enterprises/{id}/attachments/{attachmentId}': row(D, O, D, A, D),
};

/** Which object a path parameter names, by the segment before it. */
function objectFor(param: string, before: string, world: MatrixWorld, side: 'own' | 'other'): string {
  const ids = world[side];
  const s = world.shared;
  if (param === 'amendmentId') return s.amendment;
  if (param === 'documentId') return s.document;
  if (param === 'trackingCode') return s.trackingCode;
  if (param === 'orgUnitId') return s.orgUnit;
  if (param === 'sessionId' || before === 'sessions') return ids.session;
  if (param === 'fileId') return ids.activityFile;
  if (param === 'attachmentId') {
    if (before === 'records') return ids.recordAttachment;
    if (before === 'enterprises') return ids.enterpriseAttachment;
    return before === 'feedback' ? s.feedbackAttachment : ids.attachment;
  }
  const byCollection: Record<string, string> = {
    reports: ids.report,
    notifications: ids.notification,
    cycles: s.cycle,
    plans: s.plan,
    feedback: s.feedback,
    'guidance-documents': s.guidance,
    'org-units': s.orgUnit,
    users: s.user,
    jobs: s.job,
    'plan-imports': s.planImport,
    enterprises: ids.enterprise,
    activities: ids.activity,
    'detailed-plans': ids.detailedPlan,
    records: ids.record,
  };
  const id = byCollection[before];
  if (!id) throw new Error(`no object for {${param}} after /${before}/`);
  return id;
}

/** Operations that need another object than the default one. */
const DRAFT_CYCLE_OPS = new Set([
  'POST /api/v1/cycles/{id}/expected-units/{orgUnitId}/sections',
  'PATCH /api/v1/cycles/{id}',
  'POST /api/v1/cycles/{id}/open',
  'POST /api/v1/cycles/{id}/expected-units',
]);

/** The diffs compare two versions: the plan's first, a report's submitted one. */
function diffQuery(op: string, world: MatrixWorld, side: 'own' | 'other'): string {
  if (op === 'GET /api/v1/plans/{id}/diff') return '?from=1&to=1';
  if (op === 'GET /api/v1/registries/enterprises/lookup') return '?taxCode=0300588569';
  if (op === 'GET /api/v1/registries/enterprises/count') return '?year=2026';
  if (op === 'GET /api/v1/progress/export') return '?figure=timeliness&format=csv';
  if (op.includes('/api/v1/registries/records') && !op.includes('{id}')) return '?kind=training';
  if (op === 'GET /api/v1/reports/{id}/diff') {
    const v = world[side].submittedVersion;
    return `?from=${v}&to=${v}`;
  }
  return '';
}

let serial = 0;
/**
 * A valid body for each operation that takes one, so that validation passes and the answer is
 * the access decision. Each call is new (unique e-mails and years), as several roles may be allowed.
 */
const BODIES: Record<string, (w: MatrixWorld) => unknown> = {
  'POST /api/v1/auth/login': (w) => ({ email: w.clients.leader.user.email, password: TEST_PASSWORD }),
  'POST /api/v1/users': () => ({
    email: `matrix${++serial}@test.vn`,
    name: 'Cán bộ mới',
    role: 'leader',
    password: 'Sinh-hoc-2030-Ben-Tre',
  }),
  'PATCH /api/v1/users/{id}': () => ({ name: 'Cán bộ Sở Tài chính' }),
  // A wrong current password (400): the matrix's sessions must survive.
  'POST /api/v1/auth/password': () => ({ currentPassword: 'not-the-password', newPassword: 'Sinh-hoc-2030-Ben-Tre' }),
  'POST /api/v1/auth/password/forgot': () => ({ email: 'nobody@test.vn' }),
  'POST /api/v1/auth/password/reset': () => ({ token: 'x'.repeat(43), password: 'Sinh-hoc-2030-Ben-Tre' }),
  'POST /api/v1/auth/unlock': () => ({ token: 'x'.repeat(43) }),
  'POST /api/v1/plans/{id}/amendments': (w) => w.amendmentBody,
  // The plan replacing itself: let through (400), changes nothing.
  'POST /api/v1/plans/{id}/replacements': (w) => ({
    oldPlanIds: [w.shared.plan],
    fromDate: '2026-07-01',
    confirm: true,
  }),
  // An end day before the plan's date: let through (400), the plan keeps running.
  'POST /api/v1/plans/{id}/end': () => ({ endedOn: '2000-01-01', reason: 'Thử kết thúc' }),
  'PATCH /api/v1/plans/{id}/amendments/{amendmentId}': (w) => w.amendmentBody,
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/submit': () => ({}),
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/approve': () => ({
    documentNumber: '99/QĐ-UBND',
    documentDate: '2026-11-20',
  }),
  'POST /api/v1/plans/{id}/amendments/{amendmentId}/reject': () => ({ comment: 'Chưa đủ căn cứ' }),
  'POST /api/v1/cycles': (w) => ({ planId: w.shared.plan, year: 2040 + ++serial }),
  'PATCH /api/v1/cycles/{id}': () => ({ graceDays: 1 }),
  'POST /api/v1/cycles/{id}/expected-units': (w) => ({ action: 'remove', orgUnitId: w.shared.orgUnit, reason: 'Thử' }),
  'POST /api/v1/cycles/{id}/extensions': (w) => ({
    orgUnitId: w.shared.orgUnit,
    deadline: '2026-12-10',
    reason: 'Lý do chính đáng',
  }),
  'POST /api/v1/cycles/{id}/reminders': () => ({ note: 'Nhắc gửi báo cáo' }),
  'POST /api/v1/cycles/{id}/expected-units/{orgUnitId}/sections': () => ({
    action: 'add',
    key: 'IV.4',
    reason: 'Đơn vị tham gia nhiệm vụ này',
  }),
  'POST /api/v1/reports/accept': (w) => ({ reportIds: [w.other.report] }),
  'PUT /api/v1/reports/{id}': () => ({ version: 1, values: [], sections: [] }),
  'POST /api/v1/reports/{id}/submit': () => ({ version: 1 }),
  'POST /api/v1/reports/{id}/return': () => ({ reason: 'Thiếu số liệu chỉ tiêu' }),
  'POST /api/v1/cycles/{id}/consolidation': () => ({}),
  'PATCH /api/v1/cycles/{id}/consolidation': () => ({ version: 1 }),
  'POST /api/v1/cycles/{id}/consolidation/approve': () => ({ version: 999 }),
  // The matrix's draft is not approved: publishing answers 409 and nothing reaches the portal.
  'PUT /api/v1/cycles/{id}/publication': () => ({ consolidationVersion: 999, version: 0, items: [] }),
  'POST /api/v1/cycles/{id}/publication/withdraw': () => ({ version: 999 }),
  'POST /api/v1/feedback': () => ({
    name: 'Nguyễn Văn An',
    contact: 'an.nguyen@example.vn',
    subject: 'Câu hỏi',
    text: 'Xin hỏi về chế phẩm sinh học.',
  }),
  'PATCH /api/v1/feedback/{id}': () => ({ status: 'in_progress' }),
  'POST /api/v1/guidance-documents': () => ({
    number: `${++serial}/2026/TT-BNNMT`,
    date: '2026-05-01',
    issuer: 'Bộ Nông nghiệp và Môi trường',
    title: 'Hướng dẫn',
  }),
  'PATCH /api/v1/guidance-documents/{id}': () => ({ title: 'Hướng dẫn đã sửa' }),
  'POST /api/v1/plan-imports': (w) => ({ text: w.shared.planText }),
  // A stale version (409) keeps the draft unpublished for the roles after.
  'POST /api/v1/registries/enterprises': () => ({ taxCode: matrixTaxCode(++serial), name: 'Công ty Ma trận' }),
  // A stale version (409) leaves the record as it was for the roles after.
  'PATCH /api/v1/registries/enterprises/{id}': () => ({ version: 999, sector: 'Ngành' }),
  'POST /api/v1/registries/records': () => ({
    kind: 'communication',
    data: { title: 'Tin bài ma trận', form: 'article', date: '2026-05-05' },
  }),
  // A stale version (409) leaves the record as it was.
  'PATCH /api/v1/registries/records/{id}': () => ({ version: 999 }),
  'POST /api/v1/registries/enterprises/{id}/observations': () => ({ year: 2026, note: 'Ghi nhận' }),
  'POST /api/v1/activities': () => ({
    title: `Hoạt động ma trận ${++serial}`,
    planItemKeys: ['IV.1.a'],
    period: { kind: 'month', year: 2026, number: 6 },
  }),
  // A stale version (409) leaves the activity and the detailed plan as they were.
  'PATCH /api/v1/activities/{id}': () => ({ version: 999, title: 'Đổi tên' }),
  'POST /api/v1/activities/{id}/notes': () => ({ date: '2026-06-02', text: 'Tiến độ ma trận' }),
  'PUT /api/v1/detailed-plans/mine': () => ({
    kind: 'document',
    documentNumber: '1/KH',
    documentDate: '2026-02-01',
    title: 'Kế hoạch chi tiết',
    version: 999,
  }),
  'PATCH /api/v1/plan-imports/{id}': () => ({ version: 999, ops: [{ op: 'setDate', value: '2025-03-27' }] }),
  'POST /api/v1/plan-imports/{id}/publish': () => ({ version: 999 }),
  // A time the settings were never read at (409) leaves them as they were for the roles after.
  'PUT /api/v1/settings/agency': () => ({
    settings: {
      province: 'Vĩnh Long',
      issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long',
      focalDepartment: { name: 'Sở Nông nghiệp và Môi trường', abbreviation: 'SNNMT' },
      consolidatedReport: { copyTo: ['Lưu: VT.'], signerAuthority: '', signerTitle: '', signerName: '' },
      unitReport: { copyTo: ['Lưu: VT.'] },
    },
    updatedAt: '2000-01-01T00:00:00Z',
  }),
  'PUT /api/v1/settings/unit-signer': () => ({ name: 'Người Ký Ma Trận' }),
};

function requestFor(op: string, world: MatrixWorld, side: 'own' | 'other'): InjectOptions {
  const [method, template] = op.split(' ');
  const segments = template.split('/');
  const url = segments
    .map((seg, i) => {
      const m = /^\{(.+)\}$/.exec(seg);
      if (!m) return seg;
      if (DRAFT_CYCLE_OPS.has(op) && m[1] === 'id') return world.shared.draftCycle;
      const before = segments[i - 1] === 'attachments' ? segments[i - 3] : segments[i - 1];
      return objectFor(m[1], before, world, side);
    })
    .join('/')
    .concat(diffQuery(op, world, side));
  if (method === 'GET' || method === 'DELETE') return { method, url };
  if (op.endsWith('/attachments') || op.endsWith('/mine/file')) {
    return { method, url, ...multipartForm({}, [{ name: 'a.pdf', body: pdfBytes(), type: 'application/pdf' }]) };
  }
  if (op.endsWith('/import.xlsx')) {
    return { method, url, ...multipartForm({}, [{ name: 'a.xlsx', body: Buffer.from('not a workbook') }]) };
  }
  const body = BODIES[op];
  return { method, url, payload: (body ? body(world) : {}) as never };
}

let t: TestApp;
let world: MatrixWorld;
let operations: string[];

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildMatrixWorld(t);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 180_000);
afterAll(async () => t?.close());

it('has one row for every operation of the OpenAPI document, and none for an operation that is gone', () => {
  expect(operations.filter((op) => !MATRIX[op])).toEqual([]);
  expect(Object.keys(MATRIX).filter((op) => !operations.includes(op))).toEqual([]);
});

it('answers every operation × role × own and other unit as the table says', async () => {
  const wrong: string[] = [];
  const printed: string[] = [];
  let cells = 0;
  for (const op of Object.keys(MATRIX)) {
    if (!operations.includes(op)) continue;
    const observed: string[] = [];
    for (const role of MATRIX_ROLES) {
      const expected = MATRIX[op][role];
      // A unit officer is tried on its own unit's object and on another unit's; the others on another unit's.
      const tries: Array<['own' | 'other', 'allow' | 'deny']> =
        role === 'unit'
          ? [
              ['own', expected === 'deny' ? 'deny' : 'allow'],
              ['other', expected === 'allow' ? 'allow' : 'deny'],
            ]
          : [['other', expected === 'deny' ? 'deny' : 'allow']];
      for (const [side, want] of tries) {
        cells += 1;
        const request = requestFor(op, world, side);
        // Signing out ends the session it is sent with: use a session of its own.
        const client =
          role === 'anonymous'
            ? null
            : op === 'POST /api/v1/auth/logout'
              ? await t.login(world.clients[role].user.email)
              : world.clients[role];
        const res = client ? await client.inject(request) : await t.app.inject(request);
        observed.push(`${role}${role === 'unit' ? `/${side}` : ''}=${res.statusCode}`);
        const denied = [401, 403, 404].includes(res.statusCode);
        const right =
          want === 'deny'
            ? role === 'anonymous'
              ? res.statusCode === 401
              : denied && res.statusCode !== 401
            : !denied && res.statusCode < 500;
        if (!right)
          wrong.push(
            `${op} as ${role}${role === 'unit' ? ` (${side} unit)` : ''}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
      }
    }
    printed.push(`${op}: ${observed.join(' ')}`);
  }
  if (process.env.BIOPLAN_MATRIX_PRINT) console.log(printed.join('\n'));
  console.log(
    `authorization matrix: ${Object.keys(MATRIX).length} operations × ${MATRIX_ROLES.length} roles, ${cells} cells`,
  );
  expect(wrong).toEqual([]);
}, 300_000);
