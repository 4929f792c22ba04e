import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Sending feedback with an account, and reading the desk (each role sees what `canSeeFeedback` allows). */
export function canSendFeedback(actor: Actor): boolean {
  return hasPermission(actor.role, 'feedback.send');
}

/** Triage: status, category, plan item, forwarding, answer and publication (the focal department). */
export function canTriageFeedback(actor: Actor): boolean {
  return hasPermission(actor.role, 'feedback.triage');
}

/**
 * One item: the focal department sees every item; others what their unit sent or was forwarded,
 * or what they sent themselves. The service answers 404 when this says no.
 */
export function canSeeFeedback(
  actor: Actor,
  item: { createdById: string | null; orgUnitId: string | null; forwardedToUnitId: string | null },
): boolean {
  if (!canSendFeedback(actor)) return false;
  if (canTriageFeedback(actor)) return true;
  if (item.createdById === actor.id) return true;
  return actor.orgUnitId !== null && (item.orgUnitId === actor.orgUnitId || item.forwardedToUnitId === actor.orgUnitId);
}
