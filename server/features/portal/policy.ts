import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Reading what is published of a cycle and what could be: whoever reads the consolidated report. */
export function canReadPublication(actor: Actor | null): boolean {
  return actor !== null && hasPermission(actor.role, 'consolidation.read');
}

/** Publishing a year's progress on the portal, or withdrawing it: the focal officer. */
export function canPublish(actor: Actor | null): boolean {
  return actor !== null && hasPermission(actor.role, 'consolidation.edit');
}
