import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Who edits the agency's settings (name, province, the consolidated report's signer and "Nơi nhận"). */
export function canManageAgencySettings(actor: Actor): boolean {
  return hasPermission(actor.role, 'settings.manage');
}

/** Who sets the signer of a unit's own report file: that unit's officers. */
export function canSetUnitSigner(actor: Actor): boolean {
  return actor.role === 'unit' && actor.orgUnitId !== null;
}
