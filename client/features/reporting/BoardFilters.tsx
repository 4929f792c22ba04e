import { Group, Paper, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_KIND_GROUPS } from '../../../shared/contracts/reporting';
import { SearchInput } from '../../components/ListControls';
import { STATUS_FILTERS } from './boardModel';
import type { BoardFilters as Filters } from './useBoardQuery';

/** Search by unit, filter by status and by kind of unit. */
export function BoardFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" mb="sm">
      <Group align="flex-end" gap="md">
        <SearchInput
          label={t('reporting.board.search')}
          value={filters.q}
          onChange={(q) => onChange({ q })}
          style={{ flex: '1 1 240px' }}
        />
        <Select
          label={t('reporting.board.filterStatus')}
          value={filters.status}
          onChange={(value) => onChange({ status: value ?? '' })}
          data={[
            { value: '', label: t('reporting.board.all') },
            ...STATUS_FILTERS.map((status) => ({ value: status, label: t(`reporting.status.${status}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('reporting.board.filterKind')}
          value={filters.kindGroup}
          onChange={(value) => onChange({ kindGroup: value ?? '' })}
          data={[
            { value: '', label: t('reporting.board.all') },
            ...UNIT_KIND_GROUPS.map((group) => ({ value: group, label: t(`reporting.board.kindGroups.${group}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
    </Paper>
  );
}
