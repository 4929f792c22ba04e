// What an account may do with a cycle's consolidated report: one pure function per ability, used
// by the services to enforce and by the DTO to fill `abilities`.
import type { CycleStatus } from '../../../shared/contracts/reporting.js';
import { hasPermission } from '../../../shared/permissions.js';
import type { Actor } from '../../lib/context.js';

/** Reading the draft, its files and the cycle's export: focal officers and leaders. */
export function canReadConsolidation(actor: Actor | null): boolean {
  return Boolean(actor && hasPermission(actor.role, 'consolidation.read'));
}

/** Editing the draft (paragraphs, settings) and rendering its Word file: the focal department. */
export function canEditConsolidation(actor: Actor | null): boolean {
  return Boolean(actor && hasPermission(actor.role, 'consolidation.edit'));
}

/** Generating (or refreshing) the draft: an editor, once the cycle is open (before, there is nothing to compile). */
export function canGenerateConsolidation(
  actor: Actor | null,
  cycle: { status: CycleStatus },
): { allowed: true } | { allowed: false; reason: 'permission' | 'cycle-not-open' } {
  if (!canEditConsolidation(actor)) return { allowed: false, reason: 'permission' };
  if (cycle.status === 'draft') return { allowed: false, reason: 'cycle-not-open' };
  return { allowed: true };
}

/**
 * Approving the draft for signature (the file then loses its "DỰ THẢO" mark): an editor, once the
 * draft is generated, not already approved as it stands, and with the signer named.
 */
export function canApproveConsolidation(
  actor: Actor | null,
  draft: { status: string; version: number; approvedVersion: number | null; signerName: string },
): { allowed: true } | { allowed: false; reason: 'permission' | 'not-ready' | 'approved' | 'no-signer' } {
  if (!canEditConsolidation(actor)) return { allowed: false, reason: 'permission' };
  if (draft.status !== 'ready') return { allowed: false, reason: 'not-ready' };
  if (draft.approvedVersion === draft.version) return { allowed: false, reason: 'approved' };
  if (!draft.signerName.trim()) return { allowed: false, reason: 'no-signer' };
  return { allowed: true };
}
