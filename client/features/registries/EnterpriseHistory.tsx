import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseHistoryEntry } from '../../../shared/contracts/registries';
import { formatDateTime } from '../../../shared/format';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.length === 0
      ? '—'
      : value.map((v) => (typeof v === 'object' && v && 'name' in v ? String(v.name) : String(v))).join(', ');
  if (typeof value === 'object') return Object.values(value).map(String).join(' · ');
  return String(value);
}

const FIELD_KEYS: Record<string, string> = {
  taxCode: 'registries.field.taxCode',
  name: 'registries.field.name',
  communeId: 'registries.field.commune',
  sector: 'registries.field.sector',
  industrialYears: 'registries.col.years',
  products: 'registries.field.products',
  observation: 'registries.observations',
};

/** Who changed what and when, read from the audit log. */
export function EnterpriseHistory({ history }: { history: EnterpriseHistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Alert>{t('registries.noHistory')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="enterprise-history">
        <Table.Tbody>
          {[...history].reverse().map((h, i) => (
            <Table.Tr key={`${h.at}-${i}`}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Text size="sm">{formatDateTime(h.at)}</Text>
                <Text size="xs" c="dimmed">
                  {h.actor ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>
                  {t(`registries.action.${h.action}`, { defaultValue: h.action })}
                </Text>
                {Object.entries(h.changes).map(([field, c]) => (
                  <Text size="xs" key={field}>
                    {t(FIELD_KEYS[field] ?? field)}:{' '}
                    {h.action === 'enterprise.update' ? `${show(c.from)} → ${show(c.to)}` : show(c.to)}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
