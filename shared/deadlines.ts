// Deadlines of the yearly reporting cycle in Vietnam's time: calendar-day arithmetic, extensions,
// grace and the lock, the timing of a submission, and which reminder is due. Pure; the server
// enforces them and the client may call the same functions to show the same answers.
import { VIETNAM_OFFSET_MS, vietnamDate } from './format.js';

/* ───────────────────────────── dates ───────────────────────────── */

// The calendar day in Vietnam and the written forms of a date are in format.ts.
const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` plus `days` calendar days ("2026-11-30" + 3 → "2026-12-03"). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The last instant of a Vietnamese calendar day: 30/11 ends at 23:59:59.999 UTC+7 (16:59:59.999 UTC). */
export function endOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - VIETNAM_OFFSET_MS - 1);
}

/** The default deadline of a year: 30 November (plan section IV.1, "trước ngày 30 tháng 11 hằng năm"). */
export function defaultDeadline(year: number): string {
  return `${year}-11-30`;
}

/**
 * A unit's deadline: the cycle's, or its extension when later. An extension replaces the
 * deadline for that unit; grace days then count from the extended date.
 */
export function unitDeadline(cycleDeadline: string, extension?: string | null): string {
  return extension && extension > cycleDeadline ? extension : cycleDeadline;
}

/** The last day a first submission is accepted: the unit's deadline plus the grace days. */
export function lockDate(deadline: string, graceDays: number): string {
  return addDays(deadline, graceDays);
}

/** How a submission at `at` stands against a unit's deadline. */
export interface SubmissionTiming {
  /** on_time: by the end of the deadline day; late: within grace; locked: after deadline + grace. */
  timing: 'on_time' | 'late' | 'locked';
  /** Calendar days after the deadline (Vietnam), 0 when on time. */
  daysLate: number;
}

/**
 * Times a submission. Days are Vietnamese calendar days: a report sent at 23:59 on 30/11 local
 * time (16:59 UTC) is on time; one sent at 00:01 on 1/12 local time is one day late.
 */
export function submissionTiming(deadline: string, graceDays: number, at: Date): SubmissionTiming {
  const day = vietnamDate(at);
  const daysLate = Math.max(0, daysBetween(deadline, day));
  if (daysLate === 0) return { timing: 'on_time', daysLate: 0 };
  if (day <= lockDate(deadline, graceDays)) return { timing: 'late', daysLate };
  return { timing: 'locked', daysLate };
}

/* ───────────────────────────── reminders ───────────────────────────── */

/**
 * The reminder due on `today` for a unit whose deadline is `deadline`, with reminders set `offsets`
 * days before it (negative: after it). The latest slot whose day has come is due, so a server that
 * was down on a reminder day catches up on restart; the reminder log makes each slot fire once.
 * Returns null before the first slot, or when the last slot is more than `staleDays` old.
 */
export function dueReminderSlot(
  deadline: string,
  offsets: readonly number[],
  today: string,
  staleDays = 7,
): number | null {
  let best: { offset: number; day: string } | null = null;
  for (const offset of offsets) {
    const day = addDays(deadline, -offset);
    if (day <= today && (!best || day > best.day)) best = { offset, day };
  }
  if (!best || daysBetween(best.day, today) > staleDays) return null;
  return best.offset;
}
