import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Who may list, create and change accounts (the administrator). */
export function canManageUsers(actor: Actor): boolean {
  return hasPermission(actor.role, 'user.manage');
}
