import { findDeadlines } from './deadlines.js';
import type { ParsedDuty, ParsedItem } from './parse-types.js';
import { foldSame, isUpperLine, tokenize, type Para } from './source-text.js';
import { scanMentions, type UnitLexicon } from './unit-lexicon.js';

/** The cells of a table row: tab-separated (Word, a spreadsheet, the docx reader) or "|"-separated. */
export function cellsOf(text: string): string[] | null {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim());
  if ((text.match(/\|/g) ?? []).length >= 2)
    return text
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  return null;
}

interface Columns {
  tt: number;
  task: number;
  lead: number;
  coordinate: number;
  time: number;
  product: number;
}

function columnsOf(cells: string[]): Columns | null {
  const folded = cells.map((c) => foldSame(c));
  const find = (re: RegExp) => folded.findIndex((c) => re.test(c));
  const lead = find(/chu tri/);
  if (lead < 0) return null;
  return {
    tt: find(/^(s?tt|so tt|stt)$/),
    task: find(/nhiem vu|noi dung|hoat dong|ten /),
    lead,
    coordinate: find(/phoi hop/),
    time: find(/thoi gian|thoi han|tien do/),
    product: find(/san pham|ket qua/),
  };
}

function dutiesOf(cell: string, role: ParsedDuty['role'], lexicon: UnitLexicon): ParsedDuty[] {
  return scanMentions(lexicon, tokenize(cell), cell).map((m) => ({
    written: m.written,
    role,
    ref: m.ref,
    match: m.match,
  }));
}

/**
 * One appendix: "PHỤ LỤC …", its upper-case title and "(Kèm theo …)" line, then a table of
 * nhiệm vụ · chủ trì · phối hợp · thời gian · sản phẩm. Each row becomes a task with its duties,
 * deadline and product; a row with only a numeral and a name opens a group.
 */
export function parseAppendix(paras: Para[], key: string, lexicon: UnitLexicon): ParsedItem {
  const [head, ...rest] = paras;
  const appendix: ParsedItem = {
    key,
    kind: 'section',
    label: head.text,
    lines: [...head.lines],
    duties: [],
    deadlines: [],
    reporting: [],
    children: [],
  };
  let columns: Columns | null = null;
  let group: ParsedItem | null = null;
  let last: ParsedItem | null = null;
  let n = 0;
  for (const para of rest) {
    const cells = cellsOf(para.text);
    if (!cells) {
      if (last) {
        last.text = `${last.text ?? ''} ${para.text}`.trim();
        last.lines.push(...para.lines);
      } else if (isUpperLine(para.text) && !appendix.text) {
        appendix.title = appendix.title ? `${appendix.title} ${para.text}` : para.text;
        appendix.lines.push(...para.lines);
      } else {
        appendix.text = appendix.text ? `${appendix.text}\n${para.text}` : para.text;
        appendix.lines.push(...para.lines);
      }
      continue;
    }
    if (!columns) {
      columns = columnsOf(cells);
      appendix.lines.push(...para.lines);
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const filled = cells.filter((c) => c.length > 0).length;
    n += 1;
    if (filled <= 2 && !cell(columns.lead)) {
      group = {
        key: `${key}.${n}`,
        kind: 'section',
        label: cell(columns.tt) || '-',
        title: cells.filter((c) => c.length > 0).at(-1) ?? '',
        lines: [...para.lines],
        duties: [],
        deadlines: [],
        reporting: [],
        children: [],
      };
      appendix.children.push(group);
      last = null;
      continue;
    }
    const time = cell(columns.time);
    const deadlines = findDeadlines(time).map(({ start: _s, end: _e, ...d }) => d);
    const product = cell(columns.product);
    const item: ParsedItem = {
      key: `${key}.${n}`,
      kind: 'task',
      label: cell(columns.tt) || '-',
      text: cell(columns.task),
      lines: [...para.lines],
      duties: [
        ...dutiesOf(cell(columns.lead), 'lead', lexicon),
        ...dutiesOf(cell(columns.coordinate), 'coordinate', lexicon),
      ],
      deadlines: deadlines.length > 0 || !time ? deadlines : [{ kind: 'vague', text: time }],
      reporting: [],
      ...(product ? { product } : {}),
      children: [],
    };
    (group ?? appendix).children.push(item);
    last = item;
  }
  return appendix;
}
