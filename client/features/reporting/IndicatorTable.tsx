import { SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DerivedValueDto } from '../../../shared/contracts/prefill';
import type { FormIndicatorDto, ReportDto } from '../../../shared/contracts/reporting';
import { unitOfMeasure, WASTE_STREAMS, type WasteStream } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { computeTotals, valuePath } from '../../../shared/reporting-rules';
import { fieldId, fieldKey, valuesOf, type FieldValue, type FieldValues } from './fields';
import { DerivedHint } from './DerivedHint';
import { NumberField } from './NumberField';
import classes from './report.module.css';

function useShow() {
  const { t } = useTranslation();
  return (v: FieldValue | undefined) => {
    if (v === undefined || v === null || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('reporting.report.yes') : t('reporting.report.no');
    if (typeof v === 'number') return formatNumber(v);
    return v;
  };
}

interface Props {
  report: ReportDto;
  fields: FieldValues;
  /** Present when the table is editable. */
  onChange?: (key: string, value: FieldValue) => void;
  /** Error messages by issue path. */
  errors?: Record<string, string>;
  /** Values derived from the unit's records (issue 12), shown beside their fields. */
  derived?: DerivedValueDto[];
}

/** The indicator table: one row per indicator (or per waste stream, with the computed total), last year beside. */
export function IndicatorTable({ report, fields, onChange, errors = {}, derived = [] }: Props) {
  const { t, i18n } = useTranslation();
  const show = useShow();
  const en = i18n.language === 'en';
  const indicators = [...report.form.indicators].sort((a, b) => a.position - b.position);
  const previous = new Map(
    (report.previous?.values ?? []).map((v) => [fieldKey(v.indicatorCode, v.wasteStream), v.value]),
  );
  const prevTotals = new Map(
    computeTotals(indicators, report.previous?.values ?? []).map((x) => [x.indicatorCode, x.total]),
  );
  const totals = new Map(
    computeTotals(indicators, valuesOf(indicators, fields)).map((x) => [x.indicatorCode, x.total]),
  );
  const valueLabel = t('reporting.report.value', { year: report.year });
  const prevLabel = report.previous
    ? t('reporting.report.previous', { year: report.previous.year })
    : t('reporting.report.previousNone');
  const streamName = (s: WasteStream) => t(`reporting.report.streams.${s}`);
  const derivedByKey = new Map(derived.map((d) => [fieldKey(d.indicatorCode, d.wasteStream), d]));

  /** The field, with the value from the unit's records beside it when the indicator has one. */
  const input = (ind: FormIndicatorDto, stream: WasteStream | null) => {
    const field = inputOnly(ind, stream);
    const d = derivedByKey.get(fieldKey(ind.code, stream));
    if (!d) return field;
    const key = fieldKey(ind.code, stream);
    const label = stream ? `${ind.code} — ${streamName(stream)}` : `${ind.code} — ${en ? ind.nameEn : ind.name}`;
    return (
      <>
        {field}
        <DerivedHint
          derived={d}
          label={label}
          current={fields[key]}
          yesNo={ind.valueType === 'boolean'}
          onTake={onChange ? () => onChange(key, ind.valueType === 'boolean' ? d.value === 1 : d.value) : undefined}
        />
      </>
    );
  };

  const inputOnly = (ind: FormIndicatorDto, stream: WasteStream | null) => {
    const key = fieldKey(ind.code, stream);
    const path = valuePath(ind.code, stream);
    const label = stream ? `${ind.code} — ${streamName(stream)}` : `${ind.code} — ${en ? ind.nameEn : ind.name}`;
    const value = fields[key];
    const error = errors[path];
    if (!onChange) {
      return <Text size="sm">{show(value)}</Text>;
    }
    const common = { id: fieldId(path), 'aria-label': label, error, required: ind.isRequired && !stream };
    if (ind.valueType === 'boolean') {
      return (
        <Stack gap={2}>
          <SegmentedControl
            id={common.id}
            aria-label={label}
            value={value === true ? 'true' : value === false ? 'false' : ''}
            onChange={(v) => onChange(key, v === 'true' ? true : v === 'false' ? false : null)}
            data={[
              { value: 'true', label: t('reporting.report.yes') },
              { value: 'false', label: t('reporting.report.no') },
              { value: '', label: t('reporting.report.unset') },
            ]}
            size="sm"
          />
          {error && (
            <Text size="xs" c="red.9" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    if (ind.valueType === 'text') {
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={LIMITS.longText}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(key, e.currentTarget.value)}
        />
      );
    }
    return (
      <NumberField
        id={common.id}
        label={label}
        indicator={ind}
        required={common.required}
        value={value}
        error={error}
        onChange={(v) => onChange(key, v)}
      />
    );
  };

  return (
    <Table className={classes.table} verticalSpacing="xs" withTableBorder data-testid="indicator-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('reporting.report.code')}</Table.Th>
          <Table.Th>{t('reporting.report.indicator')}</Table.Th>
          <Table.Th w={110}>{t('reporting.report.unitOfMeasure')}</Table.Th>
          <Table.Th w={onChange ? 240 : 140}>{valueLabel}</Table.Th>
          <Table.Th w={120}>{prevLabel}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indicators.map((ind) => {
          const name = (
            <>
              {en ? ind.nameEn : ind.name}
              {ind.isRequired && (
                <Text span c="red.9" fw={700} title={t('reporting.report.required')}>
                  {' '}
                  *
                </Text>
              )}
            </>
          );
          if (!ind.byWasteStream) {
            return (
              <Table.Tr key={ind.code} data-indicator={ind.code}>
                <Table.Td data-label={t('reporting.report.code')} fw={600}>
                  {ind.code}
                </Table.Td>
                <Table.Td data-label={t('reporting.report.indicator')}>{name}</Table.Td>
                <Table.Td data-label={t('reporting.report.unitOfMeasure')}>
                  {unitOfMeasure(ind.unit, i18n.language) || '—'}
                </Table.Td>
                <Table.Td data-label={valueLabel} className={classes.valueCell}>
                  {input(ind, null)}
                </Table.Td>
                <Table.Td data-label={prevLabel}>{show(previous.get(fieldKey(ind.code, null)))}</Table.Td>
              </Table.Tr>
            );
          }
          const total = totals.get(ind.code) ?? null;
          return (
            <Fragment key={ind.code}>
              <Table.Tr className={classes.groupRow} data-indicator={ind.code}>
                <Table.Td>{ind.code}</Table.Td>
                <Table.Td colSpan={4}>
                  {name} ({unitOfMeasure(ind.unit, i18n.language)})
                </Table.Td>
              </Table.Tr>
              {WASTE_STREAMS.map((s) => (
                <Table.Tr key={s} data-indicator={`${ind.code}.${s}`}>
                  <Table.Td className={classes.emptyCell} />
                  <Table.Td data-label={t('reporting.report.indicator')} className={classes.streamName}>
                    {streamName(s)}
                  </Table.Td>
                  <Table.Td data-label={t('reporting.report.unitOfMeasure')}>
                    {unitOfMeasure(ind.unit, i18n.language)}
                  </Table.Td>
                  <Table.Td data-label={valueLabel} className={classes.valueCell}>
                    {input(ind, s)}
                  </Table.Td>
                  <Table.Td data-label={prevLabel}>{show(previous.get(fieldKey(ind.code, s)))}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr className={classes.totalRow} data-indicator={`${ind.code}.total`}>
                <Table.Td className={classes.emptyCell} />
                <Table.Td data-label={t('reporting.report.indicator')}>{t('reporting.report.total')}</Table.Td>
                <Table.Td data-label={t('reporting.report.unitOfMeasure')}>
                  {unitOfMeasure(ind.unit, i18n.language)}
                </Table.Td>
                <Table.Td data-label={valueLabel}>
                  <output
                    aria-label={t('reporting.report.totalOf', { code: ind.code })}
                    data-testid={`total-${ind.code}`}
                  >
                    {total === null ? '—' : formatNumber(total)}
                  </output>
                </Table.Td>
                <Table.Td data-label={prevLabel}>{show(prevTotals.get(ind.code) ?? null)}</Table.Td>
              </Table.Tr>
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
