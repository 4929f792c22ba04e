// Targets of a plan (issue 13): per indicator, a baseline (year and value, the value "chưa có"
// until entered), a target year with either a value or a change against the baseline, a
// direction and the source. The arithmetic and the checks are here so that the server, the
// amendment editor and the portal agree.

import { formatNumber } from './format.js';

export const TARGET_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export const TARGET_CHANGE_KINDS = ['percent', 'absolute'] as const;
export type TargetChangeKind = (typeof TARGET_CHANGE_KINDS)[number];

export const TARGET_DIRECTION_LABELS: Record<TargetDirection, { vi: string; en: string }> = {
  increase: { vi: 'Tăng', en: 'Increase' },
  decrease: { vi: 'Giảm', en: 'Decrease' },
  maintain: { vi: 'Duy trì', en: 'Maintain' },
};

/** Shown where a baseline value (or a value computed from it) is not known yet. */
export const NOT_ENTERED = { vi: 'chưa có', en: 'not entered' };

export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

/** A target as a plan version holds it (flat, as stored and as proposed in an amendment). */
export interface TargetDefinition {
  baselineYear: number | null;
  /** null: not entered yet ("chưa có"). */
  baselineValue: number | null;
  targetYear: number;
  /** The target as a value; null when it is a change against the baseline. */
  targetValue: number | null;
  /** The target as a change against the baseline; null when it is a value. */
  changeKind: TargetChangeKind | null;
  changeAmount: number | null;
  direction: TargetDirection;
  source: string;
}

/** Rounds away the float noise of a product (40 × 1.1 = 44.000000000000004 → 44). */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The target value: the value itself, or the baseline changed by the percentage or the amount.
 * Null when the target is a change and the baseline value is not known.
 */
export function computeTargetValue(
  t: Pick<TargetDefinition, 'baselineValue' | 'targetValue' | 'changeKind' | 'changeAmount'>,
): number | null {
  if (t.targetValue !== null) return t.targetValue;
  if (t.changeKind === null || t.changeAmount === null || t.baselineValue === null) return null;
  if (t.changeKind === 'percent') return tidy(t.baselineValue * (1 + t.changeAmount / 100));
  return tidy(t.baselineValue + t.changeAmount);
}

/** "+10 %", "−5 doanh nghiệp", "+5" — a change as people write it (vi-VN numbers). */
export function formatChange(kind: TargetChangeKind, amount: number, unit?: string): string {
  const sign = amount > 0 ? '+' : amount < 0 ? '−' : '±';
  const figure = formatNumber(Math.abs(amount));
  return kind === 'percent' ? `${sign}${figure} %` : `${sign}${figure}${unit ? ` ${unit}` : ''}`;
}

/** One refused field of a target: the field's name in `TargetDefinition` (or `indicatorCode`) and why. */
export interface TargetIssue {
  field: keyof TargetDefinition | 'indicatorCode';
  vi: string;
  en: string;
}

function isYear(value: number | null): boolean {
  return value !== null && Number.isInteger(value) && value >= TARGET_YEAR_MIN && value <= TARGET_YEAR_MAX;
}

/**
 * Checks a target field by field; the first issue of each field, in the form's order. Empty
 * when the target can be stored.
 */
export function validateTarget(t: {
  [K in keyof TargetDefinition]: TargetDefinition[K] | null | undefined;
}): TargetIssue[] {
  const issues: TargetIssue[] = [];
  const add = (field: TargetIssue['field'], vi: string, en: string) => {
    if (!issues.some((issue) => issue.field === field)) issues.push({ field, vi, en });
  };
  const baselineYear = t.baselineYear ?? null;
  const baselineValue = t.baselineValue ?? null;
  const targetYear = t.targetYear ?? null;
  const targetValue = t.targetValue ?? null;
  const changeKind = t.changeKind ?? null;
  const changeAmount = t.changeAmount ?? null;

  if (baselineYear !== null && !isYear(baselineYear))
    add(
      'baselineYear',
      `Năm cơ sở phải là một năm từ ${TARGET_YEAR_MIN} đến ${TARGET_YEAR_MAX}`,
      `The baseline year must be between ${TARGET_YEAR_MIN} and ${TARGET_YEAR_MAX}`,
    );
  if (baselineValue !== null && baselineYear === null)
    add('baselineYear', 'Cần nhập năm cơ sở của giá trị cơ sở', 'Enter the year of the baseline value');
  if (baselineValue !== null && baselineValue < 0)
    add('baselineValue', 'Giá trị cơ sở không được âm', 'The baseline value cannot be negative');
  if (targetYear === null) add('targetYear', 'Cần nhập năm mục tiêu (ví dụ 2030)', 'Enter the target year (e.g. 2030)');
  else if (!isYear(targetYear))
    add(
      'targetYear',
      `Năm mục tiêu phải là một năm từ ${TARGET_YEAR_MIN} đến ${TARGET_YEAR_MAX}`,
      `The target year must be between ${TARGET_YEAR_MIN} and ${TARGET_YEAR_MAX}`,
    );
  else if (baselineYear !== null && isYear(baselineYear) && baselineYear >= targetYear)
    add('targetYear', 'Năm mục tiêu phải sau năm cơ sở', 'The target year must come after the baseline year');

  if (targetValue !== null && changeKind !== null)
    add(
      'targetValue',
      'Chỉ nhập một trong hai: giá trị mục tiêu hoặc mức thay đổi so với năm cơ sở',
      'Enter either a target value or a change against the baseline, not both',
    );
  else if (targetValue === null && changeKind === null && changeAmount === null)
    add(
      'targetValue',
      'Cần nhập giá trị mục tiêu hoặc mức thay đổi so với năm cơ sở',
      'Enter a target value or a change against the baseline',
    );
  if (targetValue !== null && targetValue < 0)
    add('targetValue', 'Giá trị mục tiêu không được âm', 'The target value cannot be negative');
  if (changeAmount !== null && changeKind === null)
    add('changeKind', 'Cần chọn cách tính mức thay đổi (% hoặc số tuyệt đối)', 'Choose percent or absolute');
  if (changeKind !== null) {
    if (changeAmount === null)
      add('changeAmount', 'Cần nhập mức thay đổi (ví dụ 10 cho +10 %)', 'Enter the change (e.g. 10 for +10 %)');
    else if (changeKind === 'percent' && changeAmount <= -100)
      add('changeAmount', 'Mức giảm phải nhỏ hơn 100 %', 'A decrease must be less than 100 %');
    if (baselineYear === null)
      add(
        'baselineYear',
        'Mức thay đổi tính so với năm cơ sở: cần nhập năm cơ sở',
        'A change is counted from the baseline: enter the baseline year',
      );
  }

  const direction = t.direction ?? null;
  if (direction === null) add('direction', 'Cần chọn xu hướng (tăng, giảm hoặc duy trì)', 'Choose a direction');
  else if (changeAmount !== null) {
    if (direction === 'increase' && changeAmount <= 0)
      add('changeAmount', 'Xu hướng tăng: mức thay đổi phải lớn hơn 0', 'Increase: the change must be above 0');
    if (direction === 'decrease' && changeAmount >= 0)
      add('changeAmount', 'Xu hướng giảm: mức thay đổi phải nhỏ hơn 0', 'Decrease: the change must be below 0');
    if (direction === 'maintain' && changeAmount !== 0)
      add('changeAmount', 'Xu hướng duy trì: mức thay đổi phải bằng 0', 'Maintain: the change must be 0');
  } else if (targetValue !== null && baselineValue !== null) {
    if (direction === 'increase' && targetValue <= baselineValue)
      add(
        'targetValue',
        'Xu hướng tăng: giá trị mục tiêu phải lớn hơn giá trị cơ sở',
        'Increase: the target must be above the baseline',
      );
    if (direction === 'decrease' && targetValue >= baselineValue)
      add(
        'targetValue',
        'Xu hướng giảm: giá trị mục tiêu phải nhỏ hơn giá trị cơ sở',
        'Decrease: the target must be below the baseline',
      );
  }
  if (!t.source || t.source.trim() === '')
    add(
      'source',
      'Cần nhập nguồn của chỉ tiêu (ví dụ "QĐ 1639/QĐ-TTg")',
      'Enter the source of the target (e.g. "QĐ 1639/QĐ-TTg")',
    );
  return issues;
}
