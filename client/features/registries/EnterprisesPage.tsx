import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTERPRISE_SORTS, type EnterpriseSort } from '../../../shared/contracts/registries';
import { formatDate } from '../../../shared/format';
import {
  ExportButton,
  FilterBar,
  ListHeading,
  ListResults,
  ListTable,
  SearchInput,
  SortableTh,
  YearFilter,
} from '../../components/ListControls';
import { useListParams } from '../../hooks/useListParams';
import { useMeQuery } from '../auth/useAuth';
import { exportUrl, useEnterprisesQuery, useImportMutation } from './api';
import { CommuneSelect } from './CommuneSelect';
import { ImportButton } from './ImportButton';

const PAGE_SIZE = 25;

/**
 * The province-wide enterprise registry (/doanh-nghiep): search without diacritics, filters by
 * xã/phường and industrial-scale year, sorting and pages on the server; Excel export and import.
 */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const canAdd = me.data?.user.role === 'unit' || me.data?.user.role === 'focal';
  const list = useListParams<EnterpriseSort>({ sorts: ENTERPRISE_SORTS, defaultSort: 'name' });
  const { sort, dir, update } = list;
  const communeId = list.text('xa');
  const industrialYear = list.int('nam', 2000, 2100);
  // The records behind a unit's derived DN-01 (a link from the report form).
  const reportedBy = list.text('don-vi');
  const filters = { q: list.q, communeId, industrialYear, reportedBy, sort, dir } as const;
  const rows = useEnterprisesQuery({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const importRun = useImportMutation();
  const header = (key: EnterpriseSort, label: string) => <SortableTh label={label} {...list.sortProps(key)} />;
  return (
    <Stack gap="lg" maw={1300}>
      <ListHeading
        title={t('registries.title')}
        intro={t('registries.intro')}
        action={
          canAdd && (
            <Button component={Link} to="/doanh-nghiep/moi" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('registries.add')}
            </Button>
          )
        }
      />
      <FilterBar>
        <SearchInput label={t('registries.search')} {...list.search} style={{ flex: '1 1 260px' }} />
        <div style={{ flex: '1 1 240px' }}>
          <CommuneSelect
            label={t('registries.commune')}
            value={communeId ?? null}
            onChange={(id) => update({ xa: id })}
          />
        </div>
        <YearFilter
          label={t('registries.industrialYear')}
          value={industrialYear}
          onChange={(year) => update({ nam: year })}
          w={{ base: '100%', xs: 230 }}
        />
        {reportedBy && (
          <Button variant="light" onClick={() => update({ 'don-vi': null })} data-testid="reported-by-filter">
            {t('registries.reportedBy')} ×
          </Button>
        )}
      </FilterBar>
      <Group gap="sm" align="flex-start">
        <ExportButton href={exportUrl(filters)}>{t('registries.export')}</ExportButton>
        {canAdd && <ImportButton run={importRun} />}
      </Group>
      <ListResults
        query={rows}
        empty={t('registries.none')}
        showing={(r) => t('registries.showing', r)}
        onPage={list.setPage}
      >
        {(data) => (
          <ListTable data-testid="enterprise-table">
            <Table.Thead>
              <Table.Tr>
                {header('taxCode', t('registries.col.taxCode'))}
                {header('name', t('registries.col.name'))}
                {header('commune', t('registries.col.commune'))}
                <Table.Th>{t('registries.col.years')}</Table.Th>
                <Table.Th>{t('registries.col.unit')}</Table.Th>
                <Table.Th>{t('registries.col.observations')}</Table.Th>
                {header('updatedAt', t('registries.col.updatedAt'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {e.taxCode}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/doanh-nghiep/${e.id}`} fw={600} size="sm">
                      {e.name}
                    </Anchor>
                    {e.sector && (
                      <Text size="xs" c="dimmed">
                        {e.sector}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.commune?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.industrialYears.join(', ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.reportingUnit?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.observationCount}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDate(e.updatedAt.slice(0, 10))}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </ListResults>
    </Stack>
  );
}
