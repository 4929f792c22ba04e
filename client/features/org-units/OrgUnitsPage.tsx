import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../../shared/domain';
import { formatDate, formatNumber, parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { ListPagination, PageSummary, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useOrgUnitsQuery } from './api';
import { isoDateOrNull, PLAN_ISSUE_DATE } from './dates';

const PAGE_SIZE = 50;
type SortKey = 'name' | 'kind' | 'code' | 'validFrom' | 'validTo';

/** Units browser (/don-vi): the units valid on a date, searched, filtered by kind, paged. */
export function OrgUnitsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asOf = isoDateOrNull(params.get('ngay')) ?? todayInVietnam();
  const kindParam = params.get('loai');
  const kind = (ORG_UNIT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as OrgUnitKind) : undefined;
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean } | null>(null);

  /**
   * Changes some search parameters. Reads the address afresh: react-router hands a functional
   * update the parameters of the last render, so the debounced search could undo a newer change.
   */
  const update = (changes: Record<string, string | null>, resetPage = true) => {
    const current = new URLSearchParams(window.location.search);
    const next = new URLSearchParams(current);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (resetPage && next.toString() !== current.toString()) next.delete('trang');
    if (next.toString() !== current.toString()) setParams(next, { replace: true });
  };

  // Only a settled search writes the address, at the same moment the list follows it.
  const writeSearch = useDebouncedCallback((value: string) => {
    update({ q: value || null });
  }, 300);
  const search = (value: string) => {
    setQ(value);
    writeSearch(value.trim());
  };

  const list = useOrgUnitsQuery({ asOf, q: debouncedQ || undefined, kind, page, pageSize: PAGE_SIZE });
  // One unpaged read of the date's units gives the count per kind (a few dozen rows).
  const all = useOrgUnitsQuery({ asOf, pageSize: LIMITS.pageSizeMax });
  const counts = useMemo(() => {
    const c = new Map<OrgUnitKind, number>();
    for (const u of all.data?.data ?? []) c.set(u.kind, (c.get(u.kind) ?? 0) + 1);
    return c;
  }, [all.data]);
  const communesWards = (counts.get('commune') ?? 0) + (counts.get('ward') ?? 0);

  const setDate = (value: string | null) => update({ ngay: value && value !== todayInVietnam() ? value : null });

  const sortRows = (rows: OrgUnitDto[]) => {
    if (!sort) return rows;
    const value = (u: OrgUnitDto) =>
      sort.key === 'kind' ? ORG_UNIT_KINDS.indexOf(u.kind) : sort.key === 'name' ? u.fullName : (u[sort.key] ?? '');
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return sort.desc ? -r : r;
    });
  };

  const header = (key: SortKey, label: string) => (
    <SortableTh
      label={label}
      direction={sort?.key === key ? (sort.desc ? 'desc' : 'asc') : undefined}
      onSort={() => setSort(sort?.key === key ? { key, desc: !sort.desc } : { key, desc: false })}
    />
  );

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t('orgUnits.title')}
        </Title>
        <Text mt={4}>{t('orgUnits.intro')}</Text>
      </div>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="md">
            <DateInput
              label={t('orgUnits.asOf')}
              description={t('orgUnits.asOfHint')}
              value={asOf}
              onChange={setDate}
              valueFormat="DD/MM/YYYY"
              dateParser={parseVietnameseDate}
              locale={i18n.language === 'en' ? 'en' : 'vi'}
              leftSection={<IconCalendar size={16} aria-hidden />}
              w={{ base: '100%', xs: 220 }}
              popoverProps={{ withinPortal: true }}
            />
            <Group gap="xs">
              <Button
                variant={asOf === PLAN_ISSUE_DATE ? 'filled' : 'default'}
                onClick={() => setDate(PLAN_ISSUE_DATE)}
              >
                {t('orgUnits.planDate')}
              </Button>
              <Button variant={asOf === todayInVietnam() ? 'filled' : 'default'} onClick={() => setDate(null)}>
                {t('orgUnits.today')}
              </Button>
            </Group>
          </Group>
          <Group align="flex-end" gap="md">
            <SearchInput label={t('orgUnits.search')} value={q} onChange={search} style={{ flex: '1 1 240px' }} />
            <Select
              label={t('orgUnits.kind')}
              value={kind ?? ''}
              onChange={(v) => update({ loai: v || null })}
              data={[
                { value: '', label: t('orgUnits.allKinds') },
                ...ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) })),
              ]}
              allowDeselect={false}
              w={{ base: '100%', xs: 220 }}
            />
          </Group>
        </Stack>
      </Paper>

      {all.data && (
        <section aria-labelledby="units-summary">
          <Text id="units-summary" size="sm" fw={600} mb={6}>
            {t('orgUnits.summary', { date: formatDate(asOf) })}
          </Text>
          <Group gap="xs" data-testid="units-summary">
            {ORG_UNIT_KINDS.filter((k) => counts.get(k)).map((k) => (
              <Badge key={k} variant="outline" size="lg" tt="none">
                {t(`orgUnits.kinds.${k}`)}: {formatNumber(counts.get(k))}
              </Badge>
            ))}
            {communesWards > 0 && (
              <Badge variant="filled" size="lg" tt="none">
                {t('orgUnits.communesWards', { count: communesWards })}
              </Badge>
            )}
          </Group>
        </section>
      )}

      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('orgUnits.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <PageSummary page={data.page} count={data.data.length} text={(range) => t('orgUnits.showing', range)} />
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      {header('name', t('orgUnits.name'))}
                      {header('kind', t('orgUnits.kind'))}
                      {header('code', t('orgUnits.code'))}
                      {header('validFrom', t('orgUnits.validFrom'))}
                      {header('validTo', t('orgUnits.validTo'))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sortRows(data.data).map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/don-vi/${u.id}`} fw={500}>
                            {u.fullName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`orgUnits.kinds.${u.kind}`)}</Table.Td>
                        <Table.Td>{u.code}</Table.Td>
                        <Table.Td>{u.validFrom ? formatDate(u.validFrom) : '—'}</Table.Td>
                        <Table.Td>{u.validTo ? formatDate(u.validTo) : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPagination
                page={data.page}
                onChange={(p) => update({ trang: p > 1 ? String(p) : null }, false)}
                namePages
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
