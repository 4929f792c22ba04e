// A plan's reporting schedule (as its text states it) and the periods of its cycles: a year, a
// quarter or a month. One pure place computes a period's calendar window, its default deadline
// from the schedule, its name ("Quý I/2026", "March 2026") and the period a new cycle proposes.
// The server and the client call the same functions, so the form shows what the server stores.

/** How often the plan asks units to report, as its text says ("trước ngày 20 hằng tháng"). */
export const SCHEDULE_KINDS = ['yearly', 'quarterly', 'monthly', 'once'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** The period a cycle covers. */
export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A day and month of the year ("15/12"). */
export interface DayMonth {
  day: number;
  month: number;
}

/**
 * The reporting schedule kept on a plan at publication: the deadline of the units' report to the
 * standing agency (the first step of the plan's reporting chain).
 */
export interface ReportingSchedule {
  kind: ScheduleKind;
  /** The deadline's day (of the month for monthly, of the quarter's month for quarterly). */
  day: number;
  /** yearly and once: the deadline's month; otherwise null. */
  month: number | null;
  /** once: the year of the single deadline; otherwise null. */
  year: number | null;
  /** quarterly: the day falls in the quarter's last month ("tháng cuối quý"), else in the month after. */
  inLastMonth: boolean;
  /** yearly: the data window the text states ("từ ngày 15/12 năm trước đến ngày 14/12"), else null. */
  window: { start: DayMonth; end: DayMonth } | null;
  /** The words of the plan, as written ("trước ngày 20 hằng tháng"). */
  text: string;
}

export interface Period {
  year: number;
  kind: PeriodKind;
  /** null for a year, 1–4 for a quarter, 1–12 for a month. */
  number: number | null;
}

/** The calendar days and deadline a new cycle of a period starts with (the officer may change them). */
export interface PeriodDates {
  windowStart: string;
  windowEnd: string;
  deadline: string;
}

type Lang = 'vi' | 'en';

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month (February of a leap year has 29). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD of a day, the day clamped to the month's last ("31" in February → 28 or 29). */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

/** The month after `month` of `year` (December → January of the next year). */
function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The cycle's period kind a schedule calls for (a one-off report is a yearly cycle). */
export function scheduleKindPeriod(kind: ScheduleKind | null | undefined): PeriodKind {
  return kind === 'monthly' ? 'month' : kind === 'quarterly' ? 'quarter' : 'year';
}

/**
 * Why a period is not valid, naming the field (periodNumber), or null: a year takes no number,
 * a quarter 1–4, a month 1–12.
 */
export function periodIssue(kind: PeriodKind, number: number | null | undefined): { vi: string; en: string } | null {
  const n = number ?? null;
  if (kind === 'year') {
    return n === null
      ? null
      : { vi: 'kỳ báo cáo năm không có số quý, số tháng', en: 'a yearly cycle takes no quarter or month number' };
  }
  const max = kind === 'quarter' ? 4 : 12;
  if (n === null) {
    return kind === 'quarter'
      ? { vi: 'cần chọn quý (1–4)', en: 'choose the quarter (1–4)' }
      : { vi: 'cần chọn tháng (1–12)', en: 'choose the month (1–12)' };
  }
  if (!Number.isInteger(n) || n < 1 || n > max) {
    return kind === 'quarter'
      ? { vi: `quý phải từ 1 đến 4 (đã nhập ${n})`, en: `the quarter must be 1–4 (got ${n})` }
      : { vi: `tháng phải từ 1 đến 12 (đã nhập ${n})`, en: `the month must be 1–12 (got ${n})` };
  }
  return null;
}

/** The period's calendar days: 1/1–31/12, the quarter's three months, or the month. */
export function periodWindow(p: Period): { windowStart: string; windowEnd: string } {
  if (p.kind === 'year' || p.number === null) return { windowStart: `${p.year}-01-01`, windowEnd: `${p.year}-12-31` };
  const [first, last] = p.kind === 'quarter' ? [3 * p.number - 2, 3 * p.number] : [p.number, p.number];
  return { windowStart: isoDay(p.year, first, 1), windowEnd: isoDay(p.year, last, 31) };
}

/** Day of the month used when the plan states no deadline for the chosen kind of period. */
export const FALLBACK_DAY_AFTER_PERIOD = 15;
/** The yearly deadline when the plan states none: 30 November (Kế hoạch 1953, section IV.1). */
export const FALLBACK_YEARLY = { day: 30, month: 11 } as const;

/**
 * The defaults of a new cycle of period `p` under the plan's schedule:
 * - the window is the period's calendar days; for a year whose schedule states a window crossing
 *   the new year ("từ 15/12 năm trước đến 14/12"), that window;
 * - a month's deadline is the schedule's monthly day of the month after it (day 20 → 20/04 for
 *   March); a quarter's is its quarterly day of the month after it, or of its last month when the
 *   text says "tháng cuối quý"; a year's is the stated day and month, else 30/11;
 * - a month or quarter under a schedule of the other kind takes its day too (a monthly plan's
 *   quarter is due on day 20 of the month after it); under a yearly one (or none) the 15th of the
 *   month after; a year under a monthly or quarterly schedule 30/11. Days past a month's end are
 *   clamped (31 → 28/02).
 */
export function periodDefaults(p: Period, schedule: ReportingSchedule | null | undefined): PeriodDates {
  const { windowStart, windowEnd } = periodWindow(p);
  if (p.kind === 'year' || p.number === null) {
    if (schedule?.kind === 'yearly' && schedule.month) {
      const w = schedule.window;
      const crosses =
        w !== null && (w.start.month > w.end.month || (w.start.month === w.end.month && w.start.day > w.end.day));
      return {
        windowStart: w ? isoDay(crosses ? p.year - 1 : p.year, w.start.month, w.start.day) : windowStart,
        windowEnd: w ? isoDay(p.year, w.end.month, w.end.day) : windowEnd,
        deadline: isoDay(p.year, schedule.month, schedule.day),
      };
    }
    if (schedule?.kind === 'once' && schedule.year === p.year && schedule.month) {
      return { windowStart, windowEnd, deadline: isoDay(p.year, schedule.month, schedule.day) };
    }
    return { windowStart, windowEnd, deadline: isoDay(p.year, FALLBACK_YEARLY.month, FALLBACK_YEARLY.day) };
  }
  const lastMonth = p.kind === 'quarter' ? 3 * p.number : p.number;
  const after = nextMonth(p.year, lastMonth);
  if (p.kind === 'quarter' && schedule?.kind === 'quarterly' && schedule.inLastMonth) {
    return { windowStart, windowEnd, deadline: isoDay(p.year, lastMonth, schedule.day) };
  }
  // A month or quarter is due in the month after it: on the day the plan states for its months or
  // quarters (a monthly plan's quarter is due on its monthly day too), else on the 15th.
  const stated =
    (schedule?.kind === 'monthly' || (schedule?.kind === 'quarterly' && !schedule.inLastMonth)) && schedule.day;
  return { windowStart, windowEnd, deadline: isoDay(after.year, after.month, stated || FALLBACK_DAY_AFTER_PERIOD) };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A period as a heading names it: "Năm 2026", "Quý I/2026", "Tháng 3/2026"; "2026", "Q1 2026", "March 2026". */
export function periodLabel(p: Period, lang: Lang = 'vi'): string {
  if (p.kind === 'year' || p.number === null) return lang === 'vi' ? `Năm ${p.year}` : String(p.year);
  if (p.kind === 'quarter') return lang === 'vi' ? `Quý ${ROMAN[p.number - 1]}/${p.year}` : `Q${p.number} ${p.year}`;
  return lang === 'vi' ? `Tháng ${p.number}/${p.year}` : `${MONTHS_EN[p.number - 1]} ${p.year}`;
}

/** The period inside a sentence: "năm 2026", "quý I/2026", "tháng 3/2026" (English as the label). */
export function periodPhrase(p: Period, lang: Lang = 'vi'): string {
  const label = periodLabel(p, lang);
  return lang === 'vi' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** A cycle's name: "Kỳ báo cáo quý I/2026", "Q1 2026 reporting cycle". */
export function cycleName(p: Period, lang: Lang = 'vi'): string {
  return lang === 'vi' ? `Kỳ báo cáo ${periodPhrase(p, 'vi')}` : `${periodLabel(p, 'en')} reporting cycle`;
}

/** A cycle row's period (its columns period_kind, period_number). */
export function periodOf(c: { year: number; periodKind?: PeriodKind | null; periodNumber?: number | null }): Period {
  return { year: c.year, kind: c.periodKind ?? 'year', number: c.periodNumber ?? null };
}

/** Sort key: by year, then period start (a year before its quarters, a quarter before its months). */
export function periodSortKey(p: Period): string {
  const month = p.kind === 'year' || p.number === null ? 0 : p.kind === 'quarter' ? 3 * p.number - 2 : p.number;
  return `${p.year}-${pad(month)}-${p.kind === 'year' ? 0 : p.kind === 'quarter' ? 1 : 2}`;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.kind === b.kind && (a.number ?? null) === (b.number ?? null);
}

function shift(p: Period, by: number): Period {
  if (p.kind === 'year' || p.number === null) return { ...p, year: p.year + by };
  const per = p.kind === 'quarter' ? 4 : 12;
  const index = p.year * per + (p.number - 1) + by;
  return { year: Math.floor(index / per), kind: p.kind, number: (index % per) + 1 };
}

/**
 * The period a new cycle proposes on `today` (YYYY-MM-DD) for a kind: a year proposes the current
 * year (then the next, then the last); a quarter or a month proposes the next one (then the
 * current, then the ones after), skipping periods that already have a cycle.
 */
export function proposePeriod(kind: PeriodKind, today: string, taken: Period[]): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const current: Period =
    kind === 'year'
      ? { year, kind, number: null }
      : { year, kind, number: kind === 'quarter' ? Math.ceil(month / 3) : month };
  const order = kind === 'year' ? [0, 1, -1, 2, 3] : [1, 0, 2, 3, 4, 5, 6];
  const free = order.map((by) => shift(current, by)).find((p) => !taken.some((t) => samePeriod(t, p)));
  return free ?? shift(current, kind === 'year' ? 0 : 1);
}

const dm = (d: DayMonth) => `${d.day}/${d.month}`;

/**
 * The schedule as a sentence of the plan page: "trước ngày 20 hằng tháng", "trước ngày 30/11 hằng
 * năm (số liệu từ 15/12 năm trước đến 14/12)"; English "by the 20th of each month".
 */
export function scheduleSentence(s: ReportingSchedule, lang: Lang = 'vi'): string {
  const vi = lang === 'vi';
  switch (s.kind) {
    case 'monthly':
      return vi ? `trước ngày ${s.day} hằng tháng` : `by day ${s.day} of each month`;
    case 'quarterly':
      return s.inLastMonth
        ? vi
          ? `trước ngày ${s.day} tháng cuối mỗi quý`
          : `by day ${s.day} of each quarter's last month`
        : vi
          ? `trước ngày ${s.day} hằng quý`
          : `by day ${s.day} each quarter`;
    case 'once':
      return vi
        ? `một lần, trước ngày ${s.day}/${s.month}/${s.year}`
        : `once, by ${pad(s.day)}/${pad(s.month ?? 1)}/${s.year}`;
    case 'yearly':
    default: {
      const w = s.window;
      const crosses =
        w !== null && (w.start.month > w.end.month || (w.start.month === w.end.month && w.start.day > w.end.day));
      const window = w
        ? vi
          ? ` (số liệu từ ${dm(w.start)}${crosses ? ' năm trước' : ''} đến ${dm(w.end)})`
          : ` (data from ${dm(w.start)}${crosses ? ' of the year before' : ''} to ${dm(w.end)})`
        : '';
      return vi ? `trước ngày ${s.day}/${s.month} hằng năm${window}` : `by ${s.day}/${s.month} each year${window}`;
    }
  }
}
