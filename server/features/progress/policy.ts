import type { Actor } from '../../lib/context.js';

/**
 * Who reads the dashboards and the leader's overview: the focal department, the leaders and the
 * administrator. A unit officer does not (403): the figures are province-wide and name every
 * unit; its own report and last year's values are on its report page.
 */
export function canReadProgress(actor: Actor): boolean {
  return actor.role === 'focal' || actor.role === 'leader' || actor.role === 'admin';
}
