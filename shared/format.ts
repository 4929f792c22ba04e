// The one set of date helpers (issue 9): the calendar day in Vietnam and the ways a date is
// written for people. Deadline arithmetic (addDays, daysBetween, endOfVietnamDay) stays with the
// deadline rules in reporting-rules.ts.

/** Vietnam keeps one time zone, UTC+7, with no daylight saving. */
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
/** Vietnam's offset from UTC (UTC+7 all year). */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1234567.5 → "1.234.567,5" (vi-VN). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat.format(value);
}

/** "2025-03-27" → "27/03/2025": a date in a table, a form or a message. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A timestamp shown in Vietnam's time: "30/11/2026 23:59". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The calendar date in Vietnam of an instant, "YYYY-MM-DD" (2026-11-30T17:00Z → "2026-12-01"). */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's calendar date in Vietnam (YYYY-MM-DD), whatever the browser's time zone. */
export function todayInVietnam(): string {
  return vietnamDate(new Date());
}

/**
 * Reads a date as a Vietnamese user types it — "27/3/2025", "27/03/2025", "27-03-2025",
 * "27.03.2025" — or an ISO date. Returns YYYY-MM-DD, or null when it is not a real calendar date.
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

/**
 * The date line of a state document (Nghị định 30/2020, Phụ lục I): day below 10 and months 1–2
 * take a leading zero — "ngày 05 tháng 01 năm 2026", "ngày 27 tháng 3 năm 2025".
 */
export function formatDocumentDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/**
 * "2025-03-27" → "27/3/2025": the date of a document cited in a document's running text
 * ("Kế hoạch số 1953/KH-UBND ngày 27/3/2025"), without leading zeros.
 */
export function formatCitationDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${d}/${m}/${y}`;
}
