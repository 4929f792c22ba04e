// Charts of the portal, drawn on the server as SVG with ECharts' server-side rendering: no script
// reaches the reader. Each chart is an image with a title and a label saying what it shows; the
// data table printed under it is the real data.
import * as echarts from 'echarts';
import { esc, raw, type Html } from './html.js';

export interface ChartInput {
  /** The accessible name: what the chart shows. */
  label: string;
  unit: string;
  /** Years on the horizontal axis, in order, with the value of each (null: no figure). */
  points: Array<{ year: number; value: number | null }>;
  /** The target, drawn as a marked point and a dashed line to it, when the plan sets one. */
  target?: { year: number; value: number; label: string } | null;
  /** Formats a value as the reader's language writes numbers. */
  format: (n: number) => string;
  targetName: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const cache = new Map<string, string>();
const CACHE_SIZE = 200;

/** The SVG of one indicator's bar chart (cached by its input: the same figures draw the same chart). */
export function indicatorChart(input: ChartInput): Html {
  const key = JSON.stringify([
    input.label,
    input.unit,
    input.points,
    input.target,
    input.targetName,
    input.format(1234.5),
  ]);
  let svg = cache.get(key);
  if (svg === undefined) {
    svg = render(input);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, svg);
  }
  return raw(svg);
}

function render(input: ChartInput): string {
  const years = input.points.map((p) => p.year);
  const target = input.target ?? null;
  if (target && !years.includes(target.year)) {
    for (let y = (years.at(-1) ?? target.year - 1) + 1; y <= target.year; y += 1) years.push(y);
  }
  const byYear = new Map(input.points.map((p) => [p.year, p.value]));
  const lastBefore = (year: number) =>
    input.points.filter((p) => p.value !== null && p.year < year).at(-1)?.year ?? null;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: '#1b2620' },
      grid: { left: 64, right: 24, top: 28, bottom: 36 },
      xAxis: {
        type: 'category',
        data: years.map(String),
        axisLabel: { color: '#33443a' },
        axisLine: { lineStyle: { color: '#4a5a50' } },
      },
      yAxis: {
        type: 'value',
        name: input.unit,
        nameTextStyle: { color: '#33443a', align: 'left' },
        axisLabel: { color: '#33443a', formatter: (v: number) => input.format(v) },
        splitLine: { lineStyle: { color: '#d5ded8' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          itemStyle: { color: '#0b5d32' },
          label: {
            show: true,
            position: 'top',
            color: '#1b2620',
            formatter: (p: { value: number | null }) => (p.value === null ? '' : input.format(p.value)),
          },
          data: years.map((y) => byYear.get(y) ?? null),
        },
        ...(target
          ? [
              {
                type: 'line',
                name: input.targetName,
                symbol: 'diamond',
                symbolSize: 12,
                lineStyle: { type: 'dashed', color: '#a3361b', width: 2 },
                itemStyle: { color: '#a3361b' },
                label: {
                  show: true,
                  position: 'top',
                  color: '#7a2612',
                  formatter: (p: { value: number | null }) =>
                    p.value === null ? '' : `${input.targetName}: ${input.format(p.value)}`,
                },
                connectNulls: true,
                // From the latest figure before the target year to the target.
                data: years.map((y) => {
                  if (y === target.year) return target.value;
                  return y === lastBefore(target.year) ? (byYear.get(y) ?? null) : null;
                }),
              },
            ]
          : []),
      ],
    });
    const svg = chart.renderToSVGString();
    // An image with a name: role and label on the root, and a <title> as its first child.
    return svg
      .replace(
        /^<svg /,
        `<svg role="img" aria-label="${esc(input.label)}" focusable="false" preserveAspectRatio="xMinYMin meet" `,
      )
      .replace(/^(<svg[^>]*>)/, `$1<title>${esc(input.label)}</title>`);
  } finally {
    chart.dispose();
  }
}
