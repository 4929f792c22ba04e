import type { Actor } from '../../lib/context.js';

/** Every signed-in role reads the province-wide registries. */
export function canReadRegistries(actor: Actor): boolean {
  return actor.role === 'unit' || actor.role === 'focal' || actor.role === 'leader' || actor.role === 'admin';
}

/** Adding a record or an observation: the units that report, and the focal department. */
export function canAddToRegistries(actor: Actor): boolean {
  return actor.role === 'unit' || actor.role === 'focal';
}

/**
 * Editing a record's fields: the focal department edits every record; a unit officer only those
 * its unit created (on another unit's record it adds an observation instead).
 */
export function canEditEnterprise(actor: Actor, record: { reportingUnitId: string | null }): boolean {
  if (actor.role === 'focal') return true;
  return actor.role === 'unit' && actor.orgUnitId !== null && record.reportingUnitId === actor.orgUnitId;
}

/**
 * Editing a record of the generic registries (and adding or removing its evidence): the focal
 * department every record, a unit officer its own unit's.
 */
export function canEditRecord(actor: Actor, record: { unitId: string | null }): boolean {
  if (actor.role === 'focal') return true;
  return actor.role === 'unit' && actor.orgUnitId !== null && record.unitId === actor.orgUnitId;
}

/** Creating a record for `unitId`: a unit officer for its own unit, the focal department for any. */
export function canCreateRecordFor(actor: Actor, unitId: string | null): boolean {
  if (actor.role === 'focal') return true;
  return actor.role === 'unit' && actor.orgUnitId !== null && unitId === actor.orgUnitId;
}
