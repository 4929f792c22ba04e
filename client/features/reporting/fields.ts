import type { FormIndicatorDto, ReportDto } from '../../../shared/contracts/reporting';
import { WASTE_STREAMS, type WasteStream } from '../../../shared/domain';
import type { ContentValue } from '../../../shared/reporting-rules';

/* The report form's fields and their conversion to and from the API's value list (pure, unit-tested). */

/** What a field holds: a number, the text of a number field that is not a number, a yes/no, a text, or nothing. */
export type FieldValue = number | string | boolean | null;
/** Fields keyed "CODE|stream" ("XL-01|medical", "DN-01|"). */
export type FieldValues = Record<string, FieldValue>;

export const fieldKey = (code: string, stream?: string | null) => `${code}|${stream ?? ''}`;
/** DOM id of a field, from its issue path, so the error summary can focus it. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A field as the API wants it (null: not entered). */
export function toApiValue(
  indicator: FormIndicatorDto,
  field: FieldValue | undefined,
): number | boolean | string | null {
  if (field === undefined || field === null || field === '') return null;
  if (indicator.valueType === 'boolean') return typeof field === 'boolean' ? field : null;
  if (indicator.valueType === 'text') return String(field);
  // A number field holds the number it read; text left in it is not a number and is not saved.
  return typeof field === 'number' ? field : null;
}

/** The report's values as fields. */
export function fieldsOf(values: ReportDto['values']): FieldValues {
  const out: FieldValues = {};
  for (const entry of values) out[fieldKey(entry.indicatorCode, entry.wasteStream)] = entry.value;
  return out;
}

/** The fields as the API's value list (entered ones only). */
export function valuesOf(indicators: FormIndicatorDto[], fields: FieldValues): ContentValue[] {
  const out: ContentValue[] = [];
  for (const indicator of indicators) {
    const streams: Array<WasteStream | null> = indicator.byWasteStream ? [...WASTE_STREAMS] : [null];
    for (const stream of streams) {
      const value = toApiValue(indicator, fields[fieldKey(indicator.code, stream)]);
      if (value !== null)
        out.push(
          stream
            ? { indicatorCode: indicator.code, wasteStream: stream, value }
            : { indicatorCode: indicator.code, value },
        );
    }
  }
  return out;
}

/**
 * The number fields holding text that is not a number, as issue paths ("values.XL-01.medical").
 * Such a field is never sent as empty: the form keeps it invalid and saves nothing until it reads.
 */
export function unreadableFields(indicators: FormIndicatorDto[], fields: FieldValues): string[] {
  const out: string[] = [];
  for (const indicator of indicators) {
    if (indicator.valueType === 'boolean' || indicator.valueType === 'text') continue;
    const streams: Array<WasteStream | null> = indicator.byWasteStream ? [...WASTE_STREAMS] : [null];
    for (const stream of streams) {
      const field = fields[fieldKey(indicator.code, stream)];
      if (typeof field === 'string' && field.trim() !== '')
        out.push(stream ? `values.${indicator.code}.${stream}` : `values.${indicator.code}`);
    }
  }
  return out;
}
