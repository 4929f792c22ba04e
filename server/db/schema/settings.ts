import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Settings of this installation, one JSON value per key. Seeded from server/db/seed/data/ when
 * missing and never overwritten by the seed, so a value changed in the database stays changed.
 */
export const settings = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The agency running the platform, as written in its documents (setting "agency"). */
export interface AgencySettings {
  /** The province, as in "Vĩnh Long, ngày …" and "Ủy ban nhân dân tỉnh Vĩnh Long". */
  province: string;
  /** The provincial People's Committee that issued the plan. */
  issuingBody: string;
  /** The focal department, which consolidates the reports. */
  focalDepartment: { name: string; abbreviation: string };
  /** Abbreviations used in document numbers ("Số: 15/BC-SNNMT"), by unit code. */
  departmentAbbreviations: Record<string, string>;
  /** The consolidated report's "Nơi nhận" lines and signer (the name: '' until the agency sets it). */
  consolidatedReport: { copyTo: string[]; signerAuthority: string; signerTitle: string; signerName: string };
  /**
   * A unit's own report file: "Nơi nhận" lines, and who signs for each unit (by unit code): the
   * name, and the authority lines when they differ from the kind's usual ones.
   */
  unitReport: { copyTo: string[]; signers: Record<string, { name: string; authority?: string[] }> };
}
