import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { RECORD_SORTS, type RecordSort, type RecordSummary } from '../../../shared/contracts/registry-records';
import { formatDate } from '../../../shared/format';
import { fieldLabel, fieldOf, registryKindBySlug, type RegistryKind } from '../../../shared/registry-kinds';
import { pathTo, PATHS } from '../../../shared/routes';
import { ListPagination, PageSummary, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { UnitSelect } from '../../components/UnitSelect';
import { useMeQuery } from '../auth/useAuth';
import { ImportButton } from './ImportButton';
import { showValue, useLang } from './RecordFields';
import { recordsExportUrl, useImportRecordsMutation, useRecordsQuery } from './records-api';

const PAGE_SIZE = 25;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The dates of a record: one day, or from – to. */
export function datesOf(r: Pick<RecordSummary, 'occurredOn' | 'endedOn'>): string {
  if (!r.occurredOn) return '—';
  return r.endedOn ? `${formatDate(r.occurredOn)} – ${formatDate(r.endedOn)}` : formatDate(r.occurredOn);
}

/** A generic registry's list (/so-theo-doi/:kind). */
export function RecordsPage() {
  const { kind } = useParams();
  const { t } = useTranslation();
  const def = registryKindBySlug(kind ?? '');
  if (!def) return <Alert color="red">{t('registries.rec.unknown')}</Alert>;
  return <RecordsList key={def.kind} def={def} />;
}

function RecordsList({ def }: { def: RegistryKind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMeQuery();
  const canAdd = me.data?.user.role === 'unit' || me.data?.user.role === 'focal';
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const unitId = params.get('don-vi') ?? undefined;
  const yearParam = Number(params.get('nam'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : undefined;
  const from = ISO.test(params.get('tu') ?? '') ? params.get('tu')! : undefined;
  const to = ISO.test(params.get('den') ?? '') ? params.get('den')! : undefined;
  const sortParam = params.get('sap-xep') ?? 'date';
  const sort: RecordSort = (RECORD_SORTS as readonly string[]).includes(sortParam) ? (sortParam as RecordSort) : 'date';
  const dir = params.get('chieu') === 'asc' ? 'asc' : 'desc';
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
  const filters = { kind: def.kind, q: debouncedQ || undefined, unitId, year, from, to, sort, dir } as const;
  const list = useRecordsQuery({ ...filters, page, pageSize: PAGE_SIZE });
  const importRun = useImportRecordsMutation(def.kind);
  const columns = def.listFields.map((key) => fieldOf(def, key)!).filter(Boolean);
  const header = (key: RecordSort, label: string) => (
    <SortableTh
      label={label}
      direction={sort === key ? dir : undefined}
      onSort={() => update({ 'sap-xep': key, chieu: sort === key && dir === 'desc' ? 'asc' : null })}
    />
  );
  return (
    <Stack gap="lg" maw={1300}>
      <Anchor component={Link} to={PATHS.registries} size="sm">
        ← {t('registries.hub.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {def.title[lang]}
          </Title>
          <Text mt={4} maw={820}>
            {def.intro[lang]}
          </Text>
        </div>
        {canAdd && (
          <Button
            component={Link}
            to={pathTo('registryNew', { kind: def.slug })}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('registries.rec.add', { noun: def.noun[lang] })}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md">
          <SearchInput
            label={t('registries.rec.search')}
            value={q}
            onChange={(v) => {
              setQ(v);
              update({ q: v.trim() || null });
            }}
            style={{ flex: '1 1 260px' }}
          />
          <div style={{ flex: '1 1 260px' }}>
            <UnitSelect
              label={t('registries.rec.unit')}
              value={unitId ?? null}
              onChange={(id) => update({ 'don-vi': id })}
            />
          </div>
          <NumberInput
            label={t('registries.rec.year')}
            value={year ?? ''}
            min={2000}
            max={2100}
            onChange={(v) => update({ nam: v === '' ? null : String(v) })}
            w={{ base: '100%', xs: 140 }}
          />
        </Group>
        {(from || to) && (
          <Group gap={4} mt="sm">
            <Badge variant="light" size="lg" tt="none">
              {t('registries.rec.window', {
                from: formatDate(from ?? '2000-01-01'),
                to: formatDate(to ?? '2100-12-31'),
              })}
            </Badge>
            <CloseButton aria-label={t('registries.rec.clearWindow')} onClick={() => update({ tu: null, den: null })} />
          </Group>
        )}
      </Paper>
      <Group gap="sm" align="flex-start">
        <Button
          component="a"
          href={recordsExportUrl(filters)}
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
            <Alert>{t('registries.rec.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <PageSummary page={data.page} count={data.data.length} text={(r) => t('registries.rec.showing', r)} />
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="xs" data-testid="record-table">
                  <Table.Thead>
                    <Table.Tr>
                      {header('title', fieldLabel(fieldOf(def, def.titleField)!, lang))}
                      {header('date', t('registries.rec.date'))}
                      {columns.map((f) => (
                        <Table.Th key={f.key}>{fieldLabel(f, lang)}</Table.Th>
                      ))}
                      {header('unit', t('registries.rec.unit'))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.data.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={pathTo('registryRecord', { kind: def.slug, id: r.id })}
                            fw={600}
                            size="sm"
                          >
                            {r.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{datesOf(r)}</Text>
                        </Table.Td>
                        {columns.map((f) => (
                          <Table.Td key={f.key}>
                            <Text size="sm">{showValue(f, r.data[f.key], r.refs, lang)}</Text>
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <Text size="sm">{r.unit?.name ?? '—'}</Text>
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
