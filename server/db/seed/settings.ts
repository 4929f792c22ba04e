import type { DbOrTx } from '../client.js';
import { settings, type AgencySettings } from '../schema/index.js';
import agency from './data/agency.json' with { type: 'json' };

/** The settings seeded from data files, by key. */
export const SEEDED_SETTINGS: Record<string, unknown> = {
  agency: agency satisfies AgencySettings,
};

/**
 * Inserts each setting that is missing; one already in the database is kept as it is, so a
 * value changed by the agency survives every start.
 */
export async function seedSettings(tx: DbOrTx): Promise<void> {
  for (const [key, value] of Object.entries(SEEDED_SETTINGS)) {
    await tx.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key });
  }
}
