import { z } from 'zod';

/** A sentence in both languages. */
const Bilingual = z.object({ vi: z.string(), en: z.string() });

/** One indicator's value derived from the unit's records of the cycle's data window (issue 12). */
export const DerivedValueDto = z.object({
  indicatorCode: z.string(),
  /** The waste stream's key for an indicator entered by stream; null otherwise. */
  wasteStream: z.string().nullable(),
  /** The value from the unit's records (0 when it has none in the window). */
  value: z.number(),
  /** How the value is computed, and from what. */
  method: Bilingual,
  /** The client page listing the records behind the value. */
  link: z.string(),
  /** The value the unit typed (numbers only; null when empty). */
  typed: z.number().nullable(),
  /** The unit typed a value and it is not the derived one: shown to the focal department's review. */
  differs: z.boolean(),
});
export type DerivedValueDto = z.infer<typeof DerivedValueDto>;

/** A narrative section's text as prefilled from the unit's activities and records of the window. */
export const NarrativePrefillDto = z.object({
  /** The plan item of the section, or 'otherResults' for the free section of other results. */
  planItemId: z.string(),
  /** The text offered for the section's results. */
  results: z.string(),
});
export type NarrativePrefillDto = z.infer<typeof NarrativePrefillDto>;

/** GET /api/v1/reports/:id/derived — what the unit's records give for its report. */
export const ReportDerivedResponse = z.object({
  /** The cycle's data window (YYYY-MM-DD, both ends included, Vietnam days). */
  window: z.object({ from: z.string(), to: z.string() }),
  /** One per indicator of the form that has a derivation. */
  values: z.array(DerivedValueDto),
  /** One per narrative section with something to offer (and the other results). */
  narratives: z.array(NarrativePrefillDto),
});
export type ReportDerivedResponse = z.infer<typeof ReportDerivedResponse>;
