import { Alert, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValue, RecordData, RegistryKind } from '../../../shared/registry-kinds';
import { ApiError } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect';
import { useCurrentPlanQuery } from '../plan/api';
import { PlanItemsSelect } from './PlanItemsSelect';
import { FieldInput, useLang } from './RecordFields';

export interface RecordFormValues {
  data: RecordData;
  planItemKeys: string[];
  unitId?: string;
}

interface Props {
  def: RegistryKind;
  initial: RecordFormValues;
  refs: Record<string, string>;
  /** The focal department names the reporting unit of a new record. */
  chooseUnit?: boolean;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: RecordFormValues) => void;
  onCancel?: () => void;
}

/** A record's form, field by field from the kind's definition; the server's refusals shown on their field. */
export function RecordForm({
  def,
  initial,
  refs,
  chooseUnit,
  submitLabel,
  submitting,
  error,
  onSubmit,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [values, setValues] = useState(initial);
  const { plan } = useCurrentPlanQuery();
  const items = plan.data?.items ?? [];
  const idOf = new Map(items.map((i) => [i.key, i.id]));
  const keyOf = new Map(items.map((i) => [i.id, i.key]));
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const set = (key: string, value: FieldValue) => setValues((v) => ({ ...v, data: { ...v.data, [key]: value } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  const general = error instanceof Error ? error.message : null;
  return (
    <form onSubmit={submit} noValidate aria-label={def.title[lang]}>
      <Stack gap="sm">
        {chooseUnit && (
          <UnitSelect
            label={t('registries.rec.unitForFocal')}
            value={values.unitId ?? null}
            onChange={(id) => setValues((v) => ({ ...v, unitId: id ?? undefined }))}
            error={fieldError('unitId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {def.fields.map((field) => (
            <div
              key={field.key}
              style={
                field.type === 'text' && (field.multiline || (field.max ?? 300) > 300)
                  ? { gridColumn: '1 / -1' }
                  : undefined
              }
            >
              <FieldInput
                field={field}
                value={values.data[field.key]}
                refs={refs}
                onChange={(v) => set(field.key, v)}
                error={fieldError(`data.${field.key}`)}
              />
            </div>
          ))}
        </SimpleGrid>
        <PlanItemsSelect
          label={t('registries.rec.planItems')}
          value={values.planItemKeys.flatMap((k) => idOf.get(k) ?? [])}
          onChange={(ids) => setValues((v) => ({ ...v, planItemKeys: ids.flatMap((id) => keyOf.get(id) ?? []) }))}
          error={fieldError('planItemKeys')}
        />
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('registries.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
