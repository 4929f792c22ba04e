import { Alert, Anchor, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLAN_STATUSES, type PlanStatus, type PlansQuery } from '../../../shared/contracts/plans';
import { formatDate } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { FilterBar, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useListParams } from '../../hooks/useListParams';
import { usePlanSearchQuery } from './api';
import { LineageLinks, PlanStatusBadge } from './PlanRecord';

type Sort = PlansQuery['sort'];
const SORTS: readonly Sort[] = ['date', 'number', 'title', 'status'];

/**
 * The plans list (/ke-hoach/danh-sach): every plan in force, replaced or ended, searched without
 * diacritics and sorted on the server; each row links to its plan page. Plans are few: no pages.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const list = useListParams<Sort>({ sorts: SORTS, defaultSort: 'date' });
  const { sort, dir, update } = list;
  const status = list.oneOf<PlanStatus>('trang-thai', PLAN_STATUSES);
  const plans = usePlanSearchQuery({ q: list.q, status, sort, dir });
  const header = (key: Sort, label: string) => <SortableTh label={label} {...list.sortProps(key)} />;
  return (
    <Stack gap="lg" maw={1300}>
      <div>
        <Title order={1} size="h2">
          {t('plan.plans.title')}
        </Title>
        <Text mt={4} maw={820}>
          {t('plan.plans.intro')}
        </Text>
      </div>
      <FilterBar role="search" aria-label={t('plan.plans.search')}>
        <SearchInput
          label={t('plan.plans.search')}
          placeholder={t('plan.plans.searchPlaceholder')}
          {...list.search}
          style={{ flex: '1 1 300px' }}
        />
        <Select
          label={t('plan.plans.status')}
          value={status ?? 'all'}
          onChange={(v) => update({ 'trang-thai': v && v !== 'all' ? v : null })}
          data={[
            { value: 'all', label: t('plan.plans.allStatuses') },
            ...PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
      </FilterBar>
      <QueryState query={plans}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('plan.plans.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <Text size="sm" aria-live="polite">
                {t('plan.plans.count', { count: data.data.length })}
              </Text>
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {header('number', t('plan.number'))}
                      {header('title', t('plan.plans.title_col'))}
                      {header('date', t('plan.date'))}
                      <Table.Th>{t('plan.plans.focal')}</Table.Th>
                      {header('status', t('plan.plans.status'))}
                      <Table.Th>{t('plan.plans.lineage')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.data.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component={Link} to={routes.plan(p.id)} fw={600}>
                            {p.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.title}</Text>
                          <Text size="xs" c="dimmed">
                            {p.issuedBy}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDate(p.date)}</Table.Td>
                        <Table.Td>{p.focalUnit.name}</Table.Td>
                        <Table.Td miw={150}>
                          <PlanStatusBadge status={p.status} />
                        </Table.Td>
                        <Table.Td>
                          <LineageLinks plan={p} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
