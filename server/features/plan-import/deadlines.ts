import type { ParsedDeadline } from './parse-types.js';
import { foldSame } from './source-text.js';

const pad = (n: number) => String(n).padStart(2, '0');
const dm = (d: string, m: string) => `${Number(d)}/${Number(m)}`;

interface Found {
  start: number;
  end: number;
  deadline: ParsedDeadline;
}

const LEAD = String.raw`(?:truoc|cham nhat(?: la)?|han chot|han|khong qua)\s*(?:ngay\s*)?`;
const DAY_MONTH = String.raw`(\d{1,2})\s*(?:\/|-|\.|\s+thang\s+)\s*(\d{1,2})`;
const ONCE = new RegExp(`${LEAD}${DAY_MONTH}\\s*(?:\\/|-|\\.|\\s+nam\\s+)\\s*(\\d{4})`, 'g');
const MONTHLY = new RegExp(`${LEAD}(\\d{1,2})\\s+(?:hang|moi)\\s+thang`, 'g');
const QUARTERLY = new RegExp(`${LEAD}(\\d{1,2})\\s+(?:cua\\s+)?(?:thang cuoi (?:moi |cua )?quy|hang quy)`, 'g');
const YEARLY = new RegExp(`${LEAD}${DAY_MONTH}(?!\\s*(?:\\/|-|\\.)\\s*\\d)(?:\\s+(?:hang|moi)\\s+nam)?`, 'g');
const WINDOW = new RegExp(
  `tu\\s+ngay\\s+${DAY_MONTH}(?:\\s+(?:cua\\s+)?nam\\s+truoc)?\\s+den\\s+(?:het\\s+)?ngay\\s+${DAY_MONTH}`,
  'g',
);
const VAGUE =
  /\b(dinh ky(?: hang nam| hang quy| hang thang| 6 thang)?|thuong xuyen|dot xuat|hang nam|hang quy|hang thang)\b/g;

/**
 * The deadlines a paragraph states, in the order written: one-off dates, monthly, quarterly and
 * yearly days (with the data window of a yearly report), and vague recurrences ("định kỳ",
 * "thường xuyên") kept as text when nothing dated is said.
 */
export function findDeadlines(original: string): Array<ParsedDeadline & { start: number; end: number }> {
  const folded = foldSame(original);
  const found: Found[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  const quote = (s: number, e: number) => original.slice(s, e).trim();
  for (const m of folded.matchAll(ONCE)) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const end = m.index + m[0].length;
    found.push({
      start: m.index,
      end,
      deadline: { kind: 'once', date: `${year}-${pad(month)}-${pad(day)}`, text: quote(m.index, end) },
    });
  }
  for (const m of folded.matchAll(MONTHLY)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    found.push({ start: m.index, end, deadline: { kind: 'monthly', day: Number(m[1]), text: quote(m.index, end) } });
  }
  for (const m of folded.matchAll(QUARTERLY)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    found.push({ start: m.index, end, deadline: { kind: 'quarterly', day: Number(m[1]), text: quote(m.index, end) } });
  }
  for (const m of folded.matchAll(YEARLY)) {
    const end = m.index + m[0].length;
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (taken(m.index, end) || day < 1 || day > 31 || month < 1 || month > 12) continue;
    found.push({ start: m.index, end, deadline: { kind: 'yearly', day, month, text: quote(m.index, end) } });
  }
  for (const m of folded.matchAll(WINDOW)) {
    const yearly = found.find((f) => f.deadline.kind === 'yearly');
    if (yearly) yearly.deadline.window = { from: dm(m[1], m[2]), to: dm(m[3], m[4]) };
  }
  if (!found.some((f) => f.deadline.kind !== 'vague')) {
    for (const m of folded.matchAll(VAGUE)) {
      const end = m.index + m[0].length;
      if (!taken(m.index, end))
        found.push({ start: m.index, end, deadline: { kind: 'vague', text: quote(m.index, end) } });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => ({ ...f.deadline, start: f.start, end: f.end }));
}
