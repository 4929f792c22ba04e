import type { DbOrTx } from '../db/client.js';

// How a catalogue indicator follows from the records units keep through the year (issue 12).
// The modules that keep the records (registries, activities) describe each derivation; the
// reporting form (prefill), the review (differences) and the consolidation (province figures)
// read them. Neither side imports the other: the composition root (server/features/index.ts)
// registers every module's derivations here once, before any route runs.

/** A data window in Vietnamese calendar days, both ends included ('YYYY-MM-DD'). */
export interface DerivationWindow {
  from: string;
  to: string;
}

export interface Derivation {
  /** The catalogue indicator's code (KH-00, DN-01, DT-03…). */
  indicatorCode: string;
  /** The waste stream's key for an indicator reported by stream; null for the indicator's single value. */
  wasteStream: string | null;
  /** One sentence saying how the value is computed and from what. */
  method: { vi: string; en: string };
  /** The value for each unit among `unitIds`, from the records that unit reported in the window; a unit with no record is absent. */
  byUnit(db: DbOrTx, window: DerivationWindow, unitIds: string[]): Promise<Map<string, number>>;
  /** The province-wide value, de-duplicated (an enterprise reported by two units counts once). */
  province(db: DbOrTx, window: DerivationWindow): Promise<number>;
  /** The client page listing the records behind a unit's value (or the province's, without unitId). */
  recordsLink(window: DerivationWindow, unitId?: string): string;
}

const registered: Derivation[] = [];

/** Called by server/features/index.ts with each module's derivations. */
export function registerDerivations(list: Derivation[]): void {
  for (const d of list) {
    const same = registered.findIndex((r) => r.indicatorCode === d.indicatorCode && r.wasteStream === d.wasteStream);
    if (same >= 0) registered[same] = d;
    else registered.push(d);
  }
}

export function derivations(): readonly Derivation[] {
  return registered;
}

export function derivationFor(indicatorCode: string, wasteStream: string | null): Derivation | undefined {
  return registered.find((d) => d.indicatorCode === indicatorCode && d.wasteStream === wasteStream);
}
