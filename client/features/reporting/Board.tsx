import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBell, IconCalendar, IconChecks } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  BOARD_STATUSES,
  UNIT_KIND_GROUPS,
  type CompletenessCounts,
  type CompletenessUnitDto,
  type CycleDto,
  type ReminderDto,
  type UnitKindGroup,
} from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime, formatNumber, parseVietnameseDate } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { addDays } from '../../../shared/reporting-rules';
import { ApiError } from '../../api/client';
import { ListPagination, PageSummary, SearchInput, SortableTh } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import {
  useBulkAcceptMutation,
  useCompletenessQuery,
  useCreateExtensionMutation,
  useRemindersQuery,
  useSendRemindersMutation,
  type CompletenessParams,
} from './api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ScrollTable } from '../../components/ScrollTable';
import { notify, StatusBadge } from './ui';

const COUNT_KEYS = ['expected', 'submitted', 'onTime', 'late', 'missing', 'returned', 'accepted'] as const satisfies ReadonlyArray<keyof CompletenessCounts>;
const STATUS_FILTERS = [...BOARD_STATUSES, 'late', 'onTime'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
type SortKey = NonNullable<CompletenessParams['sort']>;
const PAGE_SIZE = 50;

/** The focal department's board of an open cycle: counts, counts by kind, the unit list, reminders. */
export function Board({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const canReview = can('report.review');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<StatusFilter | ''>('');
  const [kindGroup, setKindGroup] = useState<UnitKindGroup | ''>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, CompletenessUnitDto>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [extending, setExtending] = useState<CompletenessUnitDto | null>(null);

  useEffect(() => setPage(1), [debouncedQ, status, kindGroup, sort]);

  const board = useCompletenessQuery(cycle.id, {
    q: debouncedQ || undefined,
    status: status || undefined,
    kindGroup: kindGroup || undefined,
    sort: sort.key,
    dir: sort.dir,
    page,
    pageSize: PAGE_SIZE,
  });

  const header = (key: SortKey, label: string) => (
    <SortableTh
      label={label}
      direction={sort.key === key ? sort.dir : undefined}
      onSort={() => setSort(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })}
    />
  );

  const toggle = (row: CompletenessUnitDto, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(row.reportId!, row);
      else next.delete(row.reportId!);
      return next;
    });

  return (
    <Stack gap="lg">
      <QueryState query={board}>
        {(data) => {
          const selectable = data.units.filter((u) => u.status === 'submitted' && u.reportId);
          const allOn = selectable.length > 0 && selectable.every((u) => selected.has(u.reportId!));
          return (
            <Stack gap="lg">
              <section aria-labelledby="board-counts">
                <Title order={2} size="h3" id="board-counts" mb="sm">
                  {t('reporting.board.title')}
                </Title>
                <SimpleGrid cols={{ base: 2, xs: 4, lg: 7 }} spacing="sm" data-testid="board-counts">
                  {COUNT_KEYS.map((k) => (
                    <Card key={k} withBorder padding="sm" data-count={k}>
                      <Text size="sm" fw={500}>
                        {t(`reporting.board.counts.${k}`)}
                      </Text>
                      <Text fz={28} fw={700} lh={1.2} c={k === 'missing' && data.missing > 0 ? 'red.9' : k === 'accepted' ? 'bio.8' : undefined}>
                        {formatNumber(data[k])}
                      </Text>
                    </Card>
                  ))}
                </SimpleGrid>
              </section>

              <section aria-labelledby="board-kinds">
                <Title order={3} size="h4" id="board-kinds" mb="xs">
                  {t('reporting.board.byKind')}
                </Title>
                <ScrollTable minWidth={640}>
                  <Table withTableBorder verticalSpacing={4} data-testid="board-by-kind">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('reporting.board.kindGroup')}</Table.Th>
                        {COUNT_KEYS.map((k) => (
                          <Table.Th key={k} ta="right">
                            {t(`reporting.board.counts.${k}`)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.byKind
                        .filter((g) => g.expected > 0)
                        .map((g) => (
                          <Table.Tr key={g.kindGroup}>
                            <Table.Th scope="row" fw={500}>
                              {t(`reporting.board.kindGroups.${g.kindGroup}`)}
                            </Table.Th>
                            {COUNT_KEYS.map((k) => (
                              <Table.Td key={k} ta="right">
                                {formatNumber(g[k])}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </section>

              <section aria-labelledby="board-list">
                <Group justify="space-between" align="flex-end" mb="sm">
                  <Title order={3} size="h4" id="board-list">
                    {t('reporting.board.list')}
                  </Title>
                  {canReview && (
                    <Button
                      leftSection={<IconChecks size={16} aria-hidden />}
                      disabled={selected.size === 0}
                      onClick={() => setBulkOpen(true)}
                    >
                      {t('reporting.board.bulkAccept', { count: selected.size })}
                    </Button>
                  )}
                </Group>
                <Paper withBorder p="sm" mb="sm">
                  <Group align="flex-end" gap="md">
                    <SearchInput label={t('reporting.board.search')} value={q} onChange={setQ} style={{ flex: '1 1 240px' }} />
                    <Select
                      label={t('reporting.board.filterStatus')}
                      value={status}
                      onChange={(v) => setStatus((v ?? '') as StatusFilter | '')}
                      data={[{ value: '', label: t('reporting.board.all') }, ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))]}
                      allowDeselect={false}
                      w={{ base: '100%', xs: 200 }}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <Select
                      label={t('reporting.board.filterKind')}
                      value={kindGroup}
                      onChange={(v) => setKindGroup((v ?? '') as UnitKindGroup | '')}
                      data={[{ value: '', label: t('reporting.board.all') }, ...UNIT_KIND_GROUPS.map((g) => ({ value: g, label: t(`reporting.board.kindGroups.${g}`) }))]}
                      allowDeselect={false}
                      w={{ base: '100%', xs: 220 }}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Group>
                </Paper>
                {data.units.length === 0 ? (
                  <Alert>{t('reporting.board.none')}</Alert>
                ) : (
                  <Stack gap="sm">
                    <PageSummary page={data.page} count={data.units.length} text={(range) => t('reporting.board.showing', range)} />
                    <ScrollTable minWidth={1100}>
                      <Table striped highlightOnHover verticalSpacing="xs" data-testid="board-units">
                        <Table.Thead>
                          <Table.Tr>
                            {canReview && (
                              <Table.Th w={40}>
                                <Checkbox
                                  aria-label={t('reporting.board.selectAll')}
                                  checked={allOn}
                                  disabled={selectable.length === 0}
                                  onChange={(e) => selectable.forEach((u) => toggle(u, e.currentTarget.checked))}
                                />
                              </Table.Th>
                            )}
                            {header('name', t('reporting.board.unit'))}
                            {header('kind', t('reporting.board.kindGroup'))}
                            {header('status', t('reporting.board.status'))}
                            {header('submittedAt', t('reporting.board.submittedAt'))}
                            {header('daysLate', t('reporting.board.daysLate'))}
                            <Table.Th>{t('reporting.board.deadline')}</Table.Th>
                            <Table.Th>{t('reporting.board.reminded')}</Table.Th>
                            {cycle.abilities.canExtend && <Table.Th>{t('reporting.board.actions')}</Table.Th>}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {data.units.map((u) => (
                            <Table.Tr key={u.unit.id} data-unit={u.unit.code}>
                              {canReview && (
                                <Table.Td>
                                  {u.status === 'submitted' && u.reportId && (
                                    <Checkbox
                                      aria-label={t('reporting.board.select', { unit: u.unit.fullName })}
                                      checked={selected.has(u.reportId)}
                                      onChange={(e) => toggle(u, e.currentTarget.checked)}
                                    />
                                  )}
                                </Table.Td>
                              )}
                              <Table.Td>
                                {u.reportId ? (
                                  <Anchor component={Link} to={`/bao-cao/${u.reportId}`} fw={500} size="sm">
                                    {u.unit.fullName}
                                  </Anchor>
                                ) : (
                                  <Text size="sm" fw={500}>
                                    {u.unit.fullName}
                                  </Text>
                                )}
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">{t(`reporting.board.kindGroups.${u.unit.kindGroup}`)}</Text>
                              </Table.Td>
                              <Table.Td miw={150}>
                                <Group gap={4} wrap="nowrap">
                                  <StatusBadge status={u.status} />
                                  {u.isLate && <StatusBadge status="late" variant="outline" />}
                                </Group>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">{u.submittedAt ? formatDateTime(u.submittedAt) : '—'}</Text>
                              </Table.Td>
                              <Table.Td ta="right">
                                <Text size="sm" c={u.daysLate > 0 ? 'red.9' : undefined} fw={u.daysLate > 0 ? 600 : undefined}>
                                  {u.daysLate > 0 ? formatNumber(u.daysLate) : '—'}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">
                                  {formatDate(u.deadline)}
                                  {u.hasExtension && ` (${t('reporting.board.extended')})`}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">{u.lastRemindedAt ? formatDateTime(u.lastRemindedAt) : '—'}</Text>
                              </Table.Td>
                              {cycle.abilities.canExtend && (
                                <Table.Td>
                                  {u.status !== 'accepted' && (
                                    <Button
                                      size="compact-sm"
                                      variant="subtle"
                                      onClick={() => setExtending(u)}
                                      aria-label={t('reporting.board.extendLabel', { unit: u.unit.fullName })}
                                    >
                                      {t('reporting.board.extend')}
                                    </Button>
                                  )}
                                </Table.Td>
                              )}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollTable>
                    <ListPagination page={data.page} value={page} onChange={setPage} />
                  </Stack>
                )}
              </section>
              {can('cycle.manage') && <Reminders cycle={cycle} missing={data.missing} />}
            </Stack>
          );
        }}
      </QueryState>

      {bulkOpen && <BulkAcceptModal rows={[...selected.values()]} onClose={() => setBulkOpen(false)} onDone={() => setSelected(new Map())} />}
      {extending && <ExtensionModal cycle={cycle} row={extending} onClose={() => setExtending(null)} />}
    </Stack>
  );
}

function BulkAcceptModal({ rows, onClose, onDone }: { rows: CompletenessUnitDto[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const accept = useBulkAcceptMutation();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('reporting.board.bulkTitle', { count: rows.length })}
      confirmLabel={t('reporting.board.bulkAccept', { count: rows.length })}
      loading={accept.isPending}
      onConfirm={() =>
        accept.mutate(
          rows.map((r) => r.reportId!),
          {
            onSuccess: (res) => {
              notify(t('reporting.board.bulkDone', { count: res.accepted.length }));
              if (res.failed.length) {
                notify(res.failed.map((f) => f.message).join('; '), { color: 'red', title: t('reporting.board.bulkFailed', { count: res.failed.length }), autoClose: false });
              }
              onDone();
              onClose();
            },
          },
        )
      }
    >
      <Text>{t('reporting.board.bulkConfirm')}</Text>
      <List size="sm" spacing={2}>
        {rows.map((r) => (
          <List.Item key={r.reportId}>{r.unit.fullName}</List.Item>
        ))}
      </List>
      {accept.error && (
        <Alert color="red.9" variant="outline" role="alert">
          {accept.error.message}
        </Alert>
      )}
    </ConfirmModal>
  );
}

function ExtensionModal({ cycle, row, onClose }: { cycle: CycleDto; row: CompletenessUnitDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const extend = useCreateExtensionMutation(cycle.id);
  const [deadline, setDeadline] = useState<string | null>(addDays(row.deadline, 7));
  const [reason, setReason] = useState('');
  const err = extend.error instanceof ApiError ? extend.error : null;
  return (
    <Modal opened onClose={onClose} title={t('reporting.board.extendTitle', { unit: row.unit.fullName })} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!deadline) return;
          extend.mutate(
            { orgUnitId: row.unit.id, deadline, reason },
            {
              onSuccess: (x) => {
                notify(t('reporting.board.extended_done', { unit: row.unit.fullName, date: formatDate(x.deadline) }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {err && !err.issues.length && (
            <Alert color="red.9" variant="outline" role="alert">
              {err.message}
            </Alert>
          )}
          <Text size="sm">
            {t('reporting.board.deadline')}: {formatDate(row.deadline)}
          </Text>
          <DateInput
            label={t('reporting.board.newDeadline')}
            description={t('reporting.cycles.dateHint')}
            required
            valueFormat="DD/MM/YYYY"
            dateParser={parseVietnameseDate}
            locale={i18n.language === 'en' ? 'en' : 'vi'}
            minDate={addDays(cycle.deadline, 1)}
            leftSection={<IconCalendar size={16} aria-hidden />}
            value={deadline}
            onChange={setDeadline}
            error={err?.fieldError('deadline')}
            popoverProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('reporting.expected.reason')}
            description={t('reporting.board.extendReasonHint')}
            required
            maxLength={LIMITS.reason}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err?.fieldError('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={extend.isPending} disabled={!deadline || reason.trim().length < 3}>
              {t('reporting.board.extend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function triggerLabel(t: (k: string, o?: Record<string, unknown>) => string, trigger: string): string {
  if (trigger === 'manual') return t('reporting.board.manual');
  const n = Number(trigger.replace(/^auto:/, ''));
  if (Number.isNaN(n)) return trigger;
  return t('reporting.board.auto', { days: n >= 0 ? t('reporting.board.autoBefore', { n }) : t('reporting.board.autoAfter', { n: -n }) });
}

/** Reminders sent together (same time, trigger and sender) shown as one line. */
function batchesOf(list: ReminderDto[]) {
  const batches = new Map<string, { key: string; at: string; trigger: string; sentBy: string | null; channels: ReminderDto['channels']; items: ReminderDto[] }>();
  for (const r of list) {
    const key = `${r.at}|${r.trigger}|${r.sentBy?.id ?? ''}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { key, at: r.at, trigger: r.trigger, sentBy: r.sentBy?.name ?? null, channels: [], items: [] }));
    b.items.push(r);
    for (const c of r.channels) if (!b.channels.includes(c)) b.channels.push(c);
  }
  return [...batches.values()];
}

function Reminders({ cycle, missing }: { cycle: CycleDto; missing: number }) {
  const { t } = useTranslation();
  const reminders = useRemindersQuery(cycle.id);
  const send = useSendRemindersMutation(cycle.id);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  return (
    <section aria-labelledby="board-reminders">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="board-reminders">
          {t('reporting.board.reminders')}
        </Title>
        {cycle.abilities.canRemind && (
          <Button variant="light" leftSection={<IconBell size={16} aria-hidden />} onClick={() => setConfirming(true)} disabled={missing === 0}>
            {t('reporting.board.remind')}
          </Button>
        )}
      </Group>
      <QueryState query={reminders}>
        {(data) =>
          data.data.length === 0 ? (
            <Text size="sm">{t('reporting.board.remindersNone')}</Text>
          ) : (
            <ScrollTable minWidth={720}>
              <Table striped verticalSpacing={4} data-testid="reminders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reporting.board.remindAt')}</Table.Th>
                    <Table.Th>{t('reporting.board.remindTrigger')}</Table.Th>
                    <Table.Th>{t('reporting.board.remindBy')}</Table.Th>
                    <Table.Th>{t('reporting.board.remindTo')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {batchesOf(data.data).map((b) => (
                    <Table.Tr key={b.key}>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(b.at)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{triggerLabel(t, b.trigger)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{b.sentBy ?? t('reporting.board.system')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} mb={2}>
                          {b.channels.map((c) => (
                            <Badge key={c} variant="outline" color="gray.8" tt="none" size="sm">
                              {c === 'email' ? t('reporting.board.email') : t('reporting.board.inApp')}
                            </Badge>
                          ))}
                        </Group>
                        <details>
                          <summary>
                            <Text span size="sm" fw={500}>
                              {t('reporting.board.remindUnits', { count: b.items.length })}
                            </Text>
                          </summary>
                          <List size="sm" spacing={0} data-testid="reminded-units">
                            {b.items.map((r) => (
                              <List.Item key={r.id}>
                                {r.unit.fullName}
                                {r.emails.length > 0 && ` (${r.emails.join(', ')})`}
                              </List.Item>
                            ))}
                          </List>
                        </details>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reporting.board.remindTitle')}
        confirmLabel={t('reporting.board.remind')}
        loading={send.isPending}
        onConfirm={() =>
          send.mutate(
            { note: note.trim() || undefined },
            {
              onSuccess: (res) => {
                setConfirming(false);
                setNote('');
                notify(res.data.length ? t('reporting.board.remindDone', { count: res.data.length }) : t('reporting.board.remindNone'));
              },
            },
          )
        }
      >
        <Text>{t('reporting.board.remindConfirm', { count: missing })}</Text>
        <Textarea
          label={t('reporting.board.remindNote')}
          maxLength={LIMITS.shortText}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {send.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {send.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </section>
  );
}
