import { Alert, Anchor, Badge, Button, CloseButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RECORD_SORTS, type RecordSort, type RecordSummary } from '../../../shared/contracts/registry-records';
import { formatDate } from '../../../shared/format';
import { fieldLabel, fieldOf, registryKindBySlug, type RegistryKind } from '../../../shared/registry-kinds';
import { pathTo, PATHS } from '../../../shared/routes';
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
import { UnitSelect } from '../../components/UnitSelect';
import { useListParams } from '../../hooks/useListParams';
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
  const list = useListParams<RecordSort>({ sorts: RECORD_SORTS, defaultSort: 'date', defaultDir: 'desc' });
  const { sort, dir, update } = list;
  const unitId = list.text('don-vi');
  const year = list.int('nam', 2000, 2100);
  const from = ISO.test(list.text('tu') ?? '') ? list.text('tu') : undefined;
  const to = ISO.test(list.text('den') ?? '') ? list.text('den') : undefined;
  const filters = { kind: def.kind, q: list.q, unitId, year, from, to, sort, dir } as const;
  const rows = useRecordsQuery({ ...filters, page: list.page, pageSize: PAGE_SIZE });
  const importRun = useImportRecordsMutation(def.kind);
  const columns = def.listFields.map((key) => fieldOf(def, key)!).filter(Boolean);
  const header = (key: RecordSort, label: string) => <SortableTh label={label} {...list.sortProps(key)} />;
  return (
    <Stack gap="lg" maw={1300}>
      <Anchor component={Link} to={PATHS.registries} size="sm">
        ← {t('registries.hub.title')}
      </Anchor>
      <ListHeading
        title={def.title[lang]}
        intro={def.intro[lang]}
        action={
          canAdd && (
            <Button
              component={Link}
              to={pathTo('registryNew', { kind: def.slug })}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('registries.rec.add', { noun: def.noun[lang] })}
            </Button>
          )
        }
      />
      <FilterBar
        below={
          (from || to) && (
            <Group gap={4} mt="sm">
              <Badge variant="light" size="lg" tt="none">
                {t('registries.rec.window', {
                  from: formatDate(from ?? '2000-01-01'),
                  to: formatDate(to ?? '2100-12-31'),
                })}
              </Badge>
              <CloseButton
                aria-label={t('registries.rec.clearWindow')}
                onClick={() => update({ tu: null, den: null })}
              />
            </Group>
          )
        }
      >
        <SearchInput label={t('registries.rec.search')} {...list.search} style={{ flex: '1 1 260px' }} />
        <div style={{ flex: '1 1 260px' }}>
          <UnitSelect
            label={t('registries.rec.unit')}
            value={unitId ?? null}
            onChange={(id) => update({ 'don-vi': id })}
          />
        </div>
        <YearFilter
          label={t('registries.rec.year')}
          value={year}
          onChange={(y) => update({ nam: y })}
          w={{ base: '100%', xs: 140 }}
        />
      </FilterBar>
      <Group gap="sm" align="flex-start">
        <ExportButton href={recordsExportUrl(filters)}>{t('registries.export')}</ExportButton>
        {canAdd && <ImportButton run={importRun} />}
      </Group>
      <ListResults
        query={rows}
        empty={t('registries.rec.none')}
        showing={(r) => t('registries.rec.showing', r)}
        onPage={list.setPage}
      >
        {(data) => (
          <ListTable data-testid="record-table">
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
          </ListTable>
        )}
      </ListResults>
    </Stack>
  );
}
