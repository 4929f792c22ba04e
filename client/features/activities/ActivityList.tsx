import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_SORTS, ACTIVITY_STATUSES, type ActivityStatus } from '../../../shared/contracts/activities';
import { ExportButton, FilterBar, ListResults, SearchInput, YearFilter } from '../../components/ListControls';
import { UnitSelect } from '../../components/UnitSelect';
import { useListParams } from '../../hooks/useListParams';
import { useCurrentPlanQuery, usePlansQuery } from '../plan/api';
import { ActivitiesTable, type SortKey } from './ActivitiesTable';
import { exportUrl, useActivitiesQuery } from './api';
import { useActivityLabels } from './labels';

const PAGE_SIZE = 25;

/**
 * The activity list with its filters in the address (so a filtered list can be shared): search
 * without diacritics, plan item, status, year, overdue; the province view adds the unit filter.
 */
export function ActivityList({ province }: { province: boolean }) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const list = useListParams<SortKey>({ sorts: ACTIVITY_SORTS as readonly SortKey[], defaultSort: 'period' });
  const { sort, dir, update } = list;
  const { plan } = useCurrentPlanQuery();
  const itemOptions = useMemo(
    () =>
      (plan.data?.items ?? [])
        .filter((i) => i.kind !== 'text')
        .map((i) => ({ value: i.key, label: `${i.key} ${(i.title ?? i.text ?? '').slice(0, 80)}` })),
    [plan.data],
  );
  const status = list.oneOf<ActivityStatus>('trang-thai', ACTIVITY_STATUSES);
  const year = list.int('nam', 2020, 2100);
  const orgUnitId = province ? list.text('unitId') : undefined;
  const overdue = list.text('qua-han') === '1';
  const planItemKey = list.text('muc');
  // A plan filter arrives from the dashboards' drill-down (several plans may share item keys).
  const planId = list.text('ke-hoach');
  const plans = usePlansQuery();
  const filterPlan = planId ? plans.data?.data.find((p) => p.id === planId) : undefined;
  const filters = {
    q: list.q,
    status,
    year,
    orgUnitId,
    planItemKey,
    planId,
    overdue: overdue ? ('true' as const) : undefined,
    sort,
    dir,
  } as const;
  const rows = useActivitiesQuery({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  return (
    <Stack gap="sm">
      <FilterBar>
        <SearchInput label={t('activities.search')} {...list.search} style={{ flex: '1 1 260px' }} />
        {province && (
          <div style={{ flex: '1 1 240px' }}>
            <UnitSelect
              label={t('activities.unitFilter')}
              value={orgUnitId ?? null}
              onChange={(id) => update({ unitId: id })}
            />
          </div>
        )}
        <Select
          label={t('activities.planItemFilter')}
          data={itemOptions}
          value={planItemKey ?? null}
          clearable
          searchable
          onChange={(k) => update({ muc: k })}
          style={{ flex: '1 1 200px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('activities.statusFilter')}
          data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          value={status ?? null}
          clearable
          placeholder={t('activities.all')}
          onChange={(s) => update({ 'trang-thai': s })}
          w={{ base: '100%', xs: 180 }}
        />
        <YearFilter
          label={t('activities.yearFilter')}
          value={year}
          min={2020}
          thousandSeparator=""
          onChange={(y) => update({ nam: y })}
          w={{ base: '100%', xs: 110 }}
        />
        <Checkbox
          label={t('activities.overdueOnly')}
          checked={overdue}
          onChange={(e) => update({ 'qua-han': e.currentTarget.checked ? '1' : null })}
          mb={8}
        />
      </FilterBar>
      {filterPlan && (
        <Group gap="xs">
          <Text size="sm">{t('activities.planFilter', { number: filterPlan.number })}</Text>
          <Button variant="subtle" size="compact-sm" onClick={() => update({ 'ke-hoach': null })}>
            {t('activities.clearPlanFilter')}
          </Button>
        </Group>
      )}
      <Group>
        <ExportButton href={exportUrl(filters)}>{t('activities.export')}</ExportButton>
      </Group>
      <ListResults
        query={rows}
        empty={t('activities.none')}
        showing={(r) => t('activities.showing', r)}
        onPage={list.setPage}
      >
        {(data) => <ActivitiesTable rows={data.data} showUnit sort={sort} dir={dir} onSort={list.toggleSort} />}
      </ListResults>
    </Stack>
  );
}
