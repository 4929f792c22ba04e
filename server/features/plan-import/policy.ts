import type { Actor } from '../../lib/context.js';

/** Importing a plan from its text, reviewing and publishing it: the focal department and administrators. */
export function canImportPlan(actor: Actor): boolean {
  return actor.role === 'focal' || actor.role === 'admin';
}

/** A draft can be changed and published until it is published. */
export function canEditImport(actor: Actor, draft: { status: 'draft' | 'published' }): boolean {
  return canImportPlan(actor) && draft.status === 'draft';
}
