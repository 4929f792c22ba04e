import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** The guidance registry is readable by every account that reads the plan. */
export function canReadGuidance(actor: Actor): boolean {
  return hasPermission(actor.role, 'plan.read');
}

/** Registering and changing guidance documents (the focal department). */
export function canEditGuidance(actor: Actor): boolean {
  return hasPermission(actor.role, 'guidance.manage');
}
