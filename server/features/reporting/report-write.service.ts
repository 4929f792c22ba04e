// Saving and submitting a report: one read, the policy's checks, and ONE write statement that
// lands only on the version read (writeIfCurrent); a submission's difficulties and proposals
// also go to the feedback desk in the same transaction.
import { periodOf, periodPhrase } from '../../../shared/periods.js';
import type { SaveReportRequest } from '../../../shared/contracts/reporting.js';
import { formatDate } from '../../../shared/format.js';
import { checkShape, STATUS_LABELS, validateForSubmit, type ReportContent } from '../../../shared/reporting-rules.js';
import { lockDate, submissionTiming } from '../../../shared/deadlines.js';
import { routes } from '../../../shared/routes.js';
import type { DbOrTx } from '../../db/client.js';
import type { FrozenSection } from '../../db/schema/index.js';
import { requireActor } from '../../lib/access.js';
import { auditInsert } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { recordReportFeedback } from '../feedback/index.js';
import { focalNoticesInsert } from '../notifications/index.js';
import { cycleNotOpen } from './cycles.service.js';
import { canEditReport, canSubmitReport } from './policy.js';
import {
  enforceEdit,
  expectedIn,
  loadBundle,
  reportName,
  requireWrite,
  staleVersion,
  unitDisplayName,
} from './report-access.js';
import { answerOf, contentOf, formOf, storedValues, viewOf, type Answer, type ReportView } from './report-view.js';
import * as repo from './reports.repository.js';

function toIssuesError(issues: ReturnType<typeof checkShape>, vi: string, en: string): AppError {
  return new AppError('VALIDATION_ERROR', msg(vi, en), { issues });
}

/**
 * When a write did not land because the report changed after it was read: the report as it is
 * now says why — someone saved or submitted first (409 naming who and when).
 */
async function changedSinceRead(
  ctx: Ctx,
  id: string,
  read: repo.LoadedReport,
  err: repo.ChangedSinceRead,
): Promise<AppError> {
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
export async function saveReport<Minimal extends boolean = false>(
  ctx: Ctx,
  id: string,
  input: SaveReportRequest,
  opts: { minimal?: Minimal } = {},
): Promise<Answer<Minimal>> {
  const loaded = await loadBundle(ctx.db, id, { lastEvent: true, previous: !opts.minimal });
  const { report, cycle } = loaded;
  const actor = requireWrite(ctx, report);
  const unit = expectedIn(loaded);
  await enforceEdit(ctx.db, canEditReport(actor, report, cycle), cycle, report, unit);
  if (input.version !== report.version) throw staleVersion(cycle, unit, report);
  const content: ReportContent = {
    values: input.values,
    sections: input.sections,
    otherResults: input.otherResults ?? report.otherResults,
    proposalsToCommittee: input.proposalsToCommittee ?? report.proposalsToCommittee,
  };
  const issues = checkShape(await formOf(ctx.db, cycle, unit.sections), content);
  if (issues.length)
    throw toIssuesError(issues, 'Dữ liệu báo cáo không đúng biểu mẫu', 'The report does not match its form');
  const now = ctx.clock.now();
  const version = report.version + 1;
  const last = loaded.lastEvent;
  const merge =
    last && last.action === 'save' && last.actorId === actor.id && now.getTime() - Date.parse(last.at) < 10 * 60_000;
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
        : repo.eventInsert(ctx.db, {
            reportId: id,
            at: now,
            actorId: actor.id,
            actorName: actor.name,
            actorEmail: actor.email,
            action: 'save',
            version,
          }),
      auditInsert(ctx.db, {
        actor,
        action: 'report.save',
        entityType: 'report',
        entityId: id,
        data: { version, values: content.values.length },
        requestId: ctx.requestId,
        at: now,
      }),
    ]);
  } catch (err) {
    if (err instanceof repo.ChangedSinceRead) throw await changedSinceRead(ctx, id, loaded, err);
    throw err;
  }
  // The answer is what was just written, not a second read of it.
  const view: ReportView = {
    report: update.row,
    cycle,
    unit,
    values: storedValues(content.values),
    sections: content.sections.map((section) => ({ ...section })),
    previous: loaded.previous,
  };
  return answerOf(ctx, view, opts.minimal);
}

/**
 * Submits the report: checks the workflow, the unit's deadline (grace, extension, lock) and every
 * form rule, then records the submission with a snapshot. The same `Idempotency-Key` from the
 * same account answers the report again without a second submission. Like a save, one read and
 * one write statement that lands only on the version read (with the difficulties for the
 * feedback desk, when there are some, in the same transaction).
 */
export async function submitReport<Minimal extends boolean = false>(
  ctx: Ctx,
  id: string,
  opts: { idempotencyKey?: string; version?: number; minimal?: Minimal },
): Promise<Answer<Minimal>> {
  const userId = requireActor(ctx).id;
  const scope = `report.submit:${id}`;
  const key = opts.idempotencyKey;
  const read = () =>
    loadBundle(ctx.db, id, {
      content: true,
      previous: !opts.minimal,
      ...(key ? { idempotency: { userId, scope, key } } : {}),
    });
  const loaded = await read();
  const { report, cycle } = loaded;
  const actor = requireWrite(ctx, report);
  const now = ctx.clock.now();
  // The same key again: the report as it is, no second submission.
  if (loaded.keyUsed) return answerOf(ctx, viewOf(loaded, expectedIn(loaded)), opts.minimal);
  if (cycle.status !== 'open') throw cycleNotOpen(cycle);
  const unit = expectedIn(loaded);
  if (opts.version !== undefined && opts.version !== report.version) throw staleVersion(cycle, unit, report);
  const name = reportName(cycle, unit);
  const verdict = canSubmitReport(actor, report, cycle, unit.deadline, now);
  if (!verdict.allowed && verdict.reason === 'status') {
    throw new AppError(
      'REPORT_NOT_SUBMITTABLE',
      msg(
        `${name.vi} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không gửi được`,
        `${name.en} is ${STATUS_LABELS[report.status].en} and cannot be submitted`,
      ),
      { status: 409 },
    );
  }
  if (!verdict.allowed) {
    const grace = cycle.graceDays
      ? `; đã hết thời gian nộp muộn đến ${formatDate(lockDate(unit.deadline, cycle.graceDays))}`
      : '';
    throw new AppError(
      'REPORT_LOCKED',
      msg(
        `${name.vi} đã hết hạn nộp (${formatDate(unit.deadline)})${grace}`,
        `${name.en} is past its deadline (${unit.deadline})${cycle.graceDays ? ` and grace period` : ''}`,
      ),
      { status: 409 },
    );
  }
  const timing = submissionTiming(unit.deadline, cycle.graceDays, now);
  const content = contentOf(loaded);
  const issues = validateForSubmit(await formOf(ctx.db, cycle, unit.sections), content);
  if (issues.length) {
    throw toIssuesError(
      issues,
      `${name.vi} chưa gửi được: ${issues.length} trường cần sửa`,
      `${name.en} cannot be submitted: ${issues.length} field(s) to fix`,
    );
  }
  const first = !report.firstSubmittedAt;
  const update = repo.reportUpdate(ctx.db, report, {
    status: 'submitted',
    version: report.version + 1,
    submittedAt: now,
    ...(first ? { firstSubmittedAt: now, isLate: timing.timing !== 'on_time', daysLate: timing.daysLate } : {}),
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
        snapshot: {
          ...content,
          values: content.values.map((value) => ({ ...value, wasteStream: value.wasteStream ?? null })),
        },
      }),
      focalNoticesInsert({
        kind: 'report.submitted',
        title: msg(
          `${unitDisplayName(unit)} đã gửi báo cáo ${periodPhrase(periodOf(cycle), 'vi')}${updated.isLate && first ? ' (muộn)' : ''}`,
          `${unitDisplayName(unit)} sent its ${periodPhrase(periodOf(cycle), 'en')} report${updated.isLate && first ? ' (late)' : ''}`,
        ),
        body: first
          ? msg('Báo cáo gửi lần đầu.', 'First submission.')
          : msg('Báo cáo gửi lại sau khi bị trả lại.', 'Sent again after being returned.'),
        link: routes.report(id),
        createdAt: now,
      }),
      auditInsert(db, {
        actor,
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        data: {
          version: updated.version,
          late: timing.timing !== 'on_time',
          daysLate: timing.daysLate,
          idempotencyKey: key ?? null,
        },
        requestId: ctx.requestId,
        at: now,
      }),
    ]);
  const feedback = {
    reportId: id,
    orgUnitId: report.orgUnitId,
    planId: cycle.planId,
    frozen: unit.sections,
    content,
    actor,
    at: now,
  };
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
    if (again.keyUsed) return answerOf(ctx, viewOf(again, expectedIn(again)), opts.minimal);
    throw await changedSinceRead(ctx, id, loaded, err);
  }
  return answerOf(ctx, { ...viewOf(loaded, unit), report: updated }, opts.minimal);
}

/** Whether a submission carries difficulties or proposals for the feedback desk. */
function hasFeedback(content: ReportContent): boolean {
  return (
    content.sections.some((section) => section.difficulties.trim() || section.proposals.trim()) ||
    Boolean(content.proposalsToCommittee.trim())
  );
}

/**
 * Puts the difficulties and proposals of a submitted report on the feedback desk: one desk item
 * per report, telling them item by item, with the free "proposals to the People's Committee"
 * field. The desk upserts per report, so a resubmission updates, never adds.
 */
async function recordFeedback(
  tx: DbOrTx,
  input: {
    reportId: string;
    orgUnitId: string;
    planId: string;
    frozen: FrozenSection[];
    content: ReportContent;
    actor: Actor;
    at: Date;
  },
): Promise<void> {
  const byId = new Map(input.frozen.map((section) => [section.planItemId, section]));
  await recordReportFeedback(tx, {
    reportId: input.reportId,
    orgUnitId: input.orgUnitId,
    planId: input.planId,
    sections: input.content.sections.flatMap((section) => {
      const frozen = byId.get(section.planItemId);
      return frozen
        ? [
            {
              key: frozen.key,
              label: frozen.label,
              title: frozen.title,
              difficulties: section.difficulties,
              proposals: section.proposals,
            },
          ]
        : [];
    }),
    proposalsToCommittee: input.content.proposalsToCommittee,
    actor: input.actor,
    at: input.at,
  });
}
