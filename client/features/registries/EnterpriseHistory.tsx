import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseHistoryEntry } from '../../../shared/contracts/registries';
import { formatDateTime } from '../../../shared/format';

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
};

/** Who changed what and when, read from the audit log. */
export function EnterpriseHistory({ history }: { history: EnterpriseHistoryEntry[] }) {
  const { t } = useTranslation();
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
              {t(FIELD_KEYS[field] ?? field)}:{' '}
              {h.action === 'enterprise.update' ? `${show(c.from)} → ${show(c.to)}` : show(c.to)}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}
