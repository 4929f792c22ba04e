import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatDateTime, formatNumber, parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { addDays } from '../../../shared/deadlines';
import {
  PERIOD_KINDS,
  periodDefaults,
  periodLabel,
  periodOf,
  periodSortKey,
  proposePeriod,
  scheduleKindPeriod,
  scheduleSentence,
  type Period,
  type PeriodKind,
} from '../../../shared/periods';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { routes } from '../../../shared/routes';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { useCreateCycleMutation, useCyclesQuery, usePlansQuery } from './api';
import { ScrollTable } from '../../components/ScrollTable';
import { CycleStatusBadge, notify, usePeriodPhrase } from './ui';

/**
 * Reporting cycles (/ky-bao-cao): the list, with each cycle's plan and a filter by plan
 * (`?planId=`, the plan page links here), and for the focal department the creation form.
 */
export function CyclesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const planFilter = params.get('planId');
  const cycles = useCyclesQuery(planFilter ? { planId: planFilter } : {});
  const plans = usePlansQuery().data?.data ?? [];
  const planNumber = new Map(plans.map((p) => [p.id, p.number]));
  const [creating, setCreating] = useState(false);
  const phrase = usePeriodPhrase();

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('reporting.cycles.title')}
          </Title>
          <Text mt={4} maw={760}>
            {t('reporting.cycles.intro')}
          </Text>
        </div>
        {can('cycle.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('reporting.cycles.create')}
          </Button>
        )}
      </Group>

      {plans.length > 1 && (
        <Select
          label={t('reporting.cycles.planFilter')}
          value={planFilter ?? 'all'}
          onChange={(v) => setParams(v && v !== 'all' ? { planId: v } : {}, { replace: true })}
          data={[
            { value: 'all', label: t('reporting.cycles.allPlans') },
            ...plans.map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` })),
          ]}
          allowDeselect={false}
          maw={560}
        />
      )}

      <QueryState query={cycles}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('reporting.cycles.none')}</Alert>
          ) : (
            <ScrollTable minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reporting.cycles.periodColumn')}</Table.Th>
                    <Table.Th>{t('reporting.cycles.plan')}</Table.Th>
                    <Table.Th>{t('reporting.cycles.status')}</Table.Th>
                    <Table.Th>{t('reporting.cycles.deadline')}</Table.Th>
                    <Table.Th>{t('reporting.cycles.graceDays')}</Table.Th>
                    <Table.Th ta="right">{t('reporting.cycles.expected')}</Table.Th>
                    <Table.Th>{t('reporting.cycles.openedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.data]
                    .sort(
                      (a, b) =>
                        periodSortKey(periodOf(b)).localeCompare(periodSortKey(periodOf(a))) ||
                        (planNumber.get(a.planId) ?? '').localeCompare(planNumber.get(b.planId) ?? '', 'vi', {
                          numeric: true,
                        }),
                    )
                    .map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/ky-bao-cao/${c.id}`} fw={600}>
                            {t('reporting.cycles.cycleTitle', { period: phrase(c) })}
                          </Anchor>
                          <Text size="xs">
                            {t('reporting.cycles.window', {
                              from: formatDate(c.windowStart),
                              to: formatDate(c.windowEnd),
                            })}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component={Link} to={routes.plan(c.planId)} size="sm">
                            {planNumber.get(c.planId) ?? ''}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <CycleStatusBadge status={c.status} />
                        </Table.Td>
                        <Table.Td>{formatDate(c.deadline)}</Table.Td>
                        <Table.Td>{formatNumber(c.graceDays)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(c.expectedCount)}</Table.Td>
                        <Table.Td>{c.openedAt ? formatDateTime(c.openedAt) : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>

      {creating && (
        <CreateCycleModal
          onClose={() => setCreating(false)}
          initialPlanId={planFilter ?? plans.find((p) => p.status === 'in_force')?.id ?? null}
          existingCycles={cycles.data?.data ?? []}
        />
      )}
    </Stack>
  );
}

function CreateCycleModal({
  onClose,
  initialPlanId,
  existingCycles,
}: {
  onClose: () => void;
  initialPlanId: string | null;
  existingCycles: CycleDto[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const plans = usePlansQuery();
  const create = useCreateCycleMutation();
  const phrase = usePeriodPhrase();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const [planId, setPlanId] = useState<string | null>(initialPlanId);
  const plan = planId ?? plans.data?.data[0]?.id ?? null;
  const schedule = plans.data?.data.find((p) => p.id === plan)?.reportingSchedule ?? null;
  // Each plan has its own cycles: the kind its schedule states comes first (a monthly plan
  // proposes the next month), the officer may choose another; the first free period is proposed.
  const [chosenKind, setChosenKind] = useState<PeriodKind | null>(null);
  const kind = chosenKind ?? scheduleKindPeriod(schedule?.kind);
  const taken = existingCycles.filter((c) => c.planId === plan).map(periodOf);
  const proposal = proposePeriod(kind, todayInVietnam(), taken);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosenNumber, setChosenNumber] = useState<number | null>(null);
  const year = chosenYear ?? proposal.year;
  const period: Period = { year, kind, number: kind === 'year' ? null : (chosenNumber ?? proposal.number) };
  const [windowStart, setWindowStart] = useState<string | null>(null);
  const [windowEnd, setWindowEnd] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [graceDays, setGraceDays] = useState<number>(0);
  const validYear = Number.isInteger(year) && year >= 2020 && year <= 2100;
  // Until the officer picks other dates, they follow the period and the plan's schedule (shared/periods.ts).
  const defaults = validYear ? periodDefaults(period, schedule) : null;
  const start = windowStart ?? defaults?.windowStart ?? null;
  const end = windowEnd ?? defaults?.windowEnd ?? null;
  const due = deadline ?? defaults?.deadline ?? null;
  const err = create.error instanceof ApiError ? create.error : null;
  const resetDates = () => {
    setWindowStart(null);
    setWindowEnd(null);
    setDeadline(null);
  };

  const submit = () => {
    if (!plan || !validYear) return;
    create.mutate(
      {
        planId: plan,
        year,
        periodKind: period.kind,
        periodNumber: period.number,
        windowStart: start ?? undefined,
        windowEnd: end ?? undefined,
        deadline: due ?? undefined,
        graceDays,
      },
      {
        onSuccess: (cycle) => {
          notify(t('reporting.cycles.created', { period: phrase(cycle) }));
          void navigate(`/ky-bao-cao/${cycle.id}`);
        },
      },
    );
  };

  const numbers =
    kind === 'quarter'
      ? [1, 2, 3, 4].map((n) => ({ value: String(n), label: periodLabel({ year, kind, number: n }, locale) }))
      : Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: periodLabel({ year, kind, number: i + 1 }, locale),
        }));

  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    dateParser: parseVietnameseDate,
    locale,
    leftSection: <IconCalendar size={16} aria-hidden />,
    popoverProps: { withinPortal: true },
  };

  return (
    <Modal opened onClose={onClose} title={t('reporting.cycles.createTitle')} size="lg" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {err && !err.issues.length && (
            <Alert color="red.9" variant="outline" role="alert">
              {err.message}
            </Alert>
          )}
          <Select
            label={t('reporting.cycles.plan')}
            required
            value={plan}
            onChange={(v) => {
              setPlanId(v);
              setChosenKind(null);
              setChosenYear(null);
              setChosenNumber(null);
              resetDates();
            }}
            data={(plans.data?.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.number} — ${p.title}${p.status === 'in_force' ? '' : ` (${t(`plan.statuses.${p.status}`)})`}`,
            }))}
            allowDeselect={false}
            error={err?.fieldError('planId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" data-testid="plan-schedule">
            {schedule
              ? t('reporting.cycles.schedulePlan', {
                  schedule: scheduleSentence(schedule, locale),
                  kind: t(`reporting.cycles.periodKinds.${scheduleKindPeriod(schedule.kind)}`).toLowerCase(),
                })
              : t('reporting.cycles.scheduleNone')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('reporting.cycles.periodKind')}
              required
              value={kind}
              onChange={(v) => {
                setChosenKind(v ?? null);
                setChosenYear(null);
                setChosenNumber(null);
                resetDates();
              }}
              data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reporting.cycles.periodKinds.${k}`) }))}
              allowDeselect={false}
              error={err?.fieldError('periodKind')}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('reporting.cycles.year')}
              required
              min={2020}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              value={year}
              onChange={(v) => {
                setChosenYear(typeof v === 'number' ? v : Number(v));
                setChosenNumber(period.number);
                resetDates();
              }}
              error={err?.fieldError('year')}
            />
            {kind !== 'year' && (
              <Select
                label={t(kind === 'quarter' ? 'reporting.cycles.quarter' : 'reporting.cycles.month')}
                required
                value={String(period.number)}
                onChange={(v) => {
                  setChosenYear(year);
                  setChosenNumber(v ? Number(v) : null);
                  resetDates();
                }}
                data={numbers}
                allowDeselect={false}
                error={err?.fieldError('periodNumber')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <NumberInput
              label={t('reporting.cycles.graceDays')}
              description={t('reporting.cycles.graceHint')}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              value={graceDays}
              onChange={(v) => setGraceDays(typeof v === 'number' ? v : Number(v) || 0)}
              error={err?.fieldError('graceDays')}
            />
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.windowStart')}
              description={t('reporting.cycles.dateHint')}
              value={start}
              onChange={setWindowStart}
              error={err?.fieldError('windowStart')}
            />
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.windowEnd')}
              description={t('reporting.cycles.dateHint')}
              value={end}
              onChange={setWindowEnd}
              error={err?.fieldError('windowEnd')}
            />
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.deadline')}
              description={t('reporting.cycles.deadlineHint')}
              value={due}
              onChange={setDeadline}
              error={err?.fieldError('deadline')}
            />
          </SimpleGrid>
          <Paper withBorder p="sm" bg="gray.0">
            {validYear && (
              <Text size="sm" fw={600}>
                {periodLabel(period, locale)}
              </Text>
            )}
            <Text size="sm">
              {due &&
                t('reporting.cycles.deadlineLine', {
                  deadline: formatDate(due),
                  grace: graceDays,
                  lock: formatDate(addDays(due, graceDays)),
                })}
            </Text>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!plan || !validYear}>
              {t('reporting.cycles.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
