import { FEEDBACK_LIMITS } from '../../../shared/contracts/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { getUnit } from '../org-units/index.js';
import { planHoldingKey } from '../plan/index.js';
import * as repo from './feedback.repository.js';
import { newTrackingCode, searchTextOf } from './records.js';

function reportText(difficulties: string, proposals: string): string {
  const parts: string[] = [];
  if (difficulties) parts.push(`Khó khăn, vướng mắc:\n${difficulties}`);
  if (proposals) parts.push(`Đề xuất, kiến nghị:\n${proposals}`);
  return parts.join('\n\n').slice(0, FEEDBACK_LIMITS.text * 2);
}

/**
 * Puts the difficulties and proposals written in a unit's yearly report on the feedback desk,
 * linked to the report, so nothing raised in a report is lost. Call it inside the transaction
 * that submits the report. Idempotent per report and plan item: a report submitted again
 * updates its desk item (keeping the triage) instead of adding another. Nothing is written when
 * both texts are empty and no item exists yet.
 */
export async function recordReportFeedback(
  tx: DbOrTx,
  input: {
    reportId: string;
    orgUnitId: string;
    planItemKey?: string | null;
    /** The plan the key belongs to; defaults to the plan whose current version holds the key. */
    planId?: string | null;
    difficulties: string | null | undefined;
    proposals: string | null | undefined;
    actor: Actor | null;
    /** When it happens (defaults to now). */
    at?: Date;
  },
): Promise<{ feedbackId: string | null; created: boolean }> {
  const difficulties = (input.difficulties ?? '').trim();
  const proposals = (input.proposals ?? '').trim();
  const key = input.planItemKey ?? null;
  const slot = `${input.reportId}:${key ?? ''}`;
  const at = input.at ?? new Date();
  const existing = await repo.getByReportSlot(tx, slot);
  if (!difficulties && !proposals) return { feedbackId: existing?.id ?? null, created: false };

  const unit = await getUnit(tx, input.orgUnitId);
  const unitName = unit?.fullName ?? '';
  const text = reportText(difficulties, proposals);
  const subject = `Khó khăn, đề xuất trong báo cáo của ${unitName}${key ? ` (mục ${key})` : ''}`.slice(
    0,
    FEEDBACK_LIMITS.subject,
  );
  let planId = input.planId ?? null;
  if (key && !planId) {
    planId = (await planHoldingKey(tx, key, at)) ?? null;
  }

  if (existing) {
    if (existing.text === text && existing.subject === subject) return { feedbackId: existing.id, created: false };
    await repo.updateFeedback(tx, existing.id, {
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
