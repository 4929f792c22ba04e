import type { Actor } from '../../lib/context.js';

/** Keeping activities and the detailed plan: a unit officer, for its own unit. */
export function canKeepActivities(actor: Actor): boolean {
  return actor.role === 'unit' && actor.orgUnitId !== null;
}

/** Reading every unit's activities and detailed plans: the focal department and the leaders. */
export function canReadAllActivities(actor: Actor): boolean {
  return actor.role === 'focal' || actor.role === 'leader';
}

/** Opening the activity lists at all (a unit officer sees its own and those it coordinates). */
export function canReadActivities(actor: Actor): boolean {
  return canReadAllActivities(actor) || canKeepActivities(actor);
}

/** Editing an activity or adding a progress note: its responsible unit only. */
export function canEditActivity(actor: Actor, row: { orgUnitId: string }): boolean {
  return canKeepActivities(actor) && row.orgUnitId === actor.orgUnitId;
}

/** Reading one activity: focal and leaders, its responsible unit and its coordinating units. */
export function canReadActivity(actor: Actor, row: { orgUnitId: string; coordinatingUnitIds: string[] }): boolean {
  if (canReadAllActivities(actor)) return true;
  if (!canKeepActivities(actor)) return false;
  return row.orgUnitId === actor.orgUnitId || row.coordinatingUnitIds.includes(actor.orgUnitId!);
}

/** Reading a unit's detailed plan (and its signed file): that unit, the focal department, the leaders. */
export function canReadDetailedPlan(actor: Actor, row: { orgUnitId: string }): boolean {
  return canReadAllActivities(actor) || (canKeepActivities(actor) && row.orgUnitId === actor.orgUnitId);
}
