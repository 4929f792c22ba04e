import { Anchor, Button, Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompletenessUnitDto, CycleDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { DataTable, nextSort, type Column } from '../../components/DataTable';
import type { SortDirection } from '../../components/ListControls';
import type { BoardSortKey } from './boardModel';
import { RemindButton } from './RemindButton';
import { StatusBadge } from './ui';

interface BoardTableProps {
  cycle: CycleDto;
  units: CompletenessUnitDto[];
  sort: { key: BoardSortKey; dir: SortDirection };
  onSort: (sort: { key: BoardSortKey; dir: SortDirection }) => void;
  /** Present for reviewers: the ticked reports and how to tick one. */
  selection?: { selected: Map<string, CompletenessUnitDto>; toggle: (row: CompletenessUnitDto, isOn: boolean) => void };
  onExtend: (row: CompletenessUnitDto) => void;
}

/** The expected units of the cycle: status, submission, days late, deadline, last reminder, and the row actions. */
export function BoardTable({ cycle, units, sort, onSort, selection, onExtend }: BoardTableProps) {
  const { t } = useTranslation();
  const selectable = units.filter((row) => row.status === 'submitted' && row.reportId);
  const isAllOn =
    Boolean(selection) && selectable.length > 0 && selectable.every((row) => selection!.selected.has(row.reportId!));
  const dash = (value: string | null) => <Text size="sm">{value ? formatDateTime(value) : '—'}</Text>;

  const columns: Array<Column<CompletenessUnitDto>> = [
    {
      key: 'select',
      hidden: !selection,
      width: 40,
      header: (
        <Checkbox
          aria-label={t('reporting.board.selectAll')}
          checked={isAllOn}
          disabled={selectable.length === 0}
          onChange={(event) => {
            const isOn = event.currentTarget.checked;
            selectable.forEach((row) => selection?.toggle(row, isOn));
          }}
        />
      ),
      renderCell: (row) =>
        row.status === 'submitted' &&
        row.reportId && (
          <Checkbox
            aria-label={t('reporting.board.select', { unit: row.unit.fullName })}
            checked={selection?.selected.has(row.reportId)}
            onChange={(event) => selection?.toggle(row, event.currentTarget.checked)}
          />
        ),
    },
    {
      key: 'name',
      sortKey: 'name',
      header: t('reporting.board.unit'),
      renderCell: (row) =>
        row.reportId ? (
          <Anchor component={Link} to={routes.report(row.reportId)} fw={500} size="sm">
            {row.unit.fullName}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {row.unit.fullName}
          </Text>
        ),
    },
    {
      key: 'kind',
      sortKey: 'kind',
      header: t('reporting.board.kindGroup'),
      renderCell: (row) => <Text size="sm">{t(`reporting.board.kindGroups.${row.unit.kindGroup}`)}</Text>,
    },
    {
      key: 'status',
      sortKey: 'status',
      header: t('reporting.board.status'),
      minWidth: 150,
      renderCell: (row) => (
        <Group gap={4} wrap="nowrap">
          <StatusBadge status={row.status} />
          {row.isLate && <StatusBadge status="late" variant="outline" />}
        </Group>
      ),
    },
    {
      key: 'submittedAt',
      sortKey: 'submittedAt',
      header: t('reporting.board.submittedAt'),
      renderCell: (row) => dash(row.submittedAt),
    },
    {
      key: 'daysLate',
      sortKey: 'daysLate',
      header: t('reporting.board.daysLate'),
      numeric: true,
      renderCell: (row) => (
        <Text size="sm" c={row.daysLate > 0 ? 'red.9' : undefined} fw={row.daysLate > 0 ? 600 : undefined}>
          {row.daysLate > 0 ? formatNumber(row.daysLate) : '—'}
        </Text>
      ),
    },
    {
      key: 'deadline',
      header: t('reporting.board.deadline'),
      renderCell: (row) => (
        <Text size="sm">
          {formatDate(row.deadline)}
          {row.hasExtension && ` (${t('reporting.board.extended')})`}
        </Text>
      ),
    },
    { key: 'reminded', header: t('reporting.board.reminded'), renderCell: (row) => dash(row.lastRemindedAt) },
    {
      key: 'actions',
      hidden: !cycle.abilities.canExtend && !cycle.abilities.canRemind,
      header: t('reporting.board.actions'),
      minWidth: 170,
      renderCell: (row) => (
        <Group gap={4} wrap="nowrap">
          {cycle.abilities.canRemind && !row.firstSubmittedAt && <RemindButton cycleId={cycle.id} unit={row.unit} />}
          {cycle.abilities.canExtend && row.status !== 'accepted' && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onExtend(row)}
              aria-label={t('reporting.board.extendLabel', { unit: row.unit.fullName })}
            >
              {t('reporting.board.extend')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <DataTable
      striped
      highlightOnHover
      verticalSpacing="xs"
      data-testid="board-units"
      minWidth={1100}
      rows={units}
      rowKey={(row) => row.unit.id}
      rowProps={(row) => ({ 'data-unit': row.unit.code })}
      columns={columns}
      sort={sort}
      onSort={(key) => onSort(nextSort(sort, key as BoardSortKey))}
    />
  );
}
