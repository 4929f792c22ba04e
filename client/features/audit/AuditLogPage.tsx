import { Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconDownload, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditObjectLabel } from '../../../shared/audit-labels';
import type { AuditEntryDto } from '../../../shared/contracts/audit';
import { formatDateTime, parseVietnameseDate } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { ariaSort, ListResults, ListTable, SearchInput, SortButton } from '../../components/ListControls';
import { auditExportUrl, useAuditFacetsQuery, useAuditQuery } from './api';

const PAGE_SIZE = 50;

interface Filters {
  user: string;
  action: string | null;
  entityType: string | null;
  entityId: string;
  from: string | null;
  to: string | null;
}
const NO_FILTERS: Filters = { user: '', action: null, entityType: null, entityId: '', from: null, to: null };

/** The audit log (/nhat-ky): filter by user, object, action and dates; newest or oldest first; export to Excel. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [user] = useDebouncedValue(filters.user.trim(), 300);
  const [entityId] = useDebouncedValue(filters.entityId.trim(), 300);
  const params = {
    user: user || undefined,
    action: filters.action ?? undefined,
    entityType: filters.entityType ?? undefined,
    entityId: entityId || undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    order,
  };
  const list = useAuditQuery({ ...params, page, pageSize: PAGE_SIZE });
  const facets = useAuditFacetsQuery();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    dateParser: parseVietnameseDate,
    locale: lang,
    clearable: true,
    leftSection: <IconCalendar size={16} aria-hidden />,
    placeholder: t('audit.dateHint'),
    popoverProps: { withinPortal: true },
    w: { base: '100%', xs: 170 },
  };

  return (
    <Stack gap="lg" maw={1280}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('audit.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.intro')}
          </Text>
        </Stack>
        <Button
          component="a"
          href={auditExportUrl(params)}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          {t('audit.export')}
        </Button>
      </Group>

      <Group align="flex-end" gap="md">
        <SearchInput
          label={t('audit.user')}
          description={null}
          placeholder={t('audit.userHint')}
          value={filters.user}
          onChange={(value) => set('user', value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.allActions')}
          searchable
          clearable
          value={filters.action}
          data={(facets.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a, lang) }))}
          onChange={(v) => set('action', v)}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('audit.object')}
          placeholder={t('audit.allObjects')}
          clearable
          value={filters.entityType}
          data={(facets.data?.entityTypes ?? []).map((e) => ({ value: e, label: auditObjectLabel(e, lang) }))}
          onChange={(v) => set('entityType', v)}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          label={t('audit.objectId')}
          maxLength={LIMITS.search}
          value={filters.entityId}
          onChange={(e) => set('entityId', e.currentTarget.value)}
          w={{ base: '100%', xs: 200 }}
        />
        <DateInput label={t('audit.from')} value={filters.from} onChange={(v) => set('from', v)} {...dateProps} />
        <DateInput
          label={t('audit.to')}
          value={filters.to}
          minDate={filters.from ?? undefined}
          onChange={(v) => set('to', v)}
          {...dateProps}
        />
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setFilters(NO_FILTERS);
            setPage(1);
          }}
        >
          {t('audit.clearFilters')}
        </Button>
      </Group>

      <ListResults
        query={list}
        empty={t('audit.none')}
        showing={(range) => t('audit.showing', range)}
        onPage={setPage}
        namePages
      >
        {(data) => (
          <ListTable minWidth={860} highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th aria-sort={ariaSort(order)} style={{ whiteSpace: 'nowrap' }}>
                  <SortButton
                    label={t('audit.at')}
                    direction={order}
                    onSort={() => {
                      setOrder(order === 'desc' ? 'asc' : 'desc');
                      setPage(1);
                    }}
                  />
                </Table.Th>
                <Table.Th>{t('audit.user')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.object')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((entry) => (
                <AuditRow key={entry.id} entry={entry} lang={lang} />
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </ListResults>
    </Stack>
  );
}

function AuditRow({ entry, lang }: { entry: AuditEntryDto; lang: 'vi' | 'en' }) {
  const { t } = useTranslation();
  const details = entry.data == null ? '' : JSON.stringify(entry.data);
  return (
    <Table.Tr data-action={entry.action}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
      <Table.Td miw={180}>
        {entry.actor ? (
          <>
            {entry.actor.name && (
              <Text size="sm" fw={600}>
                {entry.actor.name}
              </Text>
            )}
            <Text size="sm" c={entry.actor.name ? 'dimmed' : undefined}>
              {entry.actor.email}
            </Text>
          </>
        ) : (
          <Text size="sm">{t('audit.system')}</Text>
        )}
      </Table.Td>
      <Table.Td miw={160}>
        <Text size="sm">{auditActionLabel(entry.action, lang)}</Text>
        <Text size="xs" c="dimmed">
          {entry.action}
        </Text>
      </Table.Td>
      <Table.Td miw={150}>
        <Text size="sm">{auditObjectLabel(entry.entityType, lang)}</Text>
        {entry.entityId && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {entry.entityId}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={360}>
        {details && (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {details.length > 300 ? `${details.slice(0, 300)}…` : details}
          </Code>
        )}
        {entry.requestId && (
          <Text size="xs" c="dimmed">
            {t('audit.requestId', { id: entry.requestId })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
