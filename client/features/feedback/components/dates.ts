import { vietnamDate } from '../../../../shared/format';

/** Today's date in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(): string {
  return vietnamDate(new Date());
}

/**
 * Reads a date as a Vietnamese user types it — "27/3/2025", "27/03/2025", "27-03-2025",
 * "27.03.2025" — or an ISO date. Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseVietnameseDate(input: string): string | null {
  const s = input.trim();
  let d: number, m: number, y: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
