// The figures of the consolidated report: the indicator totals by waste stream with last year's
// beside, and the annex of the expected units, from the compiled set of reports only (compile.ts
// says which), so the sentence "trên cơ sở báo cáo của N/M", the totals and the annex agree.
import { WASTE_STREAMS } from '../../../shared/domain.js';
import type { ConsolidationTables, FrozenIndicator } from '../../db/schema/index.js';
import { compareUnits, compiledReports, expectedUnits, type CompileInput } from './compile.js';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The indicator totals by waste stream with last year beside, and the annex of units. */
export function compileTables(input: CompileInput): ConsolidationTables {
  const included = new Set(compiledReports(input).keys());
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

  // Derived indicators: the province-wide de-duplicated figure, not the sum of the typed values.
  const province = new Map<string, Map<string, { value: number; method: string }>>();
  for (const f of input.derived ?? []) {
    if (!province.has(f.indicatorCode)) province.set(f.indicatorCode, new Map());
    province.get(f.indicatorCode)!.set(f.stream, { value: f.value, method: f.method });
  }

  const tableIndicators = indicators.map((i) => {
    const typedRows = i.byWasteStream
      ? streams.map((s) => ({
          stream: s,
          value: total(i.code, s),
          previous: input.previous ? get(prev, `${i.code}|${s}`) : null,
        }))
      : [{ stream: '', value: total(i.code, ''), previous: input.previous ? get(prev, `${i.code}|`) : null }];
    const figures = province.get(i.code);
    const rows = figures
      ? typedRows.map((r) => {
          const f = figures.get(r.stream);
          return f ? { ...r, value: round(f.value) } : r;
        })
      : typedRows;
    const derived = figures
      ? {
          method: mergeMethods([...new Set([...figures.values()].map((f) => f.method))]),
          unitsSum: sumOf(typedRows.map((r) => r.value)),
        }
      : null;
    return {
      code: i.code,
      name: i.name,
      unit: i.valueType === 'boolean' ? 'đơn vị' : i.unit,
      byWasteStream: i.byWasteStream,
      streams: rows,
      total: sumOf(rows.map((r) => r.value)),
      previousTotal: input.previous ? sumOf(rows.map((r) => r.previous)) : null,
      reporting: reporters.get(i.code)!.size,
      derived,
    };
  });

  const reportByUnit = new Map(input.reports.map((r) => [r.orgUnitId, r]));
  const units = [...expectedUnits(input)].sort(compareUnits).map((u): ConsolidationTables['units'][number] => {
    const r = reportByUnit.get(u.orgUnitId);
    const submitted = Boolean(r?.firstSubmittedAt);
    return {
      orgUnitId: u.orgUnitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      timing: !submitted ? 'missing' : r!.isLate ? 'late' : 'on_time',
      reportStatus: r?.status ?? 'none',
      included: r ? included.has(r.id) : false,
      daysLate: r?.daysLate ?? 0,
      submittedAt: r?.firstSubmittedAt ? r.firstSubmittedAt.toISOString() : null,
      values: r ? Object.fromEntries(perReport.get(r.id) ?? []) : {},
    };
  });
  return { indicators: tableIndicators, units, previousYear: input.previous?.year ?? null, streams };
}

/**
 * One sentence for an indicator derived per waste stream, whose methods differ only in the stream
 * ("… chất thải y tế có ngày …", "… chất thải sinh hoạt có ngày …"): the shared words once, the
 * streams listed where they differ. Methods differing elsewhere are kept whole, one after another.
 */
export function mergeMethods(methods: string[]): string {
  if (methods.length < 2) return methods[0] ?? '';
  const words = methods.map((m) => m.split(' '));
  let head = 0;
  while (words.every((w) => w[head] !== undefined && w[head] === words[0][head])) head += 1;
  let tail = 0;
  const shortest = Math.min(...words.map((w) => w.length));
  while (tail < shortest - head && words.every((w) => w[w.length - 1 - tail] === words[0][words[0].length - 1 - tail]))
    tail += 1;
  const middles = words.map((w) => w.slice(head, w.length - tail).join(' '));
  // The differing parts must be short (a stream's name), else the sentences really differ.
  if (head === 0 || middles.some((m) => m === '' || m.split(' ').length > 5)) return methods.join(' ');
  const listed = `${middles.slice(0, -1).join(', ')} và ${middles.at(-1)}`;
  return [...words[0].slice(0, head), listed, ...words[0].slice(words[0].length - tail)].join(' ');
}
