import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { AgencySettings } from '../../db/schema/index.js';
import { getSetting } from './settings.repository.js';

const text = z.string().min(1);

/** The shape of the "agency" setting, checked on every read so a bad edit fails loudly. */
const AgencySettingsSchema = z.object({
  province: text,
  issuingBody: text,
  focalDepartment: z.object({ name: text, abbreviation: text }),
  departmentAbbreviations: z.record(z.string(), text),
  consolidatedReport: z.object({
    copyTo: z.array(text),
    signerAuthority: z.string(),
    signerTitle: z.string(),
    // Settings stored before the signer's name was one read as no name yet.
    signerName: z.string().default(''),
  }),
  unitReport: z.object({
    copyTo: z.array(text),
    signers: z.record(z.string(), z.object({ name: z.string(), authority: z.array(text).optional() })).default({}),
  }),
}) satisfies z.ZodType<AgencySettings>;

/**
 * The agency's name, province, abbreviations and "Nơi nhận" lists, as seeded from
 * server/db/seed/data/agency.json and possibly changed since in the database.
 */
export async function getAgencySettings(db: DbOrTx): Promise<AgencySettings> {
  const value = await getSetting(db, 'agency');
  if (value === undefined) throw new Error('The "agency" setting is missing: the reference data has not been seeded');
  return AgencySettingsSchema.parse(value);
}
