import { randomInt } from 'node:crypto';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg } from '../../lib/errors.js';
import { fileStorage, type FileStorage } from '../../lib/storage.js';
import { currentItemsById } from '../plan/index.js';

export const FEEDBACK_NOT_FOUND = msg('Không tìm thấy ý kiến phản ánh', 'Feedback not found');

// 32 symbols without 0/O and 1/I, so a code read over the phone is not misheard.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code such as "GY-7KQ4-M2XD" (40 random bits). */
export function newTrackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `GY-${part()}-${part()}`;
}

export function feedbackStorage(ctx: Pick<Ctx, 'config' | 'db'>): FileStorage {
  return fileStorage(ctx);
}

/** The folded text the desk's search matches against. */
export function searchTextOf(item: {
  subject: string;
  text: string;
  organisation?: string | null;
  senderName?: string | null;
  trackingCode: string;
}) {
  return foldText(
    `${item.trackingCode} ${item.subject} ${item.organisation ?? ''} ${item.senderName ?? ''} ${item.text}`,
  ).slice(0, 4000);
}

/** Resolves an item id of a plan's current version, or throws 400 naming the field. */
export async function resolvePlanItem(db: DbOrTx, itemId: string, field: string, at: Date) {
  const found = (await currentItemsById(db, [itemId], at)).get(itemId);
  if (!found) {
    throw invalidField(
      field,
      msg(
        'Mục kế hoạch không tồn tại trong phiên bản hiện hành của kế hoạch',
        'No such item in the current version of the plan',
      ),
    );
  }
  return { planId: found.planId, key: found.item.key };
}
