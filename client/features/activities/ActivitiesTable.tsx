import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../../shared/contracts/activities';
import { formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { ListTable, SortableTh } from '../../components/ListControls';
import { STATUS_COLORS, useActivityLabels } from './labels';

export type SortKey = 'period' | 'title' | 'unit' | 'status' | 'planItem' | 'budget';

/** Activities in a table; an overdue one carries a red "Quá hạn" badge. */
export function ActivitiesTable({
  rows,
  showUnit,
  sort,
  dir,
  onSort,
}: {
  rows: ActivitySummary[];
  showUnit: boolean;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const th = (key: SortKey, label: string) => (
    <SortableTh label={label} direction={sort === key ? dir : undefined} onSort={() => onSort(key)} />
  );
  return (
    <ListTable minWidth={showUnit ? 1000 : 820} data-testid="activity-table">
      <Table.Thead>
        <Table.Tr>
          {th('title', t('activities.col.title'))}
          {th('planItem', t('activities.col.planItems'))}
          {showUnit && th('unit', t('activities.col.unit'))}
          {th('period', t('activities.col.period'))}
          {th('budget', t('activities.col.budget'))}
          {th('status', t('activities.col.status'))}
          <Table.Th>{t('activities.col.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={routes.activity(a.id)} fw={600} size="sm">
                {a.title}
              </Anchor>
              {a.overdue && (
                <Badge color="red.9" variant="filled" size="sm" ml={6} data-testid="overdue-badge">
                  {t('activities.overdue')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{a.planItemKeys.join(', ')}</Text>
            </Table.Td>
            {showUnit && (
              <Table.Td>
                <Text size="sm">{a.unit.name}</Text>
              </Table.Td>
            )}
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{labels.period(a.period)}</Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>
              <Text size="sm">{a.budget === null ? '—' : formatNumber(a.budget)}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLORS[a.status]}>
                {labels.status(a.status)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{a.noteCount}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}
