// Pure rules of the consolidated report: which units are expected and which reports compiled,
// which report paragraph goes where (one group per plan item, cited by its labels as issued), and
// one paragraph for a sentence several units (or one unit, item after item) wrote alike. The
// totals are in compile-tables.ts, the merge into an edited draft in merge.ts. No database here.
import { itemCitation } from '../../../shared/plan-citation.js';
import type { ConsolidationPart, FrozenIndicator } from '../../db/schema/index.js';

export const PART_ORDER: ConsolidationPart[] = ['implementation', 'results', 'difficulties', 'proposals'];

export interface CompileItem {
  id: string;
  key: string;
  label: string;
  title: string | null;
  text: string | null;
  kind: string;
  position: number;
}

export interface CompileUnit {
  orgUnitId: string;
  code: string;
  name: string;
  kind: string;
}

export interface CompileReport {
  id: string;
  orgUnitId: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  isLate: boolean;
  daysLate: number;
  firstSubmittedAt: Date | null;
  otherResults: string;
  proposalsToCommittee: string;
}

export interface CompileInput {
  year: number;
  includeSubmitted: boolean;
  /**
   * Units on the cycle's list that the consolidation does not expect a report from: the
   * department that compiles it (it does not report to itself). Expected again if it did report.
   */
  notExpected?: string[];
  items: CompileItem[];
  indicators: FrozenIndicator[];
  units: CompileUnit[];
  reports: CompileReport[];
  sections: Array<{ reportId: string; planItemId: string; results: string; difficulties: string; proposals: string }>;
  values: Array<{ reportId: string; indicatorCode: string; stream: string; value: unknown; num: number | null }>;
  previous: { year: number; values: Array<{ indicatorCode: string; stream: string; num: number | null }> } | null;
  /**
   * Province-wide figures of the indicators derived from the registries (issue 12), de-duplicated
   * (a firm two units reported counts once): they replace the sum of the units' typed values.
   */
  derived?: ProvinceFigure[];
}

/** A derived indicator's province-wide figure and how it is computed. */
export interface ProvinceFigure {
  indicatorCode: string;
  /** '' for an indicator not entered by stream. */
  stream: string;
  value: number;
  /** The method, in Vietnamese (the document states it). */
  method: string;
}

/** A paragraph as compiled from one source. */
export interface Origin {
  originKey: string;
  part: ConsolidationPart;
  itemKey: string;
  text: string;
  sourceUnitId: string;
  sourceUnitName: string;
  sourceReportId: string;
  isProvisional: boolean;
}

/** A group of paragraphs under one heading. */
export interface Group {
  part: ConsolidationPart;
  itemKey: string;
  heading: string;
  /** The plan item as the document cites it ("mục II.1 phần Nhiệm vụ kế hoạch"); '' for a whole part. */
  citation: string;
}

/** How a paragraph of a report not yet accepted is marked, in the text and the tables. */
export const PROVISIONAL_MARK = '(chưa tiếp nhận)';

/** Key of the group holding the units' "other results". */
export const OTHER_RESULTS = 'other';

/** A report is compiled when accepted, or, if the officer chose so, when submitted (provisional). */
export function isIncluded(status: CompileReport['status'], includeSubmitted: boolean): boolean {
  return status === 'accepted' || (includeSubmitted && status === 'submitted');
}

/** Tasks and solutions of the plan (part II has one heading per each). */
function isResultItem(item: CompileItem): boolean {
  return item.kind === 'task' || item.kind === 'solution';
}

/** Organisation duties (section IV of the plan) feed "I. Tình hình triển khai". */
function isImplementationItem(item: CompileItem): boolean {
  return item.key === 'IV' || item.key.startsWith('IV.');
}

/** A heading's text: the item's title, else its text in full (never cut short). */
function headingText(item: CompileItem): string {
  return (item.title ?? item.text ?? '').trim().replace(/\s+/g, ' ');
}

/**
 * The headings of the draft, in order: part I (then one group per duty of section IV), each
 * task and solution, other results, IV, V.
 */
export function draftGroups(items: CompileItem[]): Group[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const tasks = sorted.filter(isResultItem);
  const duties = sorted.filter((i) => /^IV\.[^.]+$/.test(i.key));
  return [
    { part: 'implementation', itemKey: '', heading: 'I. Tình hình triển khai thực hiện', citation: '' },
    ...duties.map((d, i) => ({
      part: 'implementation' as const,
      itemKey: d.key,
      heading: `${i + 1}. ${headingText(d)}`,
      citation: itemCitation(d, items),
    })),
    ...tasks.map((t, i) => ({
      part: 'results' as const,
      itemKey: t.key,
      heading: `${i + 1}. ${headingText(t)}`,
      citation: itemCitation(t, items),
    })),
    { part: 'results', itemKey: OTHER_RESULTS, heading: `${tasks.length + 1}. Kết quả khác`, citation: '' },
    { part: 'difficulties', itemKey: '', heading: 'IV. Khó khăn, vướng mắc', citation: '' },
    { part: 'proposals', itemKey: '', heading: 'V. Đề xuất, kiến nghị', citation: '' },
  ];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
const KIND_RANK: Record<string, number> = { department: 0, committee: 1, district: 2, commune: 3, ward: 3 };

/** Departments first, then localities, then enterprises and others; by name within each. */
export function compareUnits(a: CompileUnit, b: CompileUnit): number {
  return (KIND_RANK[a.kind] ?? 5) - (KIND_RANK[b.kind] ?? 5) || collator.compare(a.name, b.name);
}

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Two texts are the same sentence when they differ only in spacing, case or the final stop. */
function sameSentenceKey(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .replace(/[.;:!\s]+$/, '');
}

/**
 * The units the consolidation expects a report from: the cycle's list, without the compiling
 * department unless it did send a report.
 */
export function expectedUnits(input: Pick<CompileInput, 'units' | 'reports' | 'notExpected'>): CompileUnit[] {
  const skip = new Set(input.notExpected ?? []);
  if (skip.size === 0) return input.units;
  const sent = new Set(input.reports.filter((r) => r.firstSubmittedAt).map((r) => r.orgUnitId));
  return input.units.filter((u) => !skip.has(u.orgUnitId) || sent.has(u.orgUnitId));
}

/** The reports compiled: accepted ones, and submitted ones when the officer chose so, of expected units. */
export function compiledReports(input: CompileInput): Map<string, CompileReport> {
  const expected = new Set(expectedUnits(input).map((u) => u.orgUnitId));
  return new Map(
    input.reports
      .filter((r) => expected.has(r.orgUnitId) && isIncluded(r.status, input.includeSubmitted))
      .map((r) => [r.id, r]),
  );
}

/** "Sở Y tế", or "Sở Công Thương (chưa tiếp nhận)" for a report not yet accepted. */
export function unitLabel(name: string, isProvisional: boolean): string {
  return isProvisional ? `${name} ${PROVISIONAL_MARK}` : name;
}

type Draft = Origin & { sort: number[]; body: string; labels: string[] };

/**
 * Every paragraph the compiled reports give, in the order of the document: one group per plan
 * item, the units in order within it. A sentence given alike by several units in one group (or by
 * one unit for item after item, as a difficulty often is) is written once, naming them all.
 */
export function compileOrigins(input: CompileInput): Origin[] {
  const itemById = new Map(input.items.map((i) => [i.id, i]));
  const groups = draftGroups(input.items);
  const groupIndex = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
  const units = expectedUnits(input);
  const unitById = new Map(units.map((u) => [u.orgUnitId, u]));
  const unitOrder = new Map([...units].sort(compareUnits).map((u, i) => [u.orgUnitId, i]));
  const included = compiledReports(input);
  const out: Draft[] = [];
  const push = (
    r: CompileReport,
    part: ConsolidationPart,
    itemKey: string,
    key: string,
    text: string,
    itemPos: number,
    field: number,
  ) => {
    const body = clean(text);
    if (!body) return;
    const unitName = unitById.get(r.orgUnitId)?.name ?? 'Đơn vị';
    const known = groupIndex.has(`${part}|${itemKey}`);
    const g = groupIndex.get(`${part}|${itemKey}`) ?? groupIndex.get(`${part}|`) ?? 0;
    const isProvisional = r.status !== 'accepted';
    out.push({
      originKey: `${r.id}:${key}`,
      part,
      itemKey: known ? itemKey : '',
      text: body,
      body,
      labels: [unitLabel(unitName, isProvisional)],
      sourceUnitId: r.orgUnitId,
      sourceUnitName: unitName,
      sourceReportId: r.id,
      isProvisional,
      sort: [g, unitOrder.get(r.orgUnitId) ?? 1e6, itemPos, field],
    });
  };
  for (const s of input.sections) {
    const r = included.get(s.reportId);
    const item = itemById.get(s.planItemId);
    if (!r || !item) continue;
    const resultsPart: ConsolidationPart = isImplementationItem(item) ? 'implementation' : 'results';
    const resultsKey = resultsPart === 'results' ? resultItemKey(item, input.items) : dutyKey(item);
    push(r, resultsPart, resultsKey, `${s.planItemId}:results`, s.results, item.position, 0);
    push(r, 'difficulties', '', `${s.planItemId}:difficulties`, s.difficulties, item.position, 1);
    push(r, 'proposals', '', `${s.planItemId}:proposals`, s.proposals, item.position, 2);
  }
  for (const r of included.values()) {
    push(r, 'results', OTHER_RESULTS, 'free:otherResults', r.otherResults, 1e6, 0);
    push(r, 'proposals', '', 'free:proposalsToCommittee', r.proposalsToCommittee, 1e6, 3);
  }
  out.sort((a, b) => {
    for (let i = 0; i < a.sort.length; i += 1) if (a.sort[i] !== b.sort[i]) return a.sort[i] - b.sort[i];
    return a.originKey.localeCompare(b.originKey);
  });
  // One paragraph per sentence and group: the first keeps its origin, the others lend their units.
  const first = new Map<string, Draft>();
  const kept: Draft[] = [];
  for (const o of out) {
    const key = `${o.part}|${o.itemKey}|${sameSentenceKey(o.body)}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, o);
      kept.push(o);
      continue;
    }
    for (const label of o.labels) if (!seen.labels.includes(label)) seen.labels.push(label);
    seen.isProvisional ||= o.isProvisional;
  }
  return kept.map(({ sort: _sort, body, labels, ...o }) => {
    // The units are named in the text, as a typist would write it; the officer may rewrite it.
    // A text that starts with its unit's name keeps it, marked when not yet accepted.
    const named = labels.length === 1 && body.startsWith(o.sourceUnitName);
    const text = named ? `${labels[0]}${body.slice(o.sourceUnitName.length)}` : `${labels.join(', ')}: ${body}`;
    return { ...o, text, sourceUnitName: labels.join(', ') };
  });
}

/** The duty of section IV an item belongs to ("IV.2" for "IV.2.a"), '' for section IV itself. */
function dutyKey(item: CompileItem): string {
  const match = /^IV\.[^.]+/.exec(item.key);
  return match ? match[0] : '';
}

/** The task or solution an item belongs to (itself, or its nearest ancestor by key). */
function resultItemKey(item: CompileItem, items: CompileItem[]): string {
  if (isResultItem(item)) return item.key;
  const byKey = new Map(items.map((i) => [i.key, i]));
  let key = item.key;
  while (key.includes('.')) {
    key = key.slice(0, key.lastIndexOf('.'));
    const parent = byKey.get(key);
    if (parent && isResultItem(parent)) return parent.key;
  }
  return OTHER_RESULTS;
}
