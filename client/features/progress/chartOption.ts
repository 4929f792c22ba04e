// The ECharts option of a figure's chart (pure, so it is tested without a browser): bars or lines
// per series over the categories, the target as a dashed line joining its points, values in vi-VN.
import type { FigureDto } from '../../../shared/contracts/progress';
import { writeNumber } from '../../../shared/numbers';

type Chart = NonNullable<FigureDto['chart']>;

/** Colours that keep a 3:1 contrast on white and stay apart in grey print. */
export const PALETTE = ['#1c6b3a', '#c05621', '#2b6cb0', '#805ad5', '#b7791f', '#2c7a7b'];
export const TARGET_COLOUR = '#c53030';

export function chartOption(chart: Chart, lang: 'vi' | 'en', opts: { animation?: boolean; width?: number } = {}) {
  // On a phone the item names get a third of the width, not 250 px.
  const labelWidth = Math.min(250, Math.round((opts.width ?? 1000) * 0.33));
  const format = (v: unknown) => (typeof v === 'number' ? writeNumber(v, lang) : '');
  const category = {
    type: 'category' as const,
    data: chart.categories,
    axisLabel: chart.horizontal ? { width: labelWidth, overflow: 'truncate' as const, interval: 0 } : { interval: 0 },
  };
  const value = { type: 'value' as const, name: chart.unit, axisLabel: { formatter: format } };
  let colour = 0;
  return {
    animation: opts.animation ?? false,
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
    tooltip: { trigger: 'axis' as const, valueFormatter: format },
    legend: { bottom: 0, type: 'scroll' as const },
    grid: { left: chart.horizontal ? labelWidth + 10 : 56, right: 24, top: 36, bottom: 56, containLabel: false },
    xAxis: chart.horizontal ? value : category,
    yAxis: chart.horizontal ? { ...category, inverse: true } : value,
    series: chart.series.map((s) => {
      const color = s.isTarget ? TARGET_COLOUR : PALETTE[colour++ % PALETTE.length];
      return {
        name: s.name,
        type: s.type,
        data: s.data,
        stack: s.stack ?? undefined,
        color,
        connectNulls: s.isTarget,
        symbolSize: s.isTarget ? 9 : 6,
        lineStyle: s.isTarget ? { type: 'dashed' as const, width: 2 } : undefined,
        label: s.isTarget
          ? { show: true, formatter: (p: { value: unknown }) => format(p.value), position: 'top' as const }
          : undefined,
        barMaxWidth: 36,
      };
    }),
  };
}

/** The chart's height: horizontal bars grow with their categories. */
export function chartHeight(chart: Chart): number {
  return chart.horizontal ? Math.max(220, 60 + chart.categories.length * 26) : 300;
}

type Cell = string | number | null;

/** Sorts rows by one column: numbers by value, text in Vietnamese order, blanks last. */
export function sortRows(rows: readonly Cell[][], column: number, dir: 'asc' | 'desc'): Cell[][] {
  const collator = new Intl.Collator('vi');
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}
