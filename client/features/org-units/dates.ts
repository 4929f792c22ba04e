import { parseVietnameseDate } from '../../../shared/format';

/** The date the plan was issued (27/3/2025): the units it names were valid then. */
export const PLAN_ISSUE_DATE = '2025-03-27';

/** A valid YYYY-MM-DD from the address, or null. */
export function isoDateOrNull(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseVietnameseDate(value) : null;
}
