import type { CycleUnitDto, FormIndicatorDto, PersonDto } from '../../../shared/contracts/reporting.js';
import { kindGroupOf } from '../../../shared/reporting-rules.js';
import type { FrozenIndicator } from '../../db/schema/index.js';
import type { indicators } from '../../db/schema/index.js';
import type { ExpectedUnitRow } from './cycles.repository.js';

/** An ISO timestamp from a driver value (Date on drizzle columns, string from raw SQL). */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toCycleUnitDto(
  e: Pick<ExpectedUnitRow, 'orgUnitId' | 'code' | 'name' | 'fullName' | 'kind'>,
): CycleUnitDto {
  return {
    id: e.orgUnitId,
    code: e.code,
    name: e.name,
    fullName: e.fullName,
    kind: e.kind,
    kindGroup: kindGroupOf(e.kind),
  };
}

export function person(id: string | null, name: string | null, email: string | null): PersonDto {
  return { id, name: name ?? 'Hệ thống', email };
}

/** Freezes a catalogue row into the form of a cycle. */
export function freezeIndicator(i: typeof indicators.$inferSelect): FrozenIndicator {
  return {
    code: i.code,
    name: i.name,
    nameEn: i.nameEn,
    unit: i.unit,
    valueType: i.valueType,
    byWasteStream: i.byWasteStream,
    isRequired: i.isRequired,
    min: i.min,
    max: i.max,
    position: i.position,
  };
}

export function toFormIndicatorDto(i: FrozenIndicator): FormIndicatorDto {
  return { ...i };
}
