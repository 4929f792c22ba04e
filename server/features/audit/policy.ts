import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Who may read and export the audit log (the administrator, the focal department and leaders). */
export function canReadAuditLog(actor: Actor): boolean {
  return hasPermission(actor.role, 'audit.read');
}
