import { FEEDBACK_LIMITS } from '../../../shared/contracts/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { getUnit } from '../org-units/index.js';
import { planHoldingKey } from '../plan/index.js';
import * as repo from './feedback.repository.js';
import { newTrackingCode, searchTextOf } from './records.js';

/** One narrative section of a report with what it raises. */
export interface ReportFeedbackSection {
  /** The plan item's stable key, e.g. "IV.1.a". */
  key: string;
  /** Its label as issued, e.g. "4.". */
  label: string;
  title: string;
  difficulties: string;
  proposals: string;
}

// A report raises at most a few items' worth of text; the desk keeps it whole.
const REPORT_TEXT_MAX = FEEDBACK_LIMITS.text * 5;

/** The report's difficulties and proposals as one text, item by item, then those to the committee. */
export function reportFeedbackText(sections: ReportFeedbackSection[], proposalsToCommittee: string): string {
  const parts: string[] = [];
  for (const section of sections) {
    const difficulties = section.difficulties.trim();
    const proposals = section.proposals.trim();
    if (!difficulties && !proposals) continue;
    const lines = [`Mục ${section.label} ${section.title} (${section.key})`.replace(/\s+/gu, ' ')];
    if (difficulties) lines.push(`Khó khăn, vướng mắc:\n${difficulties}`);
    if (proposals) lines.push(`Đề xuất, kiến nghị:\n${proposals}`);
    parts.push(lines.join('\n'));
  }
  if (proposalsToCommittee.trim()) parts.push(`Kiến nghị với Ủy ban nhân dân tỉnh:\n${proposalsToCommittee.trim()}`);
  return parts.join('\n\n').slice(0, REPORT_TEXT_MAX);
}

/**
 * Puts the difficulties and proposals written in a unit's yearly report on the feedback desk as
 * ONE desk item per report, linked to it, item by item in its text, so nothing raised in a
 * report is lost and a report's sections do not bury the citizens' items. Call it inside the
 * transaction that submits the report. Idempotent per report: a report submitted again updates
 * its desk item (keeping the triage) instead of adding another. Nothing is written when the
 * report raises nothing and no item exists yet.
 */
export async function recordReportFeedback(
  tx: DbOrTx,
  input: {
    reportId: string;
    orgUnitId: string;
    /** The plan the sections belong to; defaults to the plan whose version in force holds the first key. */
    planId?: string | null;
    sections: ReportFeedbackSection[];
    /** The free "proposals to the People's Committee" field. */
    proposalsToCommittee?: string | null;
    actor: Actor | null;
    /** When it happens (defaults to now). */
    at?: Date;
  },
): Promise<{ feedbackId: string | null; created: boolean }> {
  const raised = input.sections.filter((section) => section.difficulties.trim() || section.proposals.trim());
  const text = reportFeedbackText(raised, input.proposalsToCommittee ?? '');
  const slot = input.reportId;
  const at = input.at ?? new Date();
  // A report's item from before one item per report (slot "<report>:<key>") is taken over.
  const existing = (await repo.getByReportSlot(tx, slot)) ?? (await repo.oldestReportItem(tx, input.reportId));
  if (!text) return { feedbackId: existing?.id ?? null, created: false };

  const unit = await getUnit(tx, input.orgUnitId);
  const unitName = unit?.fullName ?? '';
  // A report that raises one item only is filed under that item; otherwise under none.
  const key = raised.length === 1 && !input.proposalsToCommittee?.trim() ? raised[0].key : null;
  const items = raised.map((section) => section.key).join(', ');
  const subject = `Khó khăn, đề xuất trong báo cáo của ${unitName}${items ? ` (mục ${items})` : ''}`.slice(
    0,
    FEEDBACK_LIMITS.subject,
  );
  let planId = input.planId ?? null;
  if (raised.length && !planId) {
    planId = (await planHoldingKey(tx, raised[0].key, at)) ?? null;
  }

  if (existing) {
    if (existing.text === text && existing.subject === subject) return { feedbackId: existing.id, created: false };
    await repo.updateFeedback(tx, existing.id, {
      reportSlot: slot,
      text,
      subject,
      searchText: searchTextOf({ subject, text, organisation: unitName, trackingCode: existing.trackingCode }),
      updatedAt: at,
    });
    await repo.insertEvent(tx, {
      feedbackId: existing.id,
      at,
      actorId: input.actor?.id ?? null,
      actorName: input.actor?.name ?? null,
      action: 'report_updated',
      data: { reportId: input.reportId },
    });
    await writeAudit(tx, {
      actor: input.actor,
      action: 'feedback.report_update',
      entityType: 'feedback',
      entityId: existing.id,
      at,
      data: { reportId: input.reportId },
    });
    return { feedbackId: existing.id, created: false };
  }

  const trackingCode = newTrackingCode();
  const created = await repo.insertFeedback(tx, {
    trackingCode,
    source: 'report',
    senderName: input.actor?.name ?? null,
    organisation: unitName || null,
    contact: input.actor?.email ?? null,
    contactKind: input.actor?.email ? 'email' : null,
    subject,
    text,
    orgUnitId: input.orgUnitId,
    createdById: input.actor?.id ?? null,
    reportId: input.reportId,
    reportSlot: slot,
    planId,
    planItemKey: key,
    searchText: searchTextOf({ subject, text, organisation: unitName, trackingCode }),
    createdAt: at,
    updatedAt: at,
  });
  await repo.insertEvent(tx, {
    feedbackId: created.id,
    at,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    action: 'created',
    data: { source: 'report', reportId: input.reportId },
  });
  await writeAudit(tx, {
    actor: input.actor,
    action: 'feedback.create',
    entityType: 'feedback',
    entityId: created.id,
    at,
    data: { source: 'report', reportId: input.reportId },
  });
  return { feedbackId: created.id, created: true };
}
