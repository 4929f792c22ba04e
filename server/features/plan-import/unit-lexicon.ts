import type { OrgUnitKind, UnitGroup } from '../../../shared/domain.js';
import type { ParsedDuty, UnitRef } from './parse-types.js';
import { foldSame, type Token } from './source-text.js';

/** A unit of the registry as the lexicon needs it. */
export interface RegistryUnit {
  code: string;
  name: string;
  fullName: string;
  kind: OrgUnitKind;
  validFrom: string | null;
  validTo: string | null;
}

export interface RegistrySuccession {
  from: string;
  to: string;
  date: string;
  kind: 'merge' | 'split' | 'rename';
}

/** A name an officer mapped in an earlier import, remembered for later ones. */
export interface RememberedMapping {
  written: string;
  ref: UnitRef;
}

interface Entry {
  tokens: string[];
  ref: UnitRef;
  match: ParsedDuty['match'];
  name: string;
}

/** Names found in the text, resolved as of the plan's date. */
export interface UnitLexicon {
  byHead: Map<string, Entry[]>;
  entries: Entry[];
}

// Long forms and the abbreviations plans use for them (folded words).
const ABBREVIATIONS: Array<[string, string[]]> = [
  ['nong nghiep va moi truong', ['nn & mt', 'nnmt']],
  ['khoa hoc va cong nghe', ['kh & cn', 'khcn']],
  ['tai nguyen va moi truong', ['tn & mt', 'tnmt']],
  ['nong nghiep va phat trien nong thon', ['nn & ptnt', 'nnptnt']],
  ['ke hoach va dau tu', ['kh & dt', 'khdt']],
  ['giao duc va dao tao', ['gd & dt', 'gddt']],
  ['thong tin va truyen thong', ['tt & tt', 'tttt']],
  ['lao dong thuong binh va xa hoi', ['ld tb & xh', 'ldtbxh']],
  ['van hoa the thao va du lich', ['vh tt & dl', 'vhttdl']],
  ['uy ban nhan dan', ['ubnd']],
];

const GROUPS: Array<[UnitGroup, string[]]> = [
  [
    'departments_and_localities',
    [
      'cac so nganh dia phuong',
      'cac so ban nganh dia phuong',
      'cac so nganh va dia phuong',
      'cac so ban nganh va dia phuong',
      'cac co quan don vi dia phuong',
      'cac so ban nganh tinh va uy ban nhan dan cac xa phuong',
    ],
  ],
  [
    'other_departments',
    [
      'cac so nganh co lien quan',
      'cac so nganh co lien',
      'cac so ban nganh co lien quan',
      'cac so nganh lien quan',
      'cac so ban nganh lien quan',
      'cac so nganh khac co lien quan',
      'cac so nganh khac',
      'cac so ban nganh',
      'cac so ban nganh tinh',
      'cac so nganh',
      'cac co quan don vi co lien quan',
    ],
  ],
  [
    'localities',
    [
      'uy ban nhan dan cac xa phuong',
      'uy ban nhan dan cac xa phuong dac khu',
      'uy ban nhan dan cap xa',
      'uy ban nhan dan cac huyen thanh pho',
      'cac xa phuong',
      'cac dia phuong',
    ],
  ],
  [
    'enterprises_and_organisations',
    [
      'cac doanh nghiep to chuc ca nhan',
      'doanh nghiep to chuc ca nhan',
      'cac to chuc ca nhan',
      'cac doanh nghiep',
      'cac to chuc doanh nghiep',
    ],
  ],
];

function words(text: string): string[] {
  return foldSame(text).match(/[a-z0-9]+|&/g) ?? [];
}

/** The phrase and its abbreviated spellings: "Sở Nông nghiệp và Môi trường" → also "Sở NN&MT", "Sở NNMT". */
function variants(folded: string): string[] {
  let out = [folded];
  for (const [long, shorts] of ABBREVIATIONS) {
    const next: string[] = [];
    for (const v of out) {
      next.push(v);
      if (v.includes(long)) for (const s of shorts) next.push(v.replace(long, s));
    }
    out = next;
  }
  return out;
}

const isValidOn = (u: RegistryUnit, date: string) =>
  (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date);

/** Follows merges and renames from an ended unit to the unit holding its function on `date`. */
function successorOn(
  code: string,
  date: string,
  units: Map<string, RegistryUnit>,
  successions: RegistrySuccession[],
): string | null {
  let current = code;
  for (let step = 0; step < 6; step += 1) {
    const unit = units.get(current);
    if (unit && isValidOn(unit, date)) return current;
    const next = successions.find((s) => s.from === current && s.kind !== 'split' && s.date <= date);
    if (!next) return null;
    current = next.to;
  }
  return null;
}

/**
 * Builds the lexicon of names a plan of `date` may use: units valid on that date by name, full
 * name and abbreviation; older units by their names, resolved to their successors; groups; and
 * the mappings officers made before (which win).
 */
export function buildLexicon(
  date: string,
  registry: RegistryUnit[],
  successions: RegistrySuccession[],
  remembered: RememberedMapping[] = [],
): UnitLexicon {
  const units = new Map(registry.map((u) => [u.code, u]));
  const entries: Entry[] = [];
  const add = (phrase: string, ref: UnitRef, match: ParsedDuty['match'], name: string) => {
    for (const v of variants(words(phrase).join(' '))) entries.push({ tokens: v.split(' '), ref, match, name });
  };
  for (const m of remembered) add(m.written, m.ref, 'mapping', m.written);
  const valid = registry.filter((u) => isValidOn(u, date));
  for (const u of valid) {
    add(u.fullName, { code: u.code }, 'exact', u.name);
    add(u.name, { code: u.code }, 'exact', u.name);
  }
  // "Ủy ban nhân dân tỉnh" with no name is the province's committee of the day.
  const committees = valid.filter((u) => u.kind === 'committee');
  if (committees.length === 1) add('Ủy ban nhân dân tỉnh', { code: committees[0].code }, 'exact', committees[0].name);
  for (const u of registry) {
    if (isValidOn(u, date) || (u.validFrom !== null && u.validFrom > date)) continue;
    const to = successorOn(u.code, date, units, successions);
    if (!to || valid.some((v) => foldSame(v.name) === foldSame(u.name))) continue;
    add(u.name, { code: to }, 'successor', u.name);
    add(u.fullName, { code: to }, 'successor', u.name);
  }
  for (const [group, phrases] of GROUPS) for (const p of phrases) add(p, { group }, 'exact', p);
  const byHead = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byHead.get(e.tokens[0]) ?? [];
    list.push(e);
    byHead.set(e.tokens[0], list);
  }
  return { byHead, entries };
}

export interface Mention {
  /** Token span [from, to). */
  from: number;
  to: number;
  written: string;
  ref: UnitRef | null;
  match: ParsedDuty['match'];
}

const UNIT_HEADS = new Set([
  'so',
  'ubnd',
  'uy',
  'ban',
  'bo',
  'cong',
  'van',
  'dai',
  'bao',
  'trung',
  'chi',
  'cuc',
  'hoi',
  'lien',
  'truong',
  'vien',
  'bch',
]);

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** The name at token `i`, if one starts there: a known name (longest first), a near spelling, or an unknown unit-like name. */
export function mentionAt(lexicon: UnitLexicon, tokens: Token[], i: number, original: string): Mention | null {
  let best: Entry | null = null;
  for (const e of lexicon.byHead.get(tokens[i].t) ?? []) {
    if (best && e.tokens.length <= best.tokens.length) continue;
    if (e.tokens.every((t, k) => tokens[i + k]?.t === t)) best = e;
  }
  const quote = (to: number) => original.slice(tokens[i].start, tokens[to - 1].end);
  if (best)
    return {
      from: i,
      to: i + best.tokens.length,
      written: quote(i + best.tokens.length),
      ref: best.ref,
      match: best.match,
    };
  if (!tokens[i].upper || !UNIT_HEADS.has(tokens[i].t)) return null;
  // An unknown or misspelt name: capitalised words after the head, one lower-case word after each.
  let to = i + 1;
  let capitals = 0;
  while (to < tokens.length && to - i < 9) {
    const tok = tokens[to];
    const prevUpper = tokens[to - 1].upper;
    if (tok.upper) capitals += 1;
    else if (tok.t === 'va' || tok.t === '&') {
      if (!tokens[to + 1]?.upper) break;
    } else if (!prevUpper || tok.t === 'va') break;
    to += 1;
  }
  if (capitals === 0) return null;
  const written = quote(to).replace(/[,;.:]+$/, '');
  let near: { entry: Entry; distance: number } | null = null;
  for (const e of lexicon.byHead.get(tokens[i].t) ?? []) {
    const candidate = tokens
      .slice(i, i + e.tokens.length)
      .map((t) => t.t)
      .join(' ');
    const distance = levenshtein(candidate, e.tokens.join(' '));
    if (distance <= Math.max(1, Math.floor(candidate.length / 12)) && (!near || distance < near.distance)) {
      near = { entry: e, distance };
    }
  }
  if (near) {
    const end = i + near.entry.tokens.length;
    return { from: i, to: end, written: quote(Math.min(end, tokens.length)), ref: near.entry.ref, match: 'fuzzy' };
  }
  return { from: i, to, written, ref: null, match: 'none' };
}

/** Every name in the text, left to right, longest first. */
export function scanMentions(lexicon: UnitLexicon, tokens: Token[], original: string): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = mentionAt(lexicon, tokens, i, original);
    if (m) {
      out.push(m);
      i = m.to;
    } else i += 1;
  }
  return out;
}

/** The display name of a resolved reference, for messages. */
export function refName(lexicon: UnitLexicon, ref: UnitRef): string {
  const e = lexicon.entries.find((x) => ('code' in ref && 'code' in x.ref ? x.ref.code === ref.code : false));
  return e?.name ?? ('code' in ref ? ref.code : ref.group);
}
