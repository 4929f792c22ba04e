// Pure builders of the dashboards' figures: rows in, a FigureDto (chart, table, the sentence
// saying how it was computed) out. Numbers in sentences are written for the request's language.
import type { ChartSeries, FigureDto, IndicatorRef } from '../../../shared/contracts/progress.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { writeNumber } from '../../../shared/numbers.js';
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';

export type Lang = 'vi' | 'en';
export const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);
export const n = (value: number | null | undefined, lang: Lang) => writeNumber(value ?? 0, lang);

/** The value an indicator's row stands for: a sum, a mean of percentages, or a count of "yes". */
export function indicatorValue(
  valueType: IndicatorRef['valueType'],
  row: { total: number | null; yes: number; values: number } | undefined,
): number | null {
  if (!row) return null;
  if (valueType === 'boolean') return row.yes;
  if (valueType === 'percent') return row.values > 0 && row.total !== null ? round(row.total / row.values) : null;
  return row.total === null ? null : round(row.total);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** How an indicator's value is made from reports, as the sentences say it. */
export function aggregation(ind: IndicatorRef, lang: Lang): string {
  if (ind.valueType === 'boolean') return say(lang, 'số báo cáo trả lời "Có"', 'the number of reports answering "yes"');
  if (ind.valueType === 'percent') return say(lang, 'trung bình cộng tỷ lệ', 'the mean of the percentages');
  return say(lang, 'tổng', 'the sum');
}

export const KIND_GROUPS = ['department', 'locality', 'enterprise', 'other'] as const;
export function kindGroupLabel(group: string, lang: Lang): string {
  const labels: Record<string, [string, string]> = {
    department: ['Sở, ban, ngành', 'Departments'],
    locality: ['Xã, phường', 'Communes and wards'],
    enterprise: ['Doanh nghiệp, tổ chức', 'Enterprises and organisations'],
    other: ['Đơn vị khác', 'Other units'],
  };
  const [vi, en] = labels[group] ?? [group, group];
  return say(lang, vi, en);
}

export function streamLabelOf(stream: string, lang: Lang): string {
  if (!stream) return say(lang, 'Không theo dòng thải', 'Not by waste stream');
  const label = WASTE_STREAM_LABELS[stream as (typeof WASTE_STREAMS)[number]];
  return label ? label[lang] : stream;
}

export const series = (
  name: string,
  data: Array<number | null>,
  o: { type?: 'line' | 'bar'; stack?: string | null; isTarget?: boolean } = {},
): ChartSeries => ({ name, data, type: o.type ?? 'bar', stack: o.stack ?? null, isTarget: o.isTarget ?? false });

/** The years a chart over time shows: from the first cycle to 2030 (or the last cycle, if later). */
export function yearAxis(cycleYears: readonly number[], fallbackYear: number): number[] {
  const first = cycleYears.length ? Math.min(...cycleYears) : fallbackYear;
  const last = Math.max(2030, ...cycleYears, first);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export interface TargetPoint {
  year: number;
  value: number;
  baseline: { year: number; value: number } | null;
}

/** The target line over the year axis: the baseline and the target joined, nothing elsewhere. */
export function targetSeries(years: readonly number[], target: TargetPoint | null, lang: Lang): ChartSeries[] {
  if (!target) return [];
  const data = years.map((y) =>
    y === target.year ? target.value : target.baseline && y === target.baseline.year ? target.baseline.value : null,
  );
  if (data.every((x) => x === null)) return [];
  return [series(say(lang, 'Mục tiêu', 'Target'), data, { type: 'line', isTarget: true })];
}

export function figure(
  id: FigureDto['id'],
  title: string,
  method: string,
  chart: FigureDto['chart'],
  table: FigureDto['table'],
): FigureDto {
  return { id, title, method, chart, table };
}

/** A plan item on a chart's axis: its number and the start of its title ("mục IV.1: Xây dựng Kế hoạch…"). */
export function chartLabel(citation: string, title: string): string {
  const short = citation.replace(/ (phần|part) .*$/u, '');
  const words = title.length > 38 ? `${title.slice(0, 38).trimEnd()}…` : title;
  return words ? `${short}: ${words}` : short;
}
