// The reporting schedule a plan's text states, kept on the plan at publication.
import type { ReportingSchedule } from '../../../shared/periods.js';
import { foldText } from '../../../shared/text.js';
import type { ParsedDeadline, ParsedItem, ParsedPlan } from './parse-types.js';

const all = (items: ParsedItem[]): ParsedItem[] => items.flatMap((i) => [i, ...all(i.children)]);

function dayMonth(text: string): { day: number; month: number } | null {
  const [d, m] = text.split('/').map(Number);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12 ? { day: d, month: m } : null;
}

/** A parsed deadline as a schedule; null for a vague recurrence ("định kỳ", "thường xuyên"). */
export function toSchedule(d: ParsedDeadline): ReportingSchedule | null {
  if (d.kind === 'vague') return null;
  if (d.kind === 'once') {
    const [year, month, day] = (d.date ?? '').split('-').map(Number);
    if (!year || !month || !day) return null;
    return { kind: 'once', day, month, year, inLastMonth: false, window: null, text: d.text };
  }
  if (!d.day) return null;
  const start = d.window ? dayMonth(d.window.from) : null;
  const end = d.window ? dayMonth(d.window.to) : null;
  return {
    kind: d.kind,
    day: d.day,
    month: d.kind === 'yearly' ? (d.month ?? null) : null,
    year: null,
    inLastMonth: d.kind === 'quarterly' && /thang cuoi/.test(foldText(d.text)),
    window: d.kind === 'yearly' && start && end ? { start, end } : null,
    text: d.text,
  };
}

/**
 * The plan's reporting schedule: the dated deadline of the first step of a reporting chain (the
 * units' report to the standing agency, "báo cáo … về Sở NN&MT trước ngày 20 hằng tháng"), in the
 * order of the text. A chain whose first step goes to the standing agency (`focalCode`) wins over
 * one that goes elsewhere (the agency's own report to the province). Null when no reporting step
 * states a dated deadline.
 */
export function reportingSchedule(plan: ParsedPlan, focalCode: string | null): ReportingSchedule | null {
  const firsts = all(plan.items).flatMap((item) => {
    const step = item.reporting[0];
    const schedule = step?.deadline ? toSchedule(step.deadline) : null;
    return schedule ? [{ schedule, code: step.ref && 'code' in step.ref ? step.ref.code : null }] : [];
  });
  const toFocal = focalCode ? firsts.find((f) => f.code === focalCode) : undefined;
  return (toFocal ?? firsts[0])?.schedule ?? null;
}
