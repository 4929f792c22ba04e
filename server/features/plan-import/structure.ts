import type { PlanItemKind } from '../../../shared/domain.js';
import { findDeadlines } from './deadlines.js';
import { findDuties, findReporting } from './duties.js';
import { keyPart, RANK, readLabel, type LabelType } from './labels.js';
import type { ParsedItem, ParseWarning } from './parse-types.js';
import { foldText } from '../../../shared/text.js';
import { foldSame, tokenize, type Para } from './source-text.js';
import { scanMentions, type Mention, type UnitLexicon } from './unit-lexicon.js';

const BULLET_KEYS = 'abcdefghijklmnopqrstuvwxyz';

type Zone = 'objective' | 'task' | 'solution' | 'duty' | 'text';

interface Open {
  item: ParsedItem;
  type: LabelType;
  zone: Zone;
  holder: Mention | null;
  value?: number;
  /** The values of the children of each label type seen so far, for order warnings. */
  seen: Map<LabelType, number[]>;
}

function zoneOf(title: string): Zone {
  const t = foldSame(title);
  if (/to chuc thuc hien|trach nhiem/.test(t)) return 'duty';
  if (/nhiem vu|hoat dong/.test(t)) return 'task';
  if (/giai phap/.test(t)) return 'solution';
  if (/muc tieu|chi tieu/.test(t)) return 'objective';
  return 'text';
}

/** A heading that is only a unit's name ("2. Sở Nông nghiệp và Môi trường", "a) UBND các xã, phường:"). */
function headingUnit(title: string | undefined, lexicon: UnitLexicon): Mention | null {
  if (!title) return null;
  const clean = title.replace(/[:.]+$/, '');
  const tokens = tokenize(clean);
  const [m] = scanMentions(lexicon, tokens, clean);
  return m && m.from === 0 && m.to >= tokens.length - 2 ? m : null;
}

/** The subject of a section's opening line ("…, các sở, ngành, địa phương … có trách nhiệm:"). */
function openingSubject(text: string, lexicon: UnitLexicon): Mention | null {
  if (!/:\s*$/.test(text)) return null;
  return scanMentions(lexicon, tokenize(text), text)[0] ?? null;
}

function isTitle(rest: string, type: LabelType): boolean {
  if (type === 'roman') return true;
  if (type === 'dash' || type === 'plus') return false;
  return rest.length <= 160 && !/[.;]$/.test(rest) && !(rest.endsWith(':') && rest.length > 80);
}

const ORDER_MESSAGES = {
  LABEL_REPEATED: (l: string) => ({
    vi: `Số mục "${l}" lặp lại — giữ nguyên như văn bản ban hành`,
    en: `Label "${l}" repeats — kept as issued`,
  }),
  LABEL_SKIPPED: (l: string) => ({
    vi: `Số mục "${l}" bỏ qua số trước — giữ nguyên như văn bản ban hành`,
    en: `Label "${l}" skips a number — kept as issued`,
  }),
  LABEL_START: (l: string) => ({
    vi: `Mục đầu tiên đánh số "${l}" — giữ nguyên như văn bản ban hành`,
    en: `The first item is numbered "${l}" — kept as issued`,
  }),
} as const;

/**
 * Reads the body (from the first label to the closing) into the tree: a label of lower rank
 * opens a child, the same or higher rank closes items up to its level; running text joins the
 * open item (its title line first, then its text). Numerals are kept as written; repeats, gaps
 * and a start other than 1 only raise warnings.
 */
export function parseBody(paras: Para[], lexicon: UnitLexicon, warnings: ParseWarning[]): ParsedItem[] {
  const roots: ParsedItem[] = [];
  const rootSeen = new Map<LabelType, number[]>();
  const stack: Open[] = [];
  const opened = new Map<ParsedItem, Open>();
  const parts = new Map<ParsedItem, string>();
  for (const para of paras) {
    const label = readLabel(para.text);
    if (!label) {
      const top = stack.at(-1);
      if (!top) continue;
      const item = top.item;
      item.text = item.text ? `${item.text}\n${para.text}` : para.text;
      item.lines.push(...para.lines);
      if (!top.holder && top.zone === 'duty') top.holder = openingSubject(para.text, lexicon);
      continue;
    }
    while (stack.length > 0 && RANK[stack.at(-1)!.type] >= RANK[label.type]) stack.pop();
    const parent = stack.at(-1);
    const seen = parent ? parent.seen : rootSeen;
    const siblings = seen.get(label.type) ?? [];
    if (label.value !== undefined) {
      const prev = siblings.at(-1);
      const code =
        prev === undefined
          ? label.value !== 1
            ? 'LABEL_START'
            : null
          : label.value === prev
            ? 'LABEL_REPEATED'
            : label.value > prev + 1
              ? 'LABEL_SKIPPED'
              : null;
      if (code) warnings.push({ code, line: para.lines[0], ...ORDER_MESSAGES[code](label.label) });
      siblings.push(label.value);
      seen.set(label.type, siblings);
    }
    // Dashes and pluses have no numeral: they are keyed a, b, c… in order, as the seed plan keys them.
    const bullets = (parent ? parent.item.children : roots).filter((c) => /^[-–—•+]$/.test(c.label)).length;
    const part =
      label.type === 'dash' || label.type === 'plus' ? (BULLET_KEYS[bullets] ?? `x${bullets}`) : keyPart(label.label);
    const titled = isTitle(label.rest, label.type);
    const item: ParsedItem = {
      key: '',
      kind: 'text',
      label: label.label,
      ...(titled ? { title: label.rest } : { text: label.rest }),
      lines: [...para.lines],
      duties: [],
      deadlines: [],
      reporting: [],
      children: [],
    };
    const zone = label.type === 'roman' ? zoneOf(label.rest) : (parent?.zone ?? zoneOf(label.rest));
    const holder = headingUnit(item.title, lexicon) ?? parent?.holder ?? null;
    (parent ? parent.item.children : roots).push(item);
    parts.set(item, part);
    const open: Open = { item, type: label.type, zone, holder, value: label.value, seen: new Map() };
    stack.push(open);
    opened.set(item, open);
  }
  assignKeys(roots, parts);
  finish(roots, lexicon, warnings, opened);
  return roots;
}

/** "MỤC TIÊU" → "MT", "NHIỆM VỤ KẾ HOẠCH" → "NV": the first letters of a title's first two words. */
function initials(title: string | undefined): string {
  const words = foldText(title ?? '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/**
 * Keys are the labels of the path ("IV.1.a"). A label repeated among siblings ("II." twice) is
 * told apart by its title's initials on every occurrence ("II-MT", "II-NV"), as the seed plan's
 * keys are; where the initials do not tell them apart, the later ones get "#2", "#3".
 */
function assignKeys(
  items: ParsedItem[],
  parts: Map<ParsedItem, string>,
  parentKey = '',
  keys = new Set<string>(),
): void {
  const count = new Map<string, number>();
  for (const item of items) count.set(parts.get(item)!, (count.get(parts.get(item)!) ?? 0) + 1);
  const repeated = new Map<string, ParsedItem[]>();
  for (const item of items) {
    const part = parts.get(item)!;
    if ((count.get(part) ?? 0) > 1) repeated.set(part, [...(repeated.get(part) ?? []), item]);
  }
  const named = new Map<ParsedItem, string>();
  for (const [part, group] of repeated) {
    const tags = group.map((i) => initials(i.title));
    if (tags.every((t, k) => t && tags.indexOf(t) === k)) group.forEach((i, k) => named.set(i, `${part}-${tags[k]}`));
  }
  for (const item of items) {
    const base = `${parentKey}${named.get(item) ?? parts.get(item)!}`;
    let key = base;
    for (let n = 2; keys.has(key); n += 1) key = `${base}#${n}`;
    keys.add(key);
    item.key = key;
    assignKeys(item.children, parts, `${key}.`, keys);
  }
}

const LEAF_KIND: Record<Zone, PlanItemKind> = {
  objective: 'objective',
  task: 'task',
  solution: 'solution',
  duty: 'duty',
  text: 'text',
};

function finish(
  items: ParsedItem[],
  lexicon: UnitLexicon,
  warnings: ParseWarning[],
  opened: Map<ParsedItem, Open>,
  ancestorHasDuties = false,
): void {
  for (const item of items) {
    const info = opened.get(item);
    const zone = info?.zone ?? 'text';
    const holder = info?.holder ?? null;
    const isRoman = /^[IVXL]+\.$/.test(item.label);
    item.kind = isRoman || item.children.length > 0 ? 'section' : LEAF_KIND[zone];
    const isLeaf = item.children.length === 0;
    const own = item.text ?? (isLeaf ? item.title : undefined);
    if (own && !isRoman) {
      const ownHolder = headingUnit(item.title, lexicon);
      item.duties = findDuties(own, lexicon, {
        holder: ownHolder ?? holder,
        isDutyZone: zone === 'duty' && (isLeaf || !/:\s*$/.test(own)),
      });
      item.deadlines = findDeadlines(own).map(({ start: _s, end: _e, ...d }) => d);
      item.reporting = findReporting(own, lexicon);
    }
    for (const d of item.duties) {
      if (d.ref === null) {
        warnings.push({
          code: 'UNIT_UNRESOLVED',
          line: item.lines[0],
          itemKey: item.key,
          vi: `Chưa nhận ra đơn vị "${d.written}" — hãy chọn đơn vị tương ứng`,
          en: `Unit "${d.written}" not recognised — map it to a unit`,
        });
      } else if (d.match === 'fuzzy' || d.match === 'successor') {
        warnings.push({
          code: d.match === 'fuzzy' ? 'UNIT_FUZZY' : 'UNIT_SUCCESSOR',
          line: item.lines[0],
          itemKey: item.key,
          vi:
            d.match === 'fuzzy'
              ? `"${d.written}" được hiểu là đơn vị gần giống nhất — hãy kiểm tra`
              : `"${d.written}" là tên trước sắp xếp 2025 — đã chuyển sang đơn vị kế thừa`,
          en:
            d.match === 'fuzzy'
              ? `"${d.written}" read as the closest unit name — please check`
              : `"${d.written}" is a name from before the 2025 reorganisation — mapped to its successor`,
        });
      }
    }
    if (
      isLeaf &&
      !isRoman &&
      !ancestorHasDuties &&
      item.duties.length === 0 &&
      ['duty', 'task', 'solution'].includes(zone)
    ) {
      warnings.push({
        code: 'NO_UNIT',
        line: item.lines[0],
        itemKey: item.key,
        vi: `Mục ${item.label} chưa nêu đơn vị thực hiện — hãy gán đơn vị chủ trì, phối hợp`,
        en: `Item ${item.label} names no unit — assign the lead and coordinating units`,
      });
    }
    finish(item.children, lexicon, warnings, opened, ancestorHasDuties || item.duties.length > 0);
  }
}
