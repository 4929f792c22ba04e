import type {
  AttachmentDto,
  ListReportsQuery,
  ReportDiffResponse,
  ReportDto,
  ReportHistoryItem,
  ReportSavedDto,
  ReportSummaryDto,
  SaveReportRequest,
} from '../../../shared/contracts/reporting.js';
import { LIMITS } from '../../../shared/limits.js';
import { hasPermission } from '../../../shared/permissions.js';
import {
  canApply,
  checkShape,
  computeTotals,
  diffContent,
  lockDate,
  STATUS_LABELS,
  submissionAllowed,
  submissionTiming,
  validateForSubmit,
  viDate,
  type ContentSection,
  type ContentValue,
  type ReportContent,
} from '../../../shared/reporting-rules.js';
import { formatDateTime } from '../../../shared/format.js';
import type { DbOrTx } from '../../db/client.js';
import type { FrozenSection } from '../../db/schema/index.js';
import { requireAccess, requireActor } from '../../lib/access.js';
import { auditInsert, writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, notFound, type Message } from '../../lib/errors.js';
import { enqueueMail } from '../../lib/mail.js';
import { checkAttachment, localStorage } from '../../lib/storage.js';
import { recordReportFeedback } from '../feedback/feedback.service.js';
import * as cyclesRepo from './cycles.repository.js';
import { loadCycle, requireOpen } from './cycles.service.js';
import { cycleForm } from './form-cache.js';
import { iso, person, toCycleUnitDto } from './reporting.dto.js';
import * as repo from './reports.repository.js';

const REPORT_NOT_FOUND = msg('Không tìm thấy báo cáo', 'Report not found');
const reportNotFound = () => notFound(REPORT_NOT_FOUND);

/** "Báo cáo năm 2026 của Sở Y tế" — how messages name a report. */
function reportName(cycle: { year: number }, e: { name: string } | undefined): Message {
  const unit = e?.name ?? '';
  return msg(`Báo cáo năm ${cycle.year} của ${unit}`, `The ${cycle.year} report of ${unit}`);
}

function isOwner(actor: Actor | null, report: { orgUnitId: string }): boolean {
  return actor?.role === 'unit' && actor.orgUnitId === report.orgUnitId;
}

/** Read access: a unit officer its own unit's report; focal and leader every report; else 404. */
function requireRead(ctx: Ctx, report: { orgUnitId: string }): Actor {
  const actor = requireActor(ctx);
  return requireAccess(ctx, actor.role === 'unit' ? 'report.write.own' : 'report.read.all', report, REPORT_NOT_FOUND);
}

/** Write access: only a unit officer of the report's unit (a leader reads all and writes none). */
function requireWrite(ctx: Ctx, report: { orgUnitId: string }): Actor {
  const actor = requireActor(ctx);
  if (actor.role !== 'unit') {
    requireRead(ctx, report);
    throw new AppError('FORBIDDEN', msg('Chỉ cán bộ của đơn vị mới sửa và gửi báo cáo của đơn vị', "Only the unit's officers edit and submit its report"), { status: 403 });
  }
  return requireAccess(ctx, 'report.write.own', report, REPORT_NOT_FOUND);
}

/** Review access: whoever may read the report and holds report.review (else 403; unreadable: 404). */
function requireReview(ctx: Ctx, report: { orgUnitId: string }): Actor {
  requireRead(ctx, report);
  return requireAccess(ctx, 'report.review');
}

async function loadReport(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<repo.ReportRow> {
  const report = await repo.getReport(db, id, opts);
  if (!report) throw reportNotFound();
  return report;
}

async function expectedOf(db: DbOrTx, report: repo.ReportRow): Promise<cyclesRepo.ExpectedUnitRow> {
  const e = await cyclesRepo.getExpected(db, report.cycleId, report.orgUnitId);
  if (!e) throw reportNotFound();
  return e;
}

/** The unit's frozen row of a loaded report; a unit no longer in the list reads as not found. */
function expectedIn(b: repo.LoadedReport): cyclesRepo.ExpectedUnitRow {
  if (!b.expected) throw reportNotFound();
  return b.expected;
}

/** A loaded report; 404 when there is none. */
async function loadBundle(db: DbOrTx, id: string, opts: Parameters<typeof repo.loadReportBundle>[2] = {}): Promise<repo.LoadedReport> {
  const b = await repo.loadReportBundle(db, id, opts);
  if (!b) throw reportNotFound();
  return b;
}

async function formOf(db: DbOrTx, cycle: { id: string; status: string }, sections: FrozenSection[]) {
  return { indicators: (await cycleForm(db, cycle)).indicators, sections };
}

/** Values as stored and read back: empty ones dropped, no stream as null, ordered by indicator and stream. */
function storedValues(values: ContentValue[]): ContentValue[] {
  const key = (v: ContentValue) => [v.indicatorCode, v.wasteStream ?? ''] as const;
  return values
    .filter((v) => v.value !== null && v.value !== '')
    .map((v) => ({ indicatorCode: v.indicatorCode, wasteStream: v.wasteStream ?? null, value: v.value }))
    .sort((a, b) => {
      const [ac, as] = key(a);
      const [bc, bs] = key(b);
      // Code-point order, as reports.repository reads them back.
      return ac < bc ? -1 : ac > bc ? 1 : as < bs ? -1 : as > bs ? 1 : 0;
    });
}

/** Sections in the order of the unit's form. */
function inFormOrder(sections: ContentSection[], frozen: FrozenSection[]): ContentSection[] {
  const pos = new Map(frozen.map((f, i) => [f.planItemId, i]));
  return [...sections].sort((a, b) => (pos.get(a.planItemId) ?? frozen.length) - (pos.get(b.planItemId) ?? frozen.length));
}

function contentOfBundle(b: repo.LoadedReport): ReportContent {
  const c = b.content ?? { values: [], sections: [] };
  return { values: c.values, sections: c.sections, otherResults: b.report.otherResults, proposalsToCommittee: b.report.proposalsToCommittee };
}

function toSummary(r: repo.ReportRow, c: { year: number }, e: cyclesRepo.ExpectedUnitRow): ReportSummaryDto {
  return {
    id: r.id,
    cycleId: r.cycleId,
    year: c.year,
    orgUnitId: r.orgUnitId,
    unit: toCycleUnitDto(e),
    status: r.status,
    version: r.version,
    firstSubmittedAt: iso(r.firstSubmittedAt),
    submittedAt: iso(r.submittedAt),
    isLate: r.isLate,
    daysLate: r.daysLate,
    deadline: e.deadline,
    updatedAt: iso(r.updatedAt)!,
  };
}

/** What the full report is built from: the report, its cycle and unit row, and its content. */
interface ReportView {
  report: repo.ReportRow;
  cycle: repo.CycleHead;
  e: cyclesRepo.ExpectedUnitRow;
  values: ContentValue[];
  sections: ContentSection[];
  /** Last year's accepted values when already read with the report (else read here). */
  previous?: repo.PreviousValues | null;
}

/**
 * The full report as its reader sees it, with the form, last year's values and the abilities.
 * Built from what the caller already holds: only the extension (when the unit has one) and last
 * year's accepted values are read here; the form comes from the per-cycle cache.
 */
async function toReportDto(ctx: Ctx, v: ReportView): Promise<ReportDto> {
  const { report, cycle, e } = v;
  const form = await formOf(ctx.db, cycle, e.sections);
  const [ext] = e.hasExtension ? await cyclesRepo.listExtensions(ctx.db, report.cycleId, report.orgUnitId) : [];
  const prev = v.previous !== undefined ? v.previous : await repo.previousAcceptedValues(ctx.db, cycle.planId, cycle.year - 1, report.orgUnitId);
  const now = ctx.clock.now();
  const lock = lockDate(e.deadline, cycle.graceDays);
  const isLocked = !report.firstSubmittedAt && submissionTiming(e.deadline, cycle.graceDays, now).timing === 'locked';
  const actor = ctx.actor;
  const canEdit = isOwner(actor, report) && cycle.status === 'open' && canApply(report.status, 'save');
  const canReview = Boolean(actor && hasPermission(actor.role, 'report.review')) && report.status === 'submitted';
  return {
    ...toSummary(report, cycle, e),
    cycleStatus: cycle.status,
    values: v.values,
    sections: inFormOrder(v.sections, e.sections),
    otherResults: report.otherResults,
    proposalsToCommittee: report.proposalsToCommittee,
    totals: computeTotals(form.indicators, v.values),
    form,
    previous: prev ? { year: prev.year, reportId: prev.reportId, values: prev.values } : null,
    extension: ext ? { deadline: ext.deadline, reason: ext.reason } : null,
    lockDate: lock,
    isLocked,
    returnReason: report.returnReason,
    updatedBy: updatedByOf(report),
    abilities: { canEdit, canSubmit: canEdit && !isLocked, canReturn: canReview && cycle.status === 'open', canAccept: canReview, canUpload: canEdit },
  };
}

/** Reads a report with its content (one statement) and builds the full response. */
async function reportDtoById(ctx: Ctx, id: string): Promise<ReportDto> {
  const b = await loadBundle(ctx.db, id, { content: true, previous: true });
  return toReportDto(ctx, { report: b.report, cycle: b.cycle, e: expectedIn(b), values: b.content!.values, sections: b.content!.sections, previous: b.previous });
}

/** A change's answer: the full report, or with `Prefer: return=minimal` its new state only. */
type Answer<M extends boolean> = M extends true ? ReportSavedDto : ReportDto;

async function answerOf<M extends boolean>(ctx: Ctx, v: ReportView, minimal: M | undefined): Promise<Answer<M>> {
  if (!minimal) return (await toReportDto(ctx, v)) as Answer<M>;
  const saved: ReportSavedDto = { ...toSummary(v.report, v.cycle, v.e), updatedBy: updatedByOf(v.report) };
  return saved as Answer<M>;
}

/** Who saved the report last, or null. */
function updatedByOf(r: repo.ReportRow) {
  return r.updatedByName ? person(r.updatedBy, r.updatedByName, r.updatedByEmail) : null;
}

/**
 * The unit's report in a cycle, created on first open when the unit is expected and the cycle
 * is open. Creation is recorded in the history and the audit log.
 */
async function ensureUnitReport(ctx: Ctx, cycleId: string, orgUnitId: string): Promise<repo.ReportRow> {
  const existing = await repo.getReportByUnit(ctx.db, cycleId, orgUnitId);
  if (existing) return existing;
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    requireOpen(cycle);
    const e = await cyclesRepo.getExpected(tx, cycleId, orgUnitId);
    if (!e || e.removedAt) {
      throw notFound(msg(`Đơn vị không thuộc danh sách phải báo cáo năm ${cycle.year}`, `The unit is not expected to report for ${cycle.year}`));
    }
    const now = ctx.clock.now();
    const { row, created } = await repo.ensureReport(tx, cycleId, orgUnitId, now);
    if (created) {
      await repo.insertEvent(tx, { reportId: row.id, at: now, actorId: actor.id, actorName: actor.name, actorEmail: actor.email, action: 'create', version: row.version });
      await writeAudit(tx, { actor, action: 'report.create', entityType: 'report', entityId: row.id, data: { cycleId, orgUnitId }, requestId: ctx.requestId, at: now });
    }
    return row;
  });
}

/** GET /cycles/:id/my-report — the signed-in unit officer's report, created on first open. */
export async function getMyReport(ctx: Ctx, cycleId: string): Promise<ReportDto> {
  const actor = requireAccess(ctx, 'report.write.own');
  if (!actor.orgUnitId) throw reportNotFound();
  await loadCycle(ctx.db, cycleId);
  return reportDtoById(ctx, (await ensureUnitReport(ctx, cycleId, actor.orgUnitId)).id);
}

/** Reports, scoped: a unit officer sees its own unit's only (and gets it created when it asks by cycle). */
export async function listReports(ctx: Ctx, q: ListReportsQuery) {
  const actor = requireActor(ctx);
  let orgUnitId = q.orgUnitId;
  if (actor.role === 'unit') {
    requireAccess(ctx, 'report.write.own');
    if (!actor.orgUnitId || (q.orgUnitId && q.orgUnitId !== actor.orgUnitId)) return { data: [], page: { page: q.page, pageSize: q.pageSize, total: 0 } };
    orgUnitId = actor.orgUnitId;
    if (q.cycleId) {
      const cycle = await cyclesRepo.getCycle(ctx.db, q.cycleId);
      const e = cycle?.status === 'open' ? await cyclesRepo.getExpected(ctx.db, q.cycleId, orgUnitId) : undefined;
      if (e && !e.removedAt) await ensureUnitReport(ctx, q.cycleId, orgUnitId);
    }
  } else {
    requireAccess(ctx, 'report.read.all');
  }
  const { rows, total } = await repo.listReports(ctx.db, { ...q, orgUnitId });
  return { data: rows.map(({ r, c, e }) => toSummary(r, c, e)), page: { page: q.page, pageSize: q.pageSize, total } };
}

export async function getReport(ctx: Ctx, id: string): Promise<ReportDto> {
  const b = await loadBundle(ctx.db, id, { content: true, previous: true });
  requireRead(ctx, b.report);
  return toReportDto(ctx, { report: b.report, cycle: b.cycle, e: expectedIn(b), values: b.content!.values, sections: b.content!.sections, previous: b.previous });
}

function notEditable(cycle: { year: number }, e: cyclesRepo.ExpectedUnitRow, status: repo.ReportRow['status']): AppError {
  const name = reportName(cycle, e);
  return new AppError(
    'REPORT_NOT_EDITABLE',
    msg(`${name.vi} đang ở trạng thái "${STATUS_LABELS[status].vi}", không sửa được`, `${name.en} is ${STATUS_LABELS[status].en} and cannot be edited`),
    { status: 409 },
  );
}

function staleVersion(cycle: { year: number }, e: cyclesRepo.ExpectedUnitRow, report: repo.ReportRow): AppError {
  const who = report.updatedByName ?? 'người khác';
  const when = formatDateTime(report.updatedAt);
  const name = reportName(cycle, e);
  return new AppError(
    'CONFLICT',
    msg(
      `${name.vi} vừa được ${who} sửa lúc ${when}; vui lòng tải lại để xem bản mới nhất`,
      `${name.en} was changed by ${who} at ${when} (Vietnam time); reload to see the latest copy`,
    ),
    { status: 409, issues: [{ path: 'version', message: msg(`Phiên bản hiện tại là ${report.version}`, `The current version is ${report.version}`) }] },
  );
}

function toIssuesError(issues: ReturnType<typeof checkShape>, vi: string, en: string): AppError {
  return new AppError('VALIDATION_ERROR', msg(vi, en), { issues });
}

/**
 * When a write did not land because the report changed after it was read: the report as it is
 * now says why — someone saved or submitted first (409 naming who and when).
 */
async function changedSinceRead(ctx: Ctx, id: string, read: repo.LoadedReport, err: repo.ChangedSinceRead): Promise<AppError> {
  const now = await loadBundle(ctx.db, id);
  if (now.report.version === read.report.version) throw err.cause;
  return staleVersion(read.cycle, expectedIn(read), now.report);
}

/**
 * Saves the draft (the whole content). Refuses a stale `version` with 409 naming who saved last
 * and when; consecutive saves by the same person within ten minutes make one history line.
 * One read and one write statement: the write lands only if the report still has the version
 * that was read (writeIfCurrent), so a save racing another change answers 409, never overwrites.
 */
export async function saveReport<M extends boolean = false>(ctx: Ctx, id: string, input: SaveReportRequest, opts: { minimal?: M } = {}): Promise<Answer<M>> {
  const b = await loadBundle(ctx.db, id, { lastEvent: true, previous: !opts.minimal });
  const report = b.report;
  const actor = requireWrite(ctx, report);
  const cycle = b.cycle;
  requireOpen(cycle);
  const e = expectedIn(b);
  if (!canApply(report.status, 'save')) throw notEditable(cycle, e, report.status);
  if (input.version !== report.version) throw staleVersion(cycle, e, report);
  const content: ReportContent = {
    values: input.values,
    sections: input.sections,
    otherResults: input.otherResults ?? report.otherResults,
    proposalsToCommittee: input.proposalsToCommittee ?? report.proposalsToCommittee,
  };
  const issues = checkShape(await formOf(ctx.db, cycle, e.sections), content);
  if (issues.length) throw toIssuesError(issues, 'Dữ liệu báo cáo không đúng biểu mẫu', 'The report does not match its form');
  const now = ctx.clock.now();
  const version = report.version + 1;
  const last = b.lastEvent;
  const merge = last && last.action === 'save' && last.actorId === actor.id && now.getTime() - Date.parse(last.at) < 10 * 60_000;
  const update = repo.reportUpdate(ctx.db, report, {
    version,
    otherResults: content.otherResults,
    proposalsToCommittee: content.proposalsToCommittee,
    updatedAt: now,
    updatedBy: actor.id,
    updatedByName: actor.name,
    updatedByEmail: actor.email,
  });
  try {
    // The report row, its content, the history line and the audit line: one statement.
    await repo.writeIfCurrent(ctx.db, update.write, [
      ...repo.contentWrites(id, content.values, content.sections),
      merge
        ? repo.eventUpdate(ctx.db, last.id, { at: now, version })
        : repo.eventInsert(ctx.db, { reportId: id, at: now, actorId: actor.id, actorName: actor.name, actorEmail: actor.email, action: 'save', version }),
      auditInsert(ctx.db, { actor, action: 'report.save', entityType: 'report', entityId: id, data: { version, values: content.values.length }, requestId: ctx.requestId, at: now }),
    ]);
  } catch (err) {
    if (err instanceof repo.ChangedSinceRead) throw await changedSinceRead(ctx, id, b, err);
    throw err;
  }
  // The answer is what was just written, not a second read of it.
  const view: ReportView = { report: update.row, cycle, e, values: storedValues(content.values), sections: content.sections.map((x) => ({ ...x })), previous: b.previous };
  return answerOf(ctx, view, opts.minimal);
}

/**
 * Submits the report: checks the workflow, the unit's deadline (grace, extension, lock) and every
 * form rule, then records the submission with a snapshot. The same `Idempotency-Key` from the
 * same account answers the report again without a second submission. Like a save, one read and
 * one write statement that lands only on the version read (with the difficulties for the
 * feedback desk, when there are some, in the same transaction).
 */
export async function submitReport<M extends boolean = false>(
  ctx: Ctx,
  id: string,
  opts: { idempotencyKey?: string; version?: number; minimal?: M },
): Promise<Answer<M>> {
  const userId = requireActor(ctx).id;
  const scope = `report.submit:${id}`;
  const key = opts.idempotencyKey;
  const read = () => loadBundle(ctx.db, id, { content: true, previous: !opts.minimal, ...(key ? { idempotency: { userId, scope, key } } : {}) });
  const b = await read();
  const report = b.report;
  const actor = requireWrite(ctx, report);
  const now = ctx.clock.now();
  const cycle = b.cycle;
  const viewOf = (x: repo.LoadedReport): ReportView => ({ report: x.report, cycle, e: expectedIn(x), values: x.content!.values, sections: x.content!.sections, previous: x.previous });
  // The same key again: the report as it is, no second submission.
  if (b.keyUsed) return answerOf(ctx, viewOf(b), opts.minimal);
  requireOpen(cycle);
  const e = expectedIn(b);
  if (opts.version !== undefined && opts.version !== report.version) throw staleVersion(cycle, e, report);
  const name = reportName(cycle, e);
  const check = submissionAllowed({ status: report.status, hasBeenSubmitted: Boolean(report.firstSubmittedAt), deadline: e.deadline, graceDays: cycle.graceDays, at: now });
  if (!check.allowed && check.reason === 'status') {
    throw new AppError(
      'REPORT_NOT_SUBMITTABLE',
      msg(`${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không gửi được`, `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be submitted`),
      { status: 409 },
    );
  }
  if (!check.allowed) {
    const grace = cycle.graceDays ? `; đã hết thời gian nộp muộn đến ${viDate(lockDate(e.deadline, cycle.graceDays))}` : '';
    throw new AppError(
      'REPORT_LOCKED',
      msg(`${name.vi} đã hết hạn nộp (${viDate(e.deadline)})${grace}`, `${name.en} is past its deadline (${e.deadline})${cycle.graceDays ? ` and grace period` : ''}`),
      { status: 409 },
    );
  }
  const content = contentOfBundle(b);
  const issues = validateForSubmit(await formOf(ctx.db, cycle, e.sections), content);
  if (issues.length) {
    throw toIssuesError(issues, `${name.vi} chưa gửi được: ${issues.length} trường cần sửa`, `${name.en} cannot be submitted: ${issues.length} field(s) to fix`);
  }
  const first = !report.firstSubmittedAt;
  const update = repo.reportUpdate(ctx.db, report, {
    status: 'submitted',
    version: report.version + 1,
    submittedAt: now,
    ...(first ? { firstSubmittedAt: now, isLate: check.timing.timing !== 'on_time', daysLate: check.timing.daysLate } : {}),
    updatedAt: now,
    updatedBy: actor.id,
    updatedByName: actor.name,
    updatedByEmail: actor.email,
  });
  const updated = update.row;
  const write = async (db: DbOrTx) =>
    // The report row, the key, the history line with the snapshot, the notices to the focal
    // department and the audit line: one statement.
    repo.writeIfCurrent(db, update.write, [
      ...(key ? [repo.idempotencyInsert(db, { userId: actor.id, scope, key, createdAt: now })] : []),
      repo.eventInsert(db, {
        reportId: id,
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        action: 'submit',
        version: updated.version,
        snapshot: { ...content, values: content.values.map((v) => ({ ...v, wasteStream: v.wasteStream ?? null })) },
      }),
      repo.notifyFocal({
        kind: 'report.submitted',
        title: `${e.name} đã gửi báo cáo năm ${cycle.year}${updated.isLate && first ? ' (muộn)' : ''}`,
        body: first ? 'Báo cáo gửi lần đầu.' : 'Báo cáo gửi lại sau khi bị trả lại.',
        link: `/reports/${id}`,
        createdAt: now,
      }),
      auditInsert(db, {
        actor,
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        data: { version: updated.version, late: check.timing.timing !== 'on_time', daysLate: check.timing.daysLate, idempotencyKey: key ?? null },
        requestId: ctx.requestId,
        at: now,
      }),
    ]);
  const feedback = { reportId: id, orgUnitId: report.orgUnitId, planId: cycle.planId, frozen: e.sections, content, actor, at: now };
  try {
    if (hasFeedback(content)) {
      await ctx.db.transaction(async (tx) => {
        await write(tx);
        await recordFeedback(tx, feedback);
      });
    } else {
      await write(ctx.db);
    }
  } catch (err) {
    if (!(err instanceof repo.ChangedSinceRead)) throw err;
    // A retry with the same key that raced its first attempt: answer the report as it is now.
    const again = await read();
    if (again.keyUsed) return answerOf(ctx, viewOf(again), opts.minimal);
    throw await changedSinceRead(ctx, id, b, err);
  }
  return answerOf(ctx, { ...viewOf(b), report: updated }, opts.minimal);
}

/** Whether a submission carries difficulties or proposals for the feedback desk. */
function hasFeedback(c: ReportContent): boolean {
  return c.sections.some((s) => s.difficulties.trim() || s.proposals.trim()) || Boolean(c.proposalsToCommittee.trim());
}

/**
 * Puts the difficulties and proposals of a submitted report on the feedback desk: one item per
 * section that has some (keyed by its plan item) and one for the free "proposals to the People's
 * Committee" field. The desk upserts per report and item, so a resubmission updates, never adds.
 */
async function recordFeedback(
  tx: DbOrTx,
  i: { reportId: string; orgUnitId: string; planId: string; frozen: FrozenSection[]; content: ReportContent; actor: Actor; at: Date },
): Promise<void> {
  const keyOf = new Map(i.frozen.map((s) => [s.planItemId, s.key]));
  for (const s of i.content.sections) {
    if (!s.difficulties.trim() && !s.proposals.trim()) continue;
    const planItemKey = keyOf.get(s.planItemId) ?? null;
    await recordReportFeedback(tx, {
      reportId: i.reportId,
      orgUnitId: i.orgUnitId,
      planItemKey,
      planId: planItemKey ? i.planId : null,
      difficulties: s.difficulties,
      proposals: s.proposals,
      actor: i.actor,
      at: i.at,
    });
  }
  if (i.content.proposalsToCommittee.trim()) {
    await recordReportFeedback(tx, { reportId: i.reportId, orgUnitId: i.orgUnitId, planItemKey: null, difficulties: '', proposals: i.content.proposalsToCommittee, actor: i.actor, at: i.at });
  }
}

/** Notifies the unit's officers in-app, and by e-mail when SMTP is configured. */
async function notifyUnit(tx: DbOrTx, ctx: Ctx, orgUnitId: string, n: { kind: string; title: string; body: string; link: string; at: Date }) {
  const accounts = await repo.unitAccounts(tx, [orgUnitId]);
  await repo.insertNotifications(tx, accounts.map((a) => ({ userId: a.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.at })));
  await enqueueMail(tx, ctx.config, { to: accounts.map((a) => a.email), subject: n.title, text: `${n.body}\n\n${ctx.config.publicUrl}${n.link}` });
}

/** Returns a submitted report to its unit with a reason the unit sees. */
export async function returnReport(ctx: Ctx, id: string, reason: string): Promise<ReportDto> {
  const row = await ctx.db.transaction(async (tx) => {
    const report = await loadReport(tx, id, { forUpdate: true });
    const actor = requireReview(ctx, report);
    const cycle = await loadCycle(tx, report.cycleId);
    const e = await expectedOf(tx, report);
    const name = reportName(cycle, e);
    if (cycle.status === 'closed') {
      throw new AppError(
        'CYCLE_NOT_OPEN',
        msg(`Kỳ báo cáo năm ${cycle.year} đã đóng: đơn vị không gửi lại được nên không trả lại báo cáo; vẫn có thể tiếp nhận`, `The ${cycle.year} cycle is closed: a returned report could not be sent again; it can still be accepted`),
        { status: 409 },
      );
    }
    if (!canApply(report.status, 'return')) {
      throw new AppError(
        'REPORT_NOT_RETURNABLE',
        msg(`${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không trả lại được`, `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be returned`),
        { status: 409 },
      );
    }
    const now = ctx.clock.now();
    const updated = await repo.updateReport(tx, id, { status: 'returned', version: report.version + 1, returnReason: reason, updatedAt: now });
    await repo.insertEvent(tx, { reportId: id, at: now, actorId: actor.id, actorName: actor.name, actorEmail: actor.email, action: 'return', reason, version: updated.version });
    await notifyUnit(tx, ctx, report.orgUnitId, { kind: 'report.returned', title: `${name.vi} bị trả lại`, body: `Lý do: ${reason}`, link: `/reports/${id}`, at: now });
    await writeAudit(tx, { actor, action: 'report.return', entityType: 'report', entityId: id, data: { reason, version: updated.version }, requestId: ctx.requestId, at: now });
    return updated;
  });
  return reportDtoById(ctx, row.id);
}

async function acceptOne(ctx: Ctx, id: string): Promise<repo.ReportRow> {
  return ctx.db.transaction(async (tx) => {
    const report = await loadReport(tx, id, { forUpdate: true });
    const actor = requireReview(ctx, report);
    const cycle = await loadCycle(tx, report.cycleId);
    const e = await expectedOf(tx, report);
    const name = reportName(cycle, e);
    if (!canApply(report.status, 'accept')) {
      throw new AppError(
        'REPORT_NOT_ACCEPTABLE',
        msg(`${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không tiếp nhận được`, `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be accepted`),
        { status: 409 },
      );
    }
    const now = ctx.clock.now();
    const updated = await repo.updateReport(tx, id, { status: 'accepted', version: report.version + 1, acceptedAt: now, updatedAt: now });
    await repo.insertEvent(tx, { reportId: id, at: now, actorId: actor.id, actorName: actor.name, actorEmail: actor.email, action: 'accept', version: updated.version });
    await notifyUnit(tx, ctx, report.orgUnitId, { kind: 'report.accepted', title: `${name.vi} đã được tiếp nhận`, body: 'Sở Nông nghiệp và Môi trường đã tiếp nhận báo cáo.', link: `/reports/${id}`, at: now });
    await writeAudit(tx, { actor, action: 'report.accept', entityType: 'report', entityId: id, data: { version: updated.version }, requestId: ctx.requestId, at: now });
    return updated;
  });
}

export async function acceptReport(ctx: Ctx, id: string): Promise<ReportDto> {
  return reportDtoById(ctx, (await acceptOne(ctx, id)).id);
}

/** Accepts many reports; each in its own transaction, each failure named. */
export async function bulkAccept(ctx: Ctx, ids: string[]) {
  requireAccess(ctx, 'report.review');
  const accepted: string[] = [];
  const failed: Array<{ id: string; code: string; message: string }> = [];
  for (const id of [...new Set(ids)]) {
    try {
      await acceptOne(ctx, id);
      accepted.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ id, code: err.code, message: err.messages[ctx.lang] });
    }
  }
  return { accepted, failed };
}

/** The history: who did what, when, why. */
export async function getHistory(ctx: Ctx, id: string): Promise<{ data: ReportHistoryItem[] }> {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const events = await repo.listEvents(ctx.db, id);
  return {
    data: events.map((ev) => ({
      at: iso(ev.at)!,
      actor: person(ev.actorId, ev.actorName, ev.actorEmail),
      action: ev.action,
      reason: ev.reason,
      version: ev.version,
      hasSnapshot: ev.snapshot !== null,
    })),
  };
}

/** Field-by-field differences between two submitted versions. */
export async function getDiff(ctx: Ctx, id: string, from: number, to: number): Promise<ReportDiffResponse> {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const snaps = await repo.snapshotsAt(ctx.db, id, [from, to]);
  const pick = (v: number, field: 'from' | 'to') => {
    const s = snaps.find((x) => x.version === v);
    if (!s?.snapshot) {
      throw new AppError('VALIDATION_ERROR', msg(`Không có bản đã gửi ở phiên bản ${v}`, `No submitted copy at version ${v}`), {
        status: 404,
        issues: [{ path: field, message: msg(`Phiên bản ${v} không phải một lần gửi`, `Version ${v} is not a submission`) }],
      });
    }
    return s;
  };
  const a = pick(from, 'from');
  const b = pick(to, 'to');
  const cycle = await loadCycle(ctx.db, report.cycleId);
  const e = await expectedOf(ctx.db, report);
  return {
    from: { version: a.version, at: iso(a.at)!, actor: person(a.actorId, a.actorName, a.actorEmail) },
    to: { version: b.version, at: iso(b.at)!, actor: person(b.actorId, b.actorName, b.actorEmail) },
    changes: diffContent(await formOf(ctx.db, cycle, e.sections), a.snapshot as ReportContent, b.snapshot as ReportContent),
  };
}

/* ───────────────────────────── attachments ───────────────────────────── */

type AttachmentRow = Awaited<ReturnType<typeof repo.listAttachments>>[number];
function toAttachmentDto(a: AttachmentRow): AttachmentDto {
  return {
    id: a.id,
    reportId: a.reportId,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: iso(a.uploadedAt)!,
    uploadedBy: person(a.uploadedBy, a.uploadedByName, null),
  };
}

function cleanFileName(name: string): string {
  // Keep the name readable but harmless: no path, no control characters, bounded length.
  const base = name.split(/[\\/]/).pop() ?? 'tep';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'tep').slice(0, LIMITS.name);
}

/**
 * Whether the actor may add to this report (attachments, Excel import), checked by the upload
 * routes before the body is read: 401 without a session, 404 alike for an unknown report and
 * another unit's, 403 for a reader who does not write. The upload itself checks everything again.
 */
export async function checkReportWriter(ctx: Ctx, id: string): Promise<void> {
  requireActor(ctx);
  requireWrite(ctx, await loadReport(ctx.db, id));
}

/** Attaches a file (PDF, DOCX, XLSX, JPEG, PNG; ≤ 20 MB; type from the content) to an editable report. */
export async function uploadAttachment(ctx: Ctx, id: string, file: { fileName: string; body: Buffer }): Promise<AttachmentDto> {
  const report = await loadReport(ctx.db, id);
  const actor = requireWrite(ctx, report);
  const cycle = await loadCycle(ctx.db, report.cycleId);
  requireOpen(cycle);
  if (!canApply(report.status, 'save')) throw notEditable(cycle, await expectedOf(ctx.db, report), report.status);
  const fileName = cleanFileName(file.fileName);
  const { mime } = await checkAttachment(file.body, fileName);
  const storage = localStorage(ctx.config.filesDir);
  const stored = await storage.put(file.body);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const a = await repo.insertAttachment(tx, {
        reportId: id,
        fileName,
        mimeType: mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedAt: now,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
      });
      await writeAudit(tx, { actor, action: 'report.attachment.add', entityType: 'report', entityId: id, data: { attachmentId: a.id, fileName, sha256: stored.sha256, size: stored.size }, requestId: ctx.requestId, at: now });
      return a;
    });
    return toAttachmentDto(row);
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}

export async function listAttachments(ctx: Ctx, id: string) {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  return { data: (await repo.listAttachments(ctx.db, id)).map(toAttachmentDto) };
}

/** The file, for those who may read the report. */
export async function downloadAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const report = await loadReport(ctx.db, id);
  requireRead(ctx, report);
  const a = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!a) throw notFound(msg('Không tìm thấy tệp đính kèm', 'Attachment not found'));
  const body = await localStorage(ctx.config.filesDir).get(a.storageKey);
  return { fileName: a.fileName, mimeType: a.mimeType, sha256: a.sha256, body };
}

export async function deleteAttachment(ctx: Ctx, id: string, attachmentId: string): Promise<void> {
  const report = await loadReport(ctx.db, id);
  const actor = requireWrite(ctx, report);
  const cycle = await loadCycle(ctx.db, report.cycleId);
  if (!canApply(report.status, 'save')) throw notEditable(cycle, await expectedOf(ctx.db, report), report.status);
  const a = await repo.getAttachment(ctx.db, id, attachmentId);
  if (!a) throw notFound(msg('Không tìm thấy tệp đính kèm', 'Attachment not found'));
  await ctx.db.transaction(async (tx) => {
    await repo.deleteAttachment(tx, attachmentId);
    await writeAudit(tx, { actor, action: 'report.attachment.delete', entityType: 'report', entityId: id, data: { attachmentId, fileName: a.fileName }, requestId: ctx.requestId, at: ctx.clock.now() });
  });
  await localStorage(ctx.config.filesDir).remove(a.storageKey);
}
