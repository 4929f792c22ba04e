// Planned periods (a year, a quarter, a month) as Vietnamese calendar days, and when an activity
// is overdue: the day after its period's last day, in Vietnam's time (UTC+7), while it is neither
// done nor cancelled.
import { CLOSED_STATUSES, type ActivityStatus, type PlannedPeriod } from '../../../shared/contracts/activities.js';
import { vietnamDate } from '../../../shared/format.js';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** First and last day of the period ('YYYY-MM-DD', both included). */
export function periodBounds(p: PlannedPeriod): { start: string; end: string } {
  if (p.kind === 'year') return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
  if (p.kind === 'quarter') {
    const first = (p.number! - 1) * 3 + 1;
    return { start: `${p.year}-${pad(first)}-01`, end: lastDayOfMonth(p.year, first + 2) };
  }
  return { start: `${p.year}-${pad(p.number!)}-01`, end: lastDayOfMonth(p.year, p.number!) };
}

/** Overdue at `now`: the period's last day is before today in Vietnam, and the activity is not closed. */
export function isOverdue(row: { periodEnd: string; status: string }, now: Date): boolean {
  return row.periodEnd < vietnamDate(now) && !CLOSED_STATUSES.includes(row.status as ActivityStatus);
}
