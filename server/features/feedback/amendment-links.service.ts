import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import * as repo from './feedback.repository.js';

// What the plan module's amendments need from the desk: check, show and update the items they cite.

export { existingFeedbackIds, feedbackRefs } from './feedback.repository.js';

/** Adds "linked to amendment" to each cited item's history (a proposal was drafted citing it). */
export async function recordAmendmentLink(
  tx: DbOrTx,
  input: { feedbackIds: string[]; amendmentId: string; summary: string; actor: Actor; at: Date },
): Promise<void> {
  for (const feedbackId of new Set(input.feedbackIds)) {
    await repo.insertEvent(tx, {
      feedbackId,
      at: input.at,
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: 'linked_to_amendment',
      data: { amendmentId: input.amendmentId, summary: input.summary },
    });
  }
}

/**
 * Marks the cited items as answered by an approved amendment, with a history step and an audit
 * entry for each. Call it inside the approval's transaction.
 */
export async function markAnsweredByAmendment(
  tx: DbOrTx,
  input: {
    feedbackIds: string[];
    amendmentId: string;
    summary: string;
    versionNumber: number;
    documentNumber: string;
    actor: Actor;
    at: Date;
    requestId?: string;
  },
): Promise<void> {
  const { feedbackIds, amendmentId, actor, at } = input;
  await repo.markAnswered(tx, feedbackIds, amendmentId, at);
  for (const feedbackId of feedbackIds) {
    await repo.insertEvent(tx, {
      feedbackId,
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'answered_by_amendment',
      data: {
        amendmentId,
        summary: input.summary,
        versionNumber: input.versionNumber,
        documentNumber: input.documentNumber,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'feedback.answered_by_amendment',
      entityType: 'feedback',
      entityId: feedbackId,
      requestId: input.requestId,
      at,
      data: { amendmentId },
    });
  }
}
