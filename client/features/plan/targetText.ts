import type { TFunction } from 'i18next';
import type { TargetDto } from '../../../shared/contracts/targets';
import { formatNumber } from '../../../shared/format';
import { formatChange } from '../../../shared/targets';

/** "1.234 doanh nghiệp" — a figure of a target with its indicator's unit (vi-VN numbers). */
export function figure(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** The baseline: "40 doanh nghiệp (năm 2024)", or "chưa có (năm 2024)" while not entered. */
export function baselineText(target: TargetDto, t: TFunction): string {
  const { year, value } = target.baseline;
  if (value === null) return year ? t('targets.baselineNotEntered', { year }) : t('targets.notEntered');
  const shown = figure(value, target.indicatorUnit);
  return year ? t('targets.baselineOf', { value: shown, year }) : shown;
}

/** The target as set: "+10 % so với năm 2024 đến năm 2030", or "50 doanh nghiệp đến năm 2030". */
export function targetText(target: TargetDto, t: TFunction): string {
  const { change, value, year } = target.target;
  const what = change
    ? t('targets.againstBaseline', {
        change: formatChange(change.kind, change.amount, target.indicatorUnit),
        year: target.baseline.year ?? '',
      })
    : figure(value ?? 0, target.indicatorUnit);
  return t('targets.byYear', { what, year });
}

/** The target value, computed from the baseline when the target is a change; "chưa có" while unknown. */
export function targetValueText(target: TargetDto, t: TFunction): string {
  return target.targetValue === null ? t('targets.notEntered') : figure(target.targetValue, target.indicatorUnit);
}
