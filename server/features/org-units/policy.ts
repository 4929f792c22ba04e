import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Who may read the register of units (every signed-in role today). */
export function canReadOrgUnits(actor: Actor): boolean {
  return hasPermission(actor.role, 'orgUnit.read');
}
