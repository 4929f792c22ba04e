// A figure's chart drawn by ECharts (SVG renderer: crisp on screen and on paper), with its export
// as SVG and PNG. Only the dashboards' lazily loaded pages import this file, so no other page
// loads ECharts.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { FigureDto } from '../../../shared/contracts/progress';
import { chartHeight, chartOption } from './chartOption';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface ChartHandle {
  svg(): string;
  png(): Promise<Blob>;
}

export const Chart = forwardRef<
  ChartHandle,
  { chart: NonNullable<FigureDto['chart']>; lang: 'vi' | 'en'; label: string }
>(function Chart({ chart, lang, label }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    instance.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    // Printing: draw at the paper's width, then back.
    const before = () => c.resize({ width: 680 });
    const after = () => c.resize();
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      resize.disconnect();
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      c.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption(chartOption(chart, lang), { notMerge: true });
  }, [chart, lang]);

  useImperativeHandle(ref, () => ({
    svg: () => svgText(instance.current!),
    png: () => svgToPng(svgText(instance.current!), box.current!.clientWidth, chartHeight(chart)),
  }));

  return (
    <div
      ref={box}
      className="progress-chart"
      role="img"
      aria-label={label}
      style={{ width: '100%', height: chartHeight(chart) }}
    />
  );
});

function svgText(c: echarts.ECharts): string {
  const svg = c.renderToSVGString();
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}

/** The SVG drawn on a white canvas at twice its size, as PNG. */
async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
