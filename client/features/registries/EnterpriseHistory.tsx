import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseHistoryEntry } from '../../../shared/contracts/registries';
import { formatDateTime } from '../../../shared/format';
import { useCurrentPlanQuery } from '../plan/api';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.length === 0
      ? '—'
      : value.map((v) => (typeof v === 'object' && v && 'name' in v ? String(v.name) : String(v))).join(', ');
  if (typeof value === 'object') return Object.values(value).map(show).join(' · ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '—';
}

const FIELD_KEYS: Record<string, string> = {
  taxCode: 'registries.field.taxCode',
  name: 'registries.field.name',
  communeId: 'registries.field.commune',
  sector: 'registries.field.sector',
  industrialYears: 'registries.col.years',
  products: 'registries.field.products',
  observation: 'registries.observation',
  planItemIds: 'registries.planItems',
  planItemKeys: 'registries.planItems',
  unitId: 'registries.reportingUnit',
  attachments: 'registries.attachments',
};

/**
 * Who changed what and when, read from the audit log. `labelOf` and `showField` name a field and
 * show a value for records whose fields come from a definition (the generic registries).
 */
export function EnterpriseHistory({
  history,
  labelOf,
  showField,
}: {
  history: EnterpriseHistoryEntry[];
  labelOf?: (field: string) => string | undefined;
  showField?: (field: string, value: unknown) => string | undefined;
}) {
  const { t } = useTranslation();
  const { plan } = useCurrentPlanQuery();
  // Plan items are stored by id: show their key ("IV.4") where the current plan has them.
  const keyOf = new Map((plan.data?.items ?? []).map((i) => [i.id, i.key]));
  const shown = (field: string, value: unknown) =>
    field === 'planItemIds' && Array.isArray(value)
      ? show(value.map((id) => keyOf.get(String(id)) ?? String(id)))
      : (showField?.(field, value) ?? show(value));
  if (history.length === 0) return <Alert>{t('registries.noHistory')}</Alert>;
  return (
    <Stack gap="xs" data-testid="enterprise-history">
      {[...history].reverse().map((h, i) => (
        <Paper withBorder p="xs" key={`${h.at}-${i}`}>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" fw={600}>
              {t(`registries.action.${h.action}`, { defaultValue: h.action })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at)} · {h.actor ?? '—'}
            </Text>
          </Group>
          {Object.entries(h.changes).map(([field, c]) => (
            <Text size="xs" key={field} style={{ overflowWrap: 'anywhere' }}>
              {labelOf?.(field) ?? t(FIELD_KEYS[field] ?? field)}:{' '}
              {h.action.endsWith('.update') || h.action.endsWith('.delete')
                ? `${shown(field, c.from)} → ${shown(field, c.to)}`
                : shown(field, c.to)}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}
