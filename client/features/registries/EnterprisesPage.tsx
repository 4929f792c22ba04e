import { Alert, Anchor, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ENTERPRISE_SORTS, type EnterpriseSort } from '../../../shared/contracts/registries';
import { formatDate } from '../../../shared/format';
import { ListPagination, PageSummary, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
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
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const communeId = params.get('xa') ?? undefined;
  const yearParam = Number(params.get('nam'));
  const industrialYear = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : undefined;
  const sortParam = params.get('sap-xep') ?? 'name';
  const sort: EnterpriseSort = (ENTERPRISE_SORTS as readonly string[]).includes(sortParam)
    ? (sortParam as EnterpriseSort)
    : 'name';
  const dir = params.get('chieu') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('trang')) || 1);
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
  const filters = { q: debouncedQ || undefined, communeId, industrialYear, sort, dir } as const;
  const list = useEnterprisesQuery({ ...filters, page, pageSize: PAGE_SIZE });
  const importRun = useImportMutation();
  const header = (key: EnterpriseSort, label: string) => (
    <SortableTh
      label={label}
      direction={sort === key ? dir : undefined}
      onSort={() => update({ 'sap-xep': key, chieu: sort === key && dir === 'asc' ? 'desc' : null })}
    />
  );
  return (
    <Stack gap="lg" maw={1300}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('registries.title')}
          </Title>
          <Text mt={4} maw={820}>
            {t('registries.intro')}
          </Text>
        </div>
        {canAdd && (
          <Button component={Link} to="/doanh-nghiep/moi" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('registries.add')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md">
          <SearchInput
            label={t('registries.search')}
            value={q}
            onChange={(v) => {
              setQ(v);
              update({ q: v.trim() || null });
            }}
            style={{ flex: '1 1 260px' }}
          />
          <div style={{ flex: '1 1 240px' }}>
            <CommuneSelect
              label={t('registries.commune')}
              value={communeId ?? null}
              onChange={(id) => update({ xa: id })}
            />
          </div>
          <NumberInput
            label={t('registries.industrialYear')}
            value={industrialYear ?? ''}
            min={2000}
            max={2100}
            onChange={(v) => update({ nam: v === '' ? null : String(v) })}
            w={{ base: '100%', xs: 230 }}
          />
        </Group>
      </Paper>
      <Group gap="sm" align="flex-start">
        <Button
          component="a"
          href={exportUrl(filters)}
          download
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
        >
          {t('registries.export')}
        </Button>
        {canAdd && <ImportButton run={importRun} />}
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('registries.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <PageSummary page={data.page} count={data.data.length} text={(r) => t('registries.showing', r)} />
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="xs" data-testid="enterprise-table">
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
                </Table>
              </Table.ScrollContainer>
              <ListPagination page={data.page} onChange={(p) => update({ trang: p > 1 ? String(p) : null }, false)} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
