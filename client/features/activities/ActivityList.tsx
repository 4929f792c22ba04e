import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ACTIVITY_SORTS, ACTIVITY_STATUSES, type ActivityStatus } from '../../../shared/contracts/activities';
import { ListPagination, PageSummary, SearchInput } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { UnitSelect } from '../../components/UnitSelect';
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
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const { plan } = useCurrentPlanQuery();
  const itemOptions = useMemo(
    () =>
      (plan.data?.items ?? [])
        .filter((i) => i.kind !== 'text')
        .map((i) => ({ value: i.key, label: `${i.key} ${(i.title ?? i.text ?? '').slice(0, 80)}` })),
    [plan.data],
  );
  const statusParam = params.get('trang-thai');
  const status = (ACTIVITY_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as ActivityStatus)
    : undefined;
  const yearParam = Number(params.get('nam'));
  const year = Number.isInteger(yearParam) && yearParam >= 2020 && yearParam <= 2100 ? yearParam : undefined;
  const sortParam = params.get('sap-xep') ?? 'period';
  const sort = ((ACTIVITY_SORTS as readonly string[]).includes(sortParam) ? sortParam : 'period') as SortKey;
  const dir = params.get('chieu') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const orgUnitId = province ? (params.get('unitId') ?? undefined) : undefined;
  const overdue = params.get('qua-han') === '1';
  const planItemKey = params.get('muc') ?? undefined;
  // A plan filter arrives from the dashboards' drill-down (several plans may share item keys).
  const planParam = params.get('ke-hoach');
  const plans = usePlansQuery();
  const filterPlan = planParam ? plans.data?.data.find((p) => p.id === planParam) : undefined;
  const planId = planParam ?? undefined;
  const update = (changes: Record<string, string | null>, resetPage = true) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (resetPage) next.delete('trang');
        return next;
      },
      { replace: true },
    );
  const filters = {
    q: debouncedQ || undefined,
    status,
    year,
    orgUnitId,
    planId,
    planItemKey,
    overdue: overdue ? ('true' as const) : undefined,
    sort,
    dir,
  } as const;
  const list = useActivitiesQuery({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <SearchInput
            label={t('activities.search')}
            value={q}
            onChange={(v) => {
              setQ(v);
              update({ q: v.trim() || null });
            }}
            style={{ flex: '1 1 260px' }}
          />
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
          <NumberInput
            label={t('activities.yearFilter')}
            value={year ?? ''}
            min={2020}
            max={2100}
            thousandSeparator=""
            onChange={(v) => update({ nam: v === '' ? null : String(v) })}
            w={{ base: '100%', xs: 110 }}
          />
          <Checkbox
            label={t('activities.overdueOnly')}
            checked={overdue}
            onChange={(e) => update({ 'qua-han': e.currentTarget.checked ? '1' : null })}
            mb={8}
          />
        </Group>
      </Paper>
      {filterPlan && (
        <Group gap="xs">
          <Text size="sm">{t('activities.planFilter', { number: filterPlan.number })}</Text>
          <Button variant="subtle" size="compact-sm" onClick={() => update({ 'ke-hoach': null })}>
            {t('activities.clearPlanFilter')}
          </Button>
        </Group>
      )}
      <Group>
        <Button
          component="a"
          href={exportUrl(filters)}
          download
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
        >
          {t('activities.export')}
        </Button>
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('activities.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <PageSummary page={data.page} count={data.data.length} text={(r) => t('activities.showing', r)} />
              <ActivitiesTable
                rows={data.data}
                showUnit
                sort={sort}
                dir={dir}
                onSort={(key) => update({ 'sap-xep': key, chieu: sort === key && dir === 'asc' ? 'desc' : null })}
              />
              <ListPagination page={data.page} onChange={(p) => update({ trang: p > 1 ? String(p) : null }, false)} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
