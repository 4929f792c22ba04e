import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPaperclip, IconPlus, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackListItemDto,
  type FeedbackSource,
  type FeedbackStatus,
} from '../../../shared/contracts/feedback';
import { formatDateTime } from '../../../shared/format';
import { FilterBar, ListHeading, ListResults, ListTable, SearchInput, SortableTh } from '../../components/ListControls';
import { useListParams } from '../../hooks/useListParams';
import { useCan } from '../auth/useAuth';
import { useFeedbackListQuery } from './api';
import { FeedbackStatusBadge } from './components/StatusBadge';

const PAGE_SIZE = 25;
type SortKey = 'createdAt' | 'subject' | 'status' | 'category';

/**
 * The feedback desk (/phan-anh): every item for the focal department, the unit's own for a unit
 * officer. Search, filters and the page live in the address so a view can be shared.
 */
export function FeedbackDeskPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isFocal = can('feedback.triage');
  // Only a settled search writes the address, at the same moment the list follows it.
  const list = useListParams({ searchToUrl: 'settled' });
  const { update } = list;
  const status = list.oneOf<FeedbackStatus>('trang-thai', FEEDBACK_STATUSES);
  const category = list.oneOf<FeedbackCategory>('phan-loai', FEEDBACK_CATEGORIES);
  const source = list.oneOf<FeedbackSource>('nguon', FEEDBACK_SOURCES);
  // The server pages by date; a column title sorts the rows of the page shown.
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'createdAt', desc: true });

  const results = useFeedbackListQuery({
    q: list.q,
    status,
    category,
    source,
    page: list.page,
    pageSize: PAGE_SIZE,
  });

  const sortRows = (rows: FeedbackListItemDto[]) => {
    const value = (f: FeedbackListItemDto): string | number =>
      sort.key === 'createdAt'
        ? f.createdAt
        : sort.key === 'status'
          ? FEEDBACK_STATUSES.indexOf(f.status)
          : sort.key === 'category'
            ? f.category
              ? FEEDBACK_CATEGORIES.indexOf(f.category)
              : 99
            : f.subject;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return sort.desc ? -r : r;
    });
  };

  const header = (key: SortKey, label: string) => (
    <SortableTh
      label={label}
      direction={sort.key === key ? (sort.desc ? 'desc' : 'asc') : undefined}
      onSort={() => setSort(sort.key === key ? { key, desc: !sort.desc } : { key, desc: key === 'createdAt' })}
    />
  );

  const filterSelect = <T extends string>(
    label: string,
    param: string,
    values: readonly T[],
    value: T | undefined,
    labelOf: (v: T) => string,
  ) => (
    <Select
      label={label}
      value={value ?? ''}
      onChange={(v) => update({ [param]: v || null })}
      data={[{ value: '', label: t('feedback.all') }, ...values.map((v) => ({ value: v, label: labelOf(v) }))]}
      allowDeselect={false}
      w={{ base: '100%', xs: 200 }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Stack gap="lg" maw={1300}>
      <ListHeading
        title={t('feedback.title')}
        intro={isFocal ? t('feedback.intro') : t('feedback.introUnit')}
        action={
          <Button component={Link} to="/phan-anh/gui" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('feedback.send')}
          </Button>
        }
      />

      <FilterBar>
        <SearchInput label={t('feedback.search')} {...list.search} style={{ flex: '1 1 260px' }} />
        {filterSelect(t('feedback.statusLabel'), 'trang-thai', FEEDBACK_STATUSES, status, (v) =>
          t(`feedback.status.${v}`),
        )}
        {filterSelect(t('feedback.categoryLabel'), 'phan-loai', FEEDBACK_CATEGORIES, category, (v) =>
          t(`feedback.category.${v}`),
        )}
        {filterSelect(t('feedback.sourceLabel'), 'nguon', FEEDBACK_SOURCES, source, (v) => t(`feedback.source.${v}`))}
      </FilterBar>

      <ListResults
        query={results}
        empty={t('feedback.none')}
        showing={(range) => t('feedback.showing', range)}
        renderAside={(data) =>
          data.page.total > data.page.pageSize && (
            <Text size="xs" c="dimmed">
              {t('feedback.sortNote')}
            </Text>
          )
        }
        onPage={list.setPage}
      >
        {(data) => (
          <ListTable data-testid="feedback-table">
            <Table.Thead>
              <Table.Tr>
                {header('createdAt', t('feedback.col.date'))}
                {header('subject', t('feedback.col.subject'))}
                <Table.Th>{t('feedback.col.sender')}</Table.Th>
                {header('category', t('feedback.col.category'))}
                {header('status', t('feedback.col.status'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortRows(data.data).map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(f.createdAt)}</Text>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {f.trackingCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/phan-anh/${f.id}`} fw={600} size="sm">
                      {f.subject}
                    </Anchor>
                    <Group gap={6} mt={2}>
                      {f.planItem && (
                        <Text size="xs" c="dimmed">
                          {t('feedback.planItem')}: {f.planItem.key}
                        </Text>
                      )}
                      {f.attachmentCount > 0 && (
                        <Group gap={2} wrap="nowrap">
                          <IconPaperclip size={12} aria-hidden />
                          <Text size="xs" c="dimmed">
                            {t('feedback.attachmentsCount', { count: f.attachmentCount })}
                          </Text>
                        </Group>
                      )}
                      {f.isPublished && (
                        <Group gap={2} wrap="nowrap">
                          <IconWorld size={12} aria-hidden />
                          <Text size="xs" c="dimmed">
                            {t('feedback.publishedYes')}
                          </Text>
                        </Group>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.orgUnit?.fullName ?? f.organisation ?? '—'}</Text>
                    <Badge variant="outline" size="xs" tt="none" mt={2}>
                      {t(`feedback.source.${f.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {f.category ? t(`feedback.category.${f.category}`) : t('feedback.uncategorised')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <FeedbackStatusBadge status={f.status} />
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
