import type { z } from 'zod';
import type { AmendmentFeedbackRefDto, GuidanceDocumentRefDto } from '../../../shared/contracts/amendments.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/context.js';

// What an amendment proposal cites lives in other modules: feedback items (the feedback module)
// and guidance documents (the guidance module). Those modules depend on the plan, so the plan
// does not import them; the composition root (server/features/index.ts) registers their
// functions here once, before any route runs.

/** What the amendments need from the feedback desk and the guidance registry. */
export interface AmendmentCitations {
  /** The ids among `ids` that name a feedback item. */
  existingFeedbackIds(db: DbOrTx, ids: string[]): Promise<Set<string>>;
  /** Short references to feedback items, oldest first; unknown ids are left out. */
  feedbackRefs(db: DbOrTx, ids: string[]): Promise<Array<z.infer<typeof AmendmentFeedbackRefDto>>>;
  /** Short references to guidance documents, by date; unknown ids are left out. */
  guidanceRefs(db: DbOrTx, ids: string[]): Promise<GuidanceDocumentRefDto[]>;
  /** Adds "linked to amendment" to each cited item's history (inside the draft's transaction). */
  recordAmendmentLink(
    tx: DbOrTx,
    input: { feedbackIds: string[]; amendmentId: string; summary: string; actor: Actor; at: Date },
  ): Promise<void>;
  /** Marks the cited items answered by the approved amendment (inside the approval's transaction). */
  markAnsweredByAmendment(
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
  ): Promise<void>;
}

let registered: AmendmentCitations | null = null;

/** Called by the composition root with the feedback and guidance modules' functions. */
export function registerAmendmentCitations(hooks: AmendmentCitations): void {
  registered = hooks;
}

/** The registered citation functions; an error if the composition root forgot to register them. */
export function citations(): AmendmentCitations {
  if (!registered) throw new Error('Amendment citations are not registered (server/features/index.ts)');
  return registered;
}
