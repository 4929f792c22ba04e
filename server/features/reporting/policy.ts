// What an account may do with a report or a cycle: one pure function per ability. The services
// enforce these (turning a refusal into its 403/409 answer) and the DTOs' `abilities` are the same
// verdicts, so the buttons a client shows and the answers the server gives cannot disagree.
import type { CycleStatus, ReportStatus } from '../../../shared/contracts/reporting.js';
import { hasPermission } from '../../../shared/permissions.js';
import { canApply, submissionAllowed } from '../../../shared/reporting-rules.js';
import type { Actor } from '../../lib/context.js';
import { isPlanFocalUnit } from '../plan/index.js';

/** An ability's verdict: allowed, or refused for a named reason. */
export type Verdict<Reason extends string> = { allowed: true } | { allowed: false; reason: Reason };

const allow = { allowed: true } as const;
const deny = <Reason extends string>(reason: Reason): { allowed: false; reason: Reason } => ({
  allowed: false,
  reason,
});

interface ReportState {
  orgUnitId: string;
  status: ReportStatus;
  firstSubmittedAt: Date | string | null;
}
interface CycleState {
  status: CycleStatus;
  /**
   * The units whose focal officers act for the cycle's plan (its standing agency and the units
   * holding that function today); null or absent: the agency's focal department (the seed plan).
   */
  focalUnitIds?: readonly string[] | null;
}

/** A focal officer acts on a cycle only for a plan whose focal department is the officer's unit. */
const isCycleFocal = (actor: Actor, cycle: CycleState): boolean =>
  actor.role !== 'focal' || isPlanFocalUnit(actor, cycle.focalUnitIds ?? null);

/* ───────────────────────────── reports ───────────────────────────── */

/** Whether the actor is an officer of the report's own unit (the only one who writes it). */
export function isReportOwner(actor: Actor | null, report: { orgUnitId: string }): boolean {
  return actor?.role === 'unit' && actor.orgUnitId === report.orgUnitId;
}

export type EditRefusal = 'not-owner' | 'cycle-not-open' | 'status';

/** Saving the draft: the unit's own officer, while the cycle is open and the status allows a save. */
export function canEditReport(actor: Actor | null, report: ReportState, cycle: CycleState): Verdict<EditRefusal> {
  if (!isReportOwner(actor, report)) return deny('not-owner');
  if (cycle.status !== 'open') return deny('cycle-not-open');
  if (!canApply(report.status, 'save')) return deny('status');
  return allow;
}

/** Attaching a file: exactly when the report may be edited. */
export function canUploadAttachment(actor: Actor | null, report: ReportState, cycle: CycleState): Verdict<EditRefusal> {
  return canEditReport(actor, report, cycle);
}

/** Deleting an attached file: exactly when the report may be edited (a closed cycle keeps its files). */
export function canDeleteAttachment(actor: Actor | null, report: ReportState, cycle: CycleState): Verdict<EditRefusal> {
  return canEditReport(actor, report, cycle);
}

/**
 * Submitting: as editing, and the workflow allows a submission and the unit's deadline (with the
 * grace days) has not locked a report never submitted (a returned report may always be sent again).
 */
export function canSubmitReport(
  actor: Actor | null,
  report: ReportState,
  cycle: CycleState & { graceDays: number },
  deadline: string,
  at: Date,
): Verdict<'not-owner' | 'cycle-not-open' | 'status' | 'locked'> {
  if (!isReportOwner(actor, report)) return deny('not-owner');
  if (cycle.status !== 'open') return deny('cycle-not-open');
  const check = submissionAllowed({
    status: report.status,
    hasBeenSubmitted: Boolean(report.firstSubmittedAt),
    deadline,
    graceDays: cycle.graceDays,
    at,
  });
  return check.allowed ? allow : deny(check.reason);
}

/** Returning a report to its unit: a reviewer, a submitted report, and an open cycle (the unit must be able to send it again). */
export function canReturnReport(
  actor: Actor | null,
  report: ReportState,
  cycle: CycleState,
): Verdict<'permission' | 'cycle-closed' | 'status'> {
  if (!actor || !hasPermission(actor.role, 'report.review') || !isCycleFocal(actor, cycle)) return deny('permission');
  if (cycle.status === 'closed') return deny('cycle-closed');
  if (!canApply(report.status, 'return')) return deny('status');
  return allow;
}

/** Accepting a report: a reviewer and a submitted report (also after the cycle closed). */
export function canAcceptReport(
  actor: Actor | null,
  report: ReportState,
  cycle: CycleState = { status: 'open' },
): Verdict<'permission' | 'status'> {
  if (!actor || !hasPermission(actor.role, 'report.review') || !isCycleFocal(actor, cycle)) return deny('permission');
  if (!canApply(report.status, 'accept')) return deny('status');
  return allow;
}

/* ───────────────────────────── cycles ───────────────────────────── */

/** Managing cycles at all (create, edit, open, close, extend, remind): the focal department. */
export function canManageCycle(actor: Actor | null): boolean {
  return Boolean(actor && hasPermission(actor.role, 'cycle.manage'));
}

type CycleRefusal = 'permission' | 'status';
const managing = (actor: Actor | null, cycle: CycleState, status: CycleStatus): Verdict<CycleRefusal> =>
  !canManageCycle(actor) || !isCycleFocal(actor!, cycle)
    ? deny('permission')
    : cycle.status !== status
      ? deny('status')
      : allow;

/** Changing a draft cycle's dates, form and expected units. */
export function canEditDraft(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'draft');
}

/** Opening a draft cycle. */
export function canOpenCycle(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'draft');
}

/** Closing an open cycle. */
export function canCloseCycle(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'open');
}

/** Opening a closed cycle again. */
export function canReopenCycle(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'closed');
}

/** Extending a unit's deadline: only while the cycle is open. */
export function canExtendDeadline(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'open');
}

/** Sending reminders: only while the cycle is open. */
export function canRemind(actor: Actor | null, cycle: CycleState): Verdict<CycleRefusal> {
  return managing(actor, cycle, 'open');
}

/** Reading the completeness board. */
export function canReadCompleteness(actor: Actor | null): boolean {
  return Boolean(actor && hasPermission(actor.role, 'completeness.read'));
}
