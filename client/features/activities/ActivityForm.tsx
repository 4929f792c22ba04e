import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_LIMITS,
  ACTIVITY_STATUSES,
  BUDGET_SOURCES,
  STATUSES_WITH_REASON,
  type ActivityStatus,
  type BudgetSource,
  type PeriodKind,
} from '../../../shared/contracts/activities';
import { ApiError } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect';
import { PlanItemsSelect } from '../registries/PlanItemsSelect';
import { BudgetInput } from './BudgetInput';
import { useActivityLabels } from './labels';

export interface ActivityFormValues {
  title: string;
  planItemKeys: string[];
  coordinatingUnits: Array<{ id: string; name: string }>;
  period: { kind: PeriodKind; year: number; number: number | null };
  budget: number | null;
  budgetSource: BudgetSource | null;
  expectedOutput: string;
  status: ActivityStatus;
  statusReason: string | null;
}

interface Props {
  initial: ActivityFormValues;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: ActivityFormValues) => void;
  onCancel?: () => void;
}

/** The fields of an activity; the server's refusals are shown on their field. */
export function ActivityForm({ initial, submitLabel, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const [values, setValues] = useState(initial);
  const [budgetBad, setBudgetBad] = useState(false);
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const needsReason = STATUSES_WITH_REASON.includes(values.status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (budgetBad) return;
    onSubmit(values);
  };
  const numbers =
    values.period.kind === 'quarter'
      ? [1, 2, 3, 4]
      : values.period.kind === 'month'
        ? [...Array(12).keys()].map((i) => i + 1)
        : [];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('activities.field.title')}
          required
          maxLength={ACTIVITY_LIMITS.title}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={fieldError('title')}
        />
        <PlanItemsSelect
          by="key"
          required
          label={t('activities.field.planItems')}
          value={values.planItemKeys}
          onChange={(keys) => set('planItemKeys', keys)}
          error={fieldError('planItemKeys')}
        />
        <Stack gap={4}>
          <UnitSelect
            label={t('activities.field.coordinating')}
            description={t('activities.field.addCoordinating')}
            value={null}
            exclude={new Set(values.coordinatingUnits.map((u) => u.id))}
            onChange={(id, unit) => {
              if (id && unit) set('coordinatingUnits', [...values.coordinatingUnits, { id, name: unit.fullName }]);
            }}
            error={fieldError('coordinatingUnitIds')}
          />
          {values.coordinatingUnits.map((u) => (
            <Group key={u.id} gap="xs" wrap="nowrap">
              <Text size="sm">{u.name}</Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('activities.field.removeCoordinating', { name: u.name })}
                onClick={() =>
                  set(
                    'coordinatingUnits',
                    values.coordinatingUnits.filter((x) => x.id !== u.id),
                  )
                }
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('activities.field.periodKind')}
            data={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`activities.kind.${k}`) }))}
            value={values.period.kind}
            allowDeselect={false}
            onChange={(k) =>
              set('period', { ...values.period, kind: k as PeriodKind, number: k === 'year' ? null : 1 })
            }
            w={160}
          />
          <NumberInput
            label={t('activities.field.year')}
            value={values.period.year}
            min={ACTIVITY_LIMITS.firstYear}
            max={ACTIVITY_LIMITS.lastYear}
            thousandSeparator=""
            onChange={(v) => set('period', { ...values.period, year: Number(v) || values.period.year })}
            w={120}
            error={fieldError('period.year')}
          />
          {numbers.length > 0 && (
            <Select
              label={t(values.period.kind === 'quarter' ? 'activities.field.quarter' : 'activities.field.month')}
              data={numbers.map((n) => ({ value: String(n), label: String(n) }))}
              value={values.period.number ? String(values.period.number) : null}
              allowDeselect={false}
              onChange={(n) => set('period', { ...values.period, number: Number(n) })}
              w={110}
              error={fieldError('period.number')}
            />
          )}
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 220px' }}>
            <BudgetInput
              label={t('activities.field.budget')}
              value={values.budget}
              onChange={(v) => {
                setBudgetBad(v === undefined);
                if (v !== undefined) set('budget', v);
              }}
              error={fieldError('budget')}
            />
          </div>
          <Select
            label={t('activities.field.budgetSource')}
            data={BUDGET_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
            value={values.budgetSource}
            clearable
            onChange={(s) => set('budgetSource', s)}
            error={fieldError('budgetSource')}
            style={{ flex: '1 1 220px' }}
          />
        </Group>
        <Textarea
          label={t('activities.field.expectedOutput')}
          autosize
          minRows={2}
          maxLength={ACTIVITY_LIMITS.output}
          value={values.expectedOutput}
          onChange={(e) => set('expectedOutput', e.currentTarget.value)}
          error={fieldError('expectedOutput')}
        />
        <Select
          label={t('activities.field.status')}
          data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          value={values.status}
          allowDeselect={false}
          onChange={(s) => set('status', s as ActivityStatus)}
          error={fieldError('status')}
          maw={300}
        />
        {needsReason && (
          <Textarea
            label={t('activities.field.statusReason')}
            required
            autosize
            minRows={2}
            maxLength={ACTIVITY_LIMITS.reason}
            value={values.statusReason ?? ''}
            onChange={(e) => set('statusReason', e.currentTarget.value)}
            error={fieldError('statusReason')}
          />
        )}
        {error instanceof Error && !(error instanceof ApiError && error.issues.length) && (
          <Text c="red" size="sm" role="alert">
            {error.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('activities.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The request body of the form's values. */
export function toRequest(v: ActivityFormValues) {
  return {
    title: v.title,
    planItemKeys: v.planItemKeys,
    coordinatingUnitIds: v.coordinatingUnits.map((u) => u.id),
    period: v.period,
    budget: v.budget,
    budgetSource: v.budgetSource,
    expectedOutput: v.expectedOutput,
    status: v.status,
    statusReason: STATUSES_WITH_REASON.includes(v.status) ? (v.statusReason ?? '') || null : null,
  };
}
