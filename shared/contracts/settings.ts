import { z } from 'zod';

const line = z.string().trim().min(1, 'Không được để trống').max(300);
const name = z.string().trim().max(120);

/** The agency's settings as the settings page edits them (setting "agency"). */
export const AgencySettingsBody = z.strictObject({
  province: line,
  issuingBody: line,
  focalDepartment: z.strictObject({ name: line, abbreviation: z.string().trim().min(1).max(20) }),
  consolidatedReport: z.strictObject({
    copyTo: z.array(line).min(1).max(30),
    signerAuthority: name,
    signerTitle: name,
    signerName: name,
  }),
  unitReport: z.strictObject({ copyTo: z.array(line).min(1).max(30) }),
});
export type AgencySettingsBody = z.infer<typeof AgencySettingsBody>;

/** PUT /settings/agency: the new values and the `updatedAt` they were read at (a later change answers 409). */
export const UpdateAgencySettingsBody = z.strictObject({
  settings: AgencySettingsBody,
  updatedAt: z.iso.datetime({ offset: true }),
});

export const AgencySettingsDto = z.object({
  settings: AgencySettingsBody,
  updatedAt: z.string(),
});
export type AgencySettingsDto = z.infer<typeof AgencySettingsDto>;

/** Who signs a unit's own report file: the name and, when they differ from the kind's usual ones, the authority lines. */
export const UnitSignerBody = z.strictObject({
  name: name,
  authority: z.array(z.string().trim().min(1).max(120)).max(3).default([]),
});
export type UnitSignerBody = z.infer<typeof UnitSignerBody>;

export const UnitSignerDto = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  authority: z.array(z.string()),
});
export type UnitSignerDto = z.infer<typeof UnitSignerDto>;
