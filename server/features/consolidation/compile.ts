// Pure rules of the consolidated report: which report paragraph goes where, the indicator totals
// by waste stream beside last year's, the annex of units, and how a regeneration merges into a
// draft the officer has edited. No database here; consolidation.service.ts feeds and stores.
import { WASTE_STREAMS } from '../../../shared/domain.js';
import type { ConsolidationPart, ConsolidationTables, FrozenIndicator } from '../../db/schema/index.js';

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
  items: CompileItem[];
  indicators: FrozenIndicator[];
  units: CompileUnit[];
  reports: CompileReport[];
  sections: Array<{ reportId: string; planItemId: string; results: string; difficulties: string; proposals: string }>;
  values: Array<{ reportId: string; indicatorCode: string; stream: string; value: unknown; num: number | null }>;
  previous: { year: number; values: Array<{ indicatorCode: string; stream: string; num: number | null }> } | null;
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
}

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

/** The headings of the draft, in order: part I, each task and solution, other results, IV, V. */
export function draftGroups(items: CompileItem[]): Group[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const tasks = sorted.filter(isResultItem);
  return [
    { part: 'implementation', itemKey: '', heading: 'I. Tình hình triển khai thực hiện' },
    ...tasks.map((t, i) => ({
      part: 'results' as const,
      itemKey: t.key,
      heading: `${i + 1}. ${t.title ?? t.text ?? t.key}`,
    })),
    { part: 'results', itemKey: OTHER_RESULTS, heading: `${tasks.length + 1}. Kết quả khác` },
    { part: 'difficulties', itemKey: '', heading: 'IV. Khó khăn, vướng mắc' },
    { part: 'proposals', itemKey: '', heading: 'V. Đề xuất, kiến nghị' },
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

/** Every paragraph the included reports give, in the order of the document. */
export function compileOrigins(input: CompileInput): Origin[] {
  const itemById = new Map(input.items.map((i) => [i.id, i]));
  const groups = draftGroups(input.items);
  const groupIndex = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
  const unitById = new Map(input.units.map((u) => [u.orgUnitId, u]));
  const unitOrder = new Map([...input.units].sort(compareUnits).map((u, i) => [u.orgUnitId, i]));
  const included = new Map(
    input.reports.filter((r) => isIncluded(r.status, input.includeSubmitted)).map((r) => [r.id, r]),
  );
  const out: Array<Origin & { sort: number[] }> = [];
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
    const unit = unitById.get(r.orgUnitId);
    const unitName = unit?.name ?? 'Đơn vị';
    const g = groupIndex.get(`${part}|${itemKey}`) ?? groupIndex.get(`${part}|`) ?? 0;
    out.push({
      originKey: `${r.id}:${key}`,
      part,
      itemKey: groupIndex.has(`${part}|${itemKey}`) ? itemKey : '',
      // The unit is named in the text, as a typist would write it; the officer may rewrite it.
      text: body.startsWith(unitName) ? body : `${unitName}: ${body}`,
      sourceUnitId: r.orgUnitId,
      sourceUnitName: unitName,
      sourceReportId: r.id,
      isProvisional: r.status !== 'accepted',
      sort: [g, unitOrder.get(r.orgUnitId) ?? 1e6, itemPos, field],
    });
  };
  for (const s of input.sections) {
    const r = included.get(s.reportId);
    const item = itemById.get(s.planItemId);
    if (!r || !item) continue;
    const resultsPart: ConsolidationPart = isImplementationItem(item) ? 'implementation' : 'results';
    const resultsKey = resultsPart === 'results' ? resultItemKey(item, input.items) : '';
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
  return out.map(({ sort: _sort, ...o }) => o);
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

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The indicator totals by waste stream with last year beside, and the annex of units. */
export function compileTables(input: CompileInput): ConsolidationTables {
  const included = new Set(input.reports.filter((r) => isIncluded(r.status, input.includeSubmitted)).map((r) => r.id));
  const dataStreams = new Set(input.values.map((v) => v.stream).filter(Boolean));
  const streams = [
    ...WASTE_STREAMS,
    ...[...dataStreams].filter((s) => !(WASTE_STREAMS as readonly string[]).includes(s)).sort(),
  ];
  const indicators = [...input.indicators]
    .filter((i) => i.valueType !== 'text')
    .sort((a, b) => a.position - b.position);
  const numeric = (i: FrozenIndicator, v: { value: unknown; num: number | null }): number | null =>
    i.valueType === 'boolean' ? (v.value === true ? 1 : null) : typeof v.num === 'number' ? v.num : null;
  const byInd = new Map(indicators.map((i) => [i.code, i]));

  // Totals by indicator, then by stream ('' when not by stream): nested maps rather than a
  // composed "code|stream" key, which cost a new string per value over tens of thousands of values.
  const sums = new Map<string, Map<string, number>>(indicators.map((i) => [i.code, new Map()]));
  const reporters = new Map<string, Set<string>>(indicators.map((i) => [i.code, new Set()]));
  const perReport = new Map<string, Map<string, number | string | boolean | null>>();
  for (const v of input.values) {
    const ind = byInd.get(v.indicatorCode);
    if (!ind) continue;
    const n = numeric(ind, v);
    // Per-unit values for the annex: every report, compiled or not.
    let m = perReport.get(v.reportId);
    if (!m) perReport.set(v.reportId, (m = new Map()));
    if (ind.byWasteStream) {
      if (n !== null) m.set(ind.code, round(((m.get(ind.code) as number | null) ?? 0) + n));
    } else m.set(ind.code, ind.valueType === 'boolean' ? (v.value as boolean) : n);
    if (!included.has(v.reportId) || n === null) continue;
    const byStream = sums.get(ind.code)!;
    const stream = ind.byWasteStream ? v.stream : '';
    byStream.set(stream, (byStream.get(stream) ?? 0) + n);
    reporters.get(ind.code)!.add(v.reportId);
  }
  const prev = new Map<string, number>();
  for (const v of input.previous?.values ?? []) {
    if (v.num === null) continue;
    const ind = byInd.get(v.indicatorCode);
    const key = `${v.indicatorCode}|${ind?.byWasteStream ? v.stream : ''}`;
    prev.set(key, (prev.get(key) ?? 0) + v.num);
  }
  const get = (m: Map<string, number>, k: string) => (m.has(k) ? round(m.get(k)!) : null);
  const total = (code: string, stream: string) => {
    const n = sums.get(code)!.get(stream);
    return n === undefined ? null : round(n);
  };
  const sumOf = (xs: Array<number | null>) =>
    xs.some((x) => x !== null) ? round(xs.reduce<number>((a, x) => a + (x ?? 0), 0)) : null;

  const tableIndicators = indicators.map((i) => {
    const rows = i.byWasteStream
      ? streams.map((s) => ({
          stream: s,
          value: total(i.code, s),
          previous: input.previous ? get(prev, `${i.code}|${s}`) : null,
        }))
      : [{ stream: '', value: total(i.code, ''), previous: input.previous ? get(prev, `${i.code}|`) : null }];
    return {
      code: i.code,
      name: i.name,
      unit: i.valueType === 'boolean' ? 'đơn vị' : i.unit,
      byWasteStream: i.byWasteStream,
      streams: rows,
      total: sumOf(rows.map((r) => r.value)),
      previousTotal: input.previous ? sumOf(rows.map((r) => r.previous)) : null,
      reporting: reporters.get(i.code)!.size,
    };
  });

  const reportByUnit = new Map(input.reports.map((r) => [r.orgUnitId, r]));
  const units = [...input.units].sort(compareUnits).map((u): ConsolidationTables['units'][number] => {
    const r = reportByUnit.get(u.orgUnitId);
    const submitted = Boolean(r?.firstSubmittedAt);
    return {
      orgUnitId: u.orgUnitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      timing: !submitted ? 'missing' : r!.isLate ? 'late' : 'on_time',
      reportStatus: r?.status ?? 'none',
      included: r ? isIncluded(r.status, input.includeSubmitted) : false,
      daysLate: r?.daysLate ?? 0,
      submittedAt: r?.firstSubmittedAt ? r.firstSubmittedAt.toISOString() : null,
      values: r ? Object.fromEntries(perReport.get(r.id) ?? []) : {},
    };
  });
  return { indicators: tableIndicators, units, previousYear: input.previous?.year ?? null, streams };
}

/* ───────────────────────────── merging a regeneration ───────────────────────────── */

/** A stored paragraph, as the merge sees it. */
export interface DraftParagraph {
  id: string;
  part: ConsolidationPart;
  itemKey: string;
  position: number;
  text: string;
  originKey: string | null;
  sourceText: string | null;
  sourceUnitId: string | null;
  sourceUnitName: string | null;
  sourceReportId: string | null;
  isProvisional: boolean;
  isEdited: boolean;
  isRemoved: boolean;
  sourceChanged: boolean;
  addedGeneration: number;
  changedGeneration: number;
}

/**
 * Merges freshly compiled paragraphs into the draft, generation `generation`:
 * - a paragraph the officer did not edit follows its source (text updated, marked updated);
 * - an edited paragraph keeps the officer's text; a changed source is flagged, never applied;
 * - a removed paragraph stays removed;
 * - a new source paragraph is added at the end of its group, marked new;
 * - an unedited paragraph whose source is gone (report no longer compiled) is dropped; an
 *   edited one stays, since it is the officer's text now.
 * Paragraphs added by hand are untouched. Positions are renumbered group by group.
 */
export function mergeDraft(
  existing: DraftParagraph[],
  origins: Origin[],
  groups: Group[],
  generation: number,
  newId: () => string,
): { paragraphs: DraftParagraph[]; added: number; updated: number } {
  const fresh = new Set(origins.map((o) => o.originKey));
  let added = 0;
  let updated = 0;
  const kept: DraftParagraph[] = [];
  for (const p of existing) {
    if (p.originKey && !fresh.has(p.originKey) && !p.isEdited) continue;
    kept.push({ ...p });
  }
  const keptByOrigin = new Map(kept.filter((p) => p.originKey).map((p) => [p.originKey!, p]));
  const appended: DraftParagraph[] = [];
  for (const o of origins) {
    const p = keptByOrigin.get(o.originKey);
    if (!p) {
      added += 1;
      appended.push({
        id: newId(),
        part: o.part,
        itemKey: o.itemKey,
        position: 0,
        text: o.text,
        originKey: o.originKey,
        sourceText: o.text,
        sourceUnitId: o.sourceUnitId,
        sourceUnitName: o.sourceUnitName,
        sourceReportId: o.sourceReportId,
        isProvisional: o.isProvisional,
        isEdited: false,
        isRemoved: false,
        sourceChanged: false,
        addedGeneration: generation,
        changedGeneration: generation,
      });
      continue;
    }
    p.isProvisional = o.isProvisional;
    p.sourceUnitName = o.sourceUnitName;
    if (p.sourceText === o.text) continue;
    p.sourceText = o.text;
    if (p.isRemoved) continue;
    if (p.isEdited) p.sourceChanged = true;
    else {
      p.text = o.text;
      updated += 1;
    }
    p.changedGeneration = generation;
  }
  const groupIndex = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
  const partEnd = (part: ConsolidationPart) => {
    let last = -1;
    groups.forEach((g, i) => {
      if (g.part === part) last = i;
    });
    return last;
  };
  const indexOf = (p: DraftParagraph) => groupIndex.get(`${p.part}|${p.itemKey}`) ?? partEnd(p.part);
  const ordered = [...kept.sort((a, b) => a.position - b.position), ...appended];
  // Stable sort by group keeps the officer's order inside each group and puts new ones last.
  const withIndex = ordered.map((p, i) => ({ p, g: indexOf(p), i }));
  withIndex.sort((a, b) => a.g - b.g || a.i - b.i);
  const paragraphs = withIndex.map(({ p }, i) => ({ ...p, position: i }));
  return { paragraphs, added, updated };
}
