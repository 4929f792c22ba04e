import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WASTE_STREAMS } from '../../../shared/domain';
import { ENTERPRISE_LIMITS, type EnterpriseProduct } from '../../../shared/contracts/registries';
import { ApiError } from '../../api/client';
import { CommuneSelect } from './CommuneSelect';
import { PlanItemsSelect } from './PlanItemsSelect';

/** The editable fields of an enterprise record. */
export interface EnterpriseFormValues {
  name: string;
  communeId: string | null;
  sector: string;
  industrialYears: number[];
  products: EnterpriseProduct[];
  planItemIds: string[];
}

interface Props {
  initial: EnterpriseFormValues;
  communeName?: string | null;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: EnterpriseFormValues) => void;
  onCancel?: () => void;
}

/** Name, address, sector, industrial-scale years and products; server errors shown on their field. */
export function EnterpriseForm({ initial, communeName, submitLabel, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof EnterpriseFormValues>(key: K, value: EnterpriseFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const setProduct = (i: number, p: Partial<EnterpriseProduct>) =>
    set(
      'products',
      values.products.map((x, j) => (j === i ? { ...x, ...p } : x)),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ ...values, products: values.products.filter((p) => p.name.trim() !== '') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('registries.field.name')}
          required
          maxLength={ENTERPRISE_LIMITS.name}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldError('name')}
        />
        <CommuneSelect
          label={t('registries.field.commune')}
          value={values.communeId}
          initialName={communeName}
          onChange={(id) => set('communeId', id)}
          error={fieldError('communeId')}
        />
        <TextInput
          label={t('registries.field.sector')}
          maxLength={ENTERPRISE_LIMITS.sector}
          value={values.sector}
          onChange={(e) => set('sector', e.currentTarget.value)}
          error={fieldError('sector')}
        />
        <TagsInput
          label={t('registries.field.years')}
          description={t('registries.field.yearsHint')}
          value={values.industrialYears.map(String)}
          onChange={(tags) =>
            set(
              'industrialYears',
              [...new Set(tags.map(Number).filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100))].sort(
                (a, b) => a - b,
              ),
            )
          }
          error={fieldError('industrialYears')}
        />
        <PlanItemsSelect
          label={t('registries.planItems')}
          value={values.planItemIds}
          onChange={(ids) => set('planItemIds', ids)}
          error={fieldError('planItemIds')}
        />
        <Text size="sm" fw={500}>
          {t('registries.field.products')}
        </Text>
        {values.products.map((p, i) => (
          <Paper withBorder p="xs" key={i}>
            <Group align="flex-end" wrap="wrap" gap="xs">
              <TextInput
                label={t('registries.field.productName')}
                value={p.name}
                maxLength={ENTERPRISE_LIMITS.name}
                onChange={(e) => setProduct(i, { name: e.currentTarget.value })}
                style={{ flex: '1 1 220px' }}
              />
              <MultiSelect
                label={t('registries.field.streams')}
                data={WASTE_STREAMS.map((s) => ({ value: s, label: t(`registries.stream.${s}`) }))}
                value={p.wasteStreams}
                onChange={(v) => setProduct(i, { wasteStreams: v })}
                style={{ flex: '1 1 260px' }}
                comboboxProps={{ withinPortal: true }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('registries.field.removeProduct', { n: i + 1 })}
                onClick={() =>
                  set(
                    'products',
                    values.products.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => set('products', [...values.products, { name: '', wasteStreams: [] }])}
          >
            {t('registries.field.addProduct')}
          </Button>
        </Group>
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
              {t('registries.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
