import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { IconPaperclip, IconPlus, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
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
import { ListPagination, PageSummary, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { useFeedbackListQuery } from './api';
import { FeedbackStatusBadge } from './components/StatusBadge';

const PAGE_SIZE = 25;
type SortKey = 'createdAt' | 'subject' | 'status' | 'category';

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/**
 * The feedback desk (/phan-anh): every item for the focal department, the unit's own for a unit
 * officer. Search, filters and the page live in the address so a view can be shared.
 */
export function FeedbackDeskPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isFocal = can('feedback.triage');
  const [params, setParams] = useSearchParams();
  const status = pick<FeedbackStatus>(FEEDBACK_STATUSES, params.get('trang-thai'));
  const category = pick<FeedbackCategory>(FEEDBACK_CATEGORIES, params.get('phan-loai'));
  const source = pick<FeedbackSource>(FEEDBACK_SOURCES, params.get('nguon'));
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'createdAt', desc: true });

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

  // Only a settled search writes the address, at the same moment the list follows it.
  const writeSearch = useDebouncedCallback((value: string) => {
    if ((params.get('q') ?? '') !== value) update({ q: value || null });
  }, 300);
  const search = (value: string) => {
    setQ(value);
    writeSearch(value.trim());
  };

  const list = useFeedbackListQuery({
    q: debouncedQ || undefined,
    status,
    category,
    source,
    page,
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
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('feedback.title')}
          </Title>
          <Text mt={4} maw={820}>
            {isFocal ? t('feedback.intro') : t('feedback.introUnit')}
          </Text>
        </div>
        <Button component={Link} to="/phan-anh/gui" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('feedback.send')}
        </Button>
      </Group>

      <Paper withBorder p="md">
        <Group align="flex-end" gap="md">
          <SearchInput label={t('feedback.search')} value={q} onChange={search} style={{ flex: '1 1 260px' }} />
          {filterSelect(t('feedback.statusLabel'), 'trang-thai', FEEDBACK_STATUSES, status, (v) =>
            t(`feedback.status.${v}`),
          )}
          {filterSelect(t('feedback.categoryLabel'), 'phan-loai', FEEDBACK_CATEGORIES, category, (v) =>
            t(`feedback.category.${v}`),
          )}
          {filterSelect(t('feedback.sourceLabel'), 'nguon', FEEDBACK_SOURCES, source, (v) => t(`feedback.source.${v}`))}
        </Group>
      </Paper>

      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('feedback.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <Group justify="space-between">
                <PageSummary page={data.page} count={data.data.length} text={(range) => t('feedback.showing', range)} />
                {data.page.total > data.page.pageSize && (
                  <Text size="xs" c="dimmed">
                    {t('feedback.sortNote')}
                  </Text>
                )}
              </Group>
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="xs" data-testid="feedback-table">
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
