import { describe, expect, it } from 'vitest';
import { chartOption, sortRows, TARGET_COLOUR } from './chartOption';

const chart = {
  categories: ['2026', '2027', '2028'],
  series: [
    { name: 'XL-01', type: 'bar' as const, data: [10, null, 30], stack: null, isTarget: false },
    { name: 'Mục tiêu', type: 'line' as const, data: [null, null, 40], stack: null, isTarget: true },
  ],
  unit: 'tấn',
  horizontal: false,
};

describe('chartOption', () => {
  it('draws the target dashed in its own colour, joining its points, values written in vi-VN', () => {
    const option = chartOption(chart, 'vi');
    const target = option.series[1];
    expect(target).toMatchObject({
      type: 'line',
      color: TARGET_COLOUR,
      connectNulls: true,
      lineStyle: { type: 'dashed' },
    });
    expect(option.series[0].connectNulls).toBe(false);
    expect(option.tooltip.valueFormatter(1234.5)).toBe('1.234,5');
    expect(chartOption(chart, 'en').tooltip.valueFormatter(1234.5)).toBe('1,234.5');
  });

  it('gives long item names a third of a phone’s width on horizontal bars', () => {
    const option = chartOption({ ...chart, horizontal: true }, 'vi', { width: 360 });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, axisLabel: { width: 119 } });
    expect(option.grid.left).toBe(129);
  });
});

describe('sortRows', () => {
  const rows = [
    ['Phường Phú Khương', 12],
    ['Xã Ấp Bắc', null],
    ['Xã An Hiệp', 3],
  ];
  it('sorts numbers by value with blanks last, text in Vietnamese order', () => {
    expect(sortRows(rows, 1, 'asc').map((r) => r[1])).toEqual([3, 12, null]);
    expect(sortRows(rows, 1, 'desc').map((r) => r[1])).toEqual([12, 3, null]);
    expect(sortRows(rows, 0, 'asc').map((r) => r[0])).toEqual(['Phường Phú Khương', 'Xã An Hiệp', 'Xã Ấp Bắc']);
  });
});
