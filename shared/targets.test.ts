import { describe, expect, it } from 'vitest';
import { computeTargetValue, formatChange, validateTarget, type TargetDefinition } from './targets.js';

const qd1639: TargetDefinition = {
  baselineYear: 2024,
  baselineValue: null,
  targetYear: 2030,
  targetValue: null,
  changeKind: 'percent',
  changeAmount: 10,
  direction: 'increase',
  source: 'QĐ 1639/QĐ-TTg',
};

describe('target arithmetic', () => {
  it('has no target value while the baseline is not entered', () => {
    expect(computeTargetValue(qd1639)).toBeNull();
  });
  it('applies a percentage to the baseline, without float noise', () => {
    expect(computeTargetValue({ ...qd1639, baselineValue: 40 })).toBe(44);
    expect(computeTargetValue({ ...qd1639, baselineValue: 7 })).toBe(7.7);
    expect(computeTargetValue({ ...qd1639, baselineValue: 0 })).toBe(0);
    expect(computeTargetValue({ ...qd1639, baselineValue: 200, changeAmount: -25 })).toBe(150);
  });
  it('adds an absolute change to the baseline', () => {
    expect(computeTargetValue({ ...qd1639, baselineValue: 3, changeKind: 'absolute', changeAmount: 5 })).toBe(8);
  });
  it('keeps a target given as a value, baseline or not', () => {
    const value = { ...qd1639, changeKind: null, changeAmount: null, targetValue: 12 };
    expect(computeTargetValue(value)).toBe(12);
    expect(computeTargetValue({ ...value, baselineValue: 10 })).toBe(12);
  });
  it('writes a change as people do', () => {
    expect(formatChange('percent', 10)).toBe('+10 %');
    expect(formatChange('absolute', -5, 'doanh nghiệp')).toBe('−5 doanh nghiệp');
    expect(formatChange('percent', 2.5)).toBe('+2,5 %');
  });
});

describe('validateTarget', () => {
  const fields = (t: Partial<TargetDefinition>) => validateTarget({ ...qd1639, ...t }).map((issue) => issue.field);
  it('accepts QĐ 1639’s target with or without its baseline', () => {
    expect(validateTarget(qd1639)).toEqual([]);
    expect(validateTarget({ ...qd1639, baselineValue: 40 })).toEqual([]);
  });
  it('names the field of each problem, in Vietnamese', () => {
    expect(fields({ targetYear: 2020 })).toEqual(['targetYear']);
    expect(fields({ baselineYear: null })).toEqual(['baselineYear']);
    expect(fields({ baselineValue: -1 })).toEqual(['baselineValue']);
    expect(fields({ changeAmount: -10 })).toEqual(['changeAmount']);
    expect(fields({ direction: 'maintain' })).toEqual(['changeAmount']);
    expect(fields({ changeKind: null, changeAmount: null })).toEqual(['targetValue']);
    expect(fields({ targetValue: 5 })).toEqual(['targetValue']);
    expect(fields({ changeKind: 'percent', changeAmount: -100, direction: 'decrease' })).toEqual(['changeAmount']);
    expect(fields({ source: '  ' })).toEqual(['source']);
    expect(validateTarget({ ...qd1639, source: '' })[0].vi).toMatch(/Cần nhập nguồn/);
  });
  it('checks a value target against the baseline and the direction', () => {
    const value = { changeKind: null, changeAmount: null, baselineValue: 10 };
    expect(fields({ ...value, targetValue: 8 })).toEqual(['targetValue']);
    expect(fields({ ...value, targetValue: 12 })).toEqual([]);
    expect(fields({ ...value, targetValue: 12, direction: 'decrease' })).toEqual(['targetValue']);
  });
});
