import type { AssignmentRole } from '../../../shared/domain.js';
import { findDeadlines } from './deadlines.js';
import type { ParsedDuty, ReportingStep, UnitRef } from './parse-types.js';
import { tokenize, type Token } from './source-text.js';
import { scanMentions, type Mention, type UnitLexicon } from './unit-lexicon.js';

const LEAD_WORDS = [
  'chu tri',
  'la co quan thuong truc',
  'co quan thuong truc',
  'lam co quan dau moi',
  'la co quan dau moi',
  'co quan dau moi',
  'lam dau moi',
  'la dau moi',
  'dau moi',
  'chiu trach nhiem chinh',
].map((w) => w.split(' '));
const COORDINATE = ['phoi', 'hop'];
// Words that may stand between the names of one list ("Sở A, Sở B và các sở, ngành").
const JOINERS = new Set(['va', '&', 'cung', 'voi']);
// Words that may open a duty before its subject ("Giao Sở Y tế…", "Khuyến khích các doanh nghiệp…").
const OPENERS = new Set(['giao', 'de', 'nghi', 'khuyen', 'khich', 'yeu', 'cau']);

function phraseAt(tokens: Token[], i: number, words: string[]): boolean {
  return words.every((w, k) => tokens[i + k]?.t === w);
}

/** Names that follow each other with only joiners between: one list. */
function lists(mentions: Mention[], tokens: Token[]): Mention[][] {
  const out: Mention[][] = [];
  for (const m of mentions) {
    const last = out.at(-1)?.at(-1);
    const gap = last ? tokens.slice(last.to, m.from) : null;
    if (last && gap && gap.every((t) => JOINERS.has(t.t)) && gap.length <= 2) out.at(-1)!.push(m);
    else out.push([m]);
  }
  return out;
}

const sameRef = (a: UnitRef | null, b: UnitRef | null) =>
  a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);

function duty(m: Mention, role: AssignmentRole): ParsedDuty {
  return { written: m.written, role, ref: m.ref, match: m.match };
}

export interface DutyContext {
  /** The unit the heading above names ("2. Sở Nông nghiệp và Môi trường"), or the subject of the section's opening line. */
  holder: Mention | null;
  /** In "Tổ chức thực hiện" every paragraph is someone's duty; elsewhere only those that say who. */
  isDutyZone: boolean;
}

/**
 * Who leads and who coordinates, from one item's text:
 * - "Chủ trì, phối hợp với B" under A's heading: A leads, B coordinates;
 * - "A, B phối hợp với C": C leads, A and B coordinate;
 * - "Phối hợp với B" under A: B leads if B is one unit, A leads if B is a group;
 * - no such words: the subject (or, in "Tổ chức thực hiện", the heading's unit) leads.
 * Names elsewhere ("hướng dẫn của Bộ…", "báo cáo về UBND tỉnh") are not duties.
 */
export function findDuties(text: string, lexicon: UnitLexicon, ctx: DutyContext): ParsedDuty[] {
  const tokens = tokenize(text);
  const mentions = scanMentions(lexicon, tokens, text);
  const groups = lists(mentions, tokens);
  let start = 0;
  while (start < tokens.length && OPENERS.has(tokens[start].t)) start += 1;
  const opening = groups.find((g) => g[0].from === start) ?? [];
  const leadAt = tokens.findIndex((_, i) => LEAD_WORDS.some((w) => phraseAt(tokens, i, w)));
  const coordAt = tokens.findIndex((_, i) => phraseAt(tokens, i, COORDINATE));
  const before = (at: number) => (at < 0 ? [] : (groups.find((g) => g.at(-1)!.to === at) ?? []));
  const after = (at: number, skip: number) => {
    if (at < 0) return [];
    let from = at + skip;
    if (tokens[from]?.t === 'voi') from += 1;
    return groups.find((g) => g[0].from === from) ?? [];
  };
  const leadWords = leadAt >= 0 ? LEAD_WORDS.find((w) => phraseAt(tokens, leadAt, w))!.length : 0;
  const subjects = [...before(leadAt), ...before(coordAt)];
  const subject = subjects.length > 0 ? subjects : opening;
  const partners = after(coordAt, 2);
  const named = after(leadAt, leadWords);
  const holder = ctx.holder ? [ctx.holder] : [];
  const out: ParsedDuty[] = [];
  const push = (m: Mention, role: AssignmentRole) => {
    const existing = out.find((d) => (m.ref ? sameRef(d.ref, m.ref) : d.written === m.written));
    if (existing) {
      if (role === 'lead') existing.role = 'lead';
    } else out.push(duty(m, role));
  };
  if (leadAt >= 0) {
    for (const m of named.length > 0 ? named : subject.length > 0 ? subject : holder) push(m, 'lead');
    for (const m of partners) push(m, 'coordinate');
  } else if (coordAt >= 0) {
    const doers = subject.length > 0 ? subject : holder;
    const single = partners.filter((m) => m.ref === null || !('group' in m.ref));
    if (single.length > 0) {
      for (const m of single) push(m, 'lead');
      for (const m of [...doers, ...partners]) push(m, 'coordinate');
    } else {
      for (const m of doers) push(m, 'lead');
      for (const m of partners) push(m, 'coordinate');
    }
  } else if (ctx.isDutyZone || opening.length > 0) {
    if (ctx.isDutyZone || tokens.length > opening.at(-1)!.to) {
      for (const m of subject.length > 0 ? subject : holder) push(m, 'lead');
    }
  }
  return ctx.isDutyZone || leadAt >= 0 || coordAt >= 0 ? out : [];
}

/**
 * The reporting chain a paragraph sets: each "báo cáo … về/lên X (thông qua Y)" adds Y then X,
 * each with the deadline said in its part of the sentence.
 */
export function findReporting(text: string, lexicon: UnitLexicon): ReportingStep[] {
  const tokens = tokenize(text);
  const starts = tokens.flatMap((t, i) => (t.t === 'bao' && tokens[i + 1]?.t === 'cao' ? [i] : []));
  if (starts.length === 0) return [];
  const mentions = scanMentions(lexicon, tokens, text);
  const deadlines = findDeadlines(text);
  const steps: ReportingStep[] = [];
  starts.forEach((s, k) => {
    const end = starts[k + 1] ?? tokens.length;
    const inPart = mentions.filter((m) => m.from > s && m.from < end);
    const via = inPart.filter((m) => tokens[m.from - 1]?.t === 'qua' && tokens[m.from - 2]?.t === 'thong');
    const to = inPart.filter(
      (m) => !via.includes(m) && ['ve', 'len', 'cho', 'gui', 'cao', 'toi'].includes(tokens[m.from - 1]?.t ?? ''),
    );
    const charEnd = end < tokens.length ? tokens[end].start : text.length;
    const deadline =
      deadlines.find((d) => d.start >= tokens[s].start && d.start < charEnd) ??
      (k === 0 ? deadlines.find((d) => d.start < tokens[s].start) : undefined);
    for (const m of [...via, ...to]) {
      if (steps.at(-1) && sameRef(steps.at(-1)!.ref, m.ref)) continue;
      const { start: _start, end: _end, ...plain } = deadline ?? { start: 0, end: 0 };
      steps.push({
        written: m.written,
        ref: m.ref,
        ...(deadline ? { deadline: plain as ReportingStep['deadline'] } : {}),
      });
    }
  });
  return steps;
}
