import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriodPhrase } from '../reporting/ui';
import { Link } from 'react-router';
import type { FocalHomeDto } from '../../../shared/contracts/home';
import type { CompletenessUnitDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { PATHS, routes } from '../../../shared/routes';
import { DataTable, type Column } from '../../components/DataTable';
import { TitledSection } from '../../components/TitledSection';
import { RemindButton } from '../reporting/RemindButton';
import { StatusBadge } from '../reporting/ui';
import { CycleProgress } from './CycleProgress';
import { homeKeys } from './api';
import { PlansOverview } from './PlansOverview';

/** How many units still missing are listed before "show all". */
const MISSING_FIRST = 10;

/** The focal department's queue: the open cycle's progress, reports to review, units to remind. */
export function FocalQueue({ data }: { data: FocalHomeDto }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const qc = useQueryClient();
  const [isAllShown, setAllShown] = useState(false);
  const { cycle } = data;
  if (!cycle) {
    return (
      <Stack gap="lg">
        <PlansOverview plans={data.plans} />
        <Alert>
          {t('home.queue.noOpenCycle')}{' '}
          <Anchor component={Link} to={PATHS.cycles}>
            {t('home.queue.toCycles')}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  const dash = (value: string | null) => (value ? formatDateTime(value) : '—');
  const awaitingColumns: Array<Column<CompletenessUnitDto>> = [
    {
      key: 'unit',
      header: t('home.queue.unit'),
      isRowHeader: true,
      renderCell: (row) => (
        <Anchor component={Link} to={routes.report(row.reportId!)} fw={500} size="sm">
          {row.unit.fullName}
        </Anchor>
      ),
    },
    {
      key: 'sent',
      header: t('home.queue.sent'),
      renderCell: (row) => (
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{dash(row.submittedAt)}</Text>
          {row.isLate && <StatusBadge status="late" variant="outline" size="sm" />}
        </Group>
      ),
    },
  ];
  // One line per unit with its facts under the name and the button beside it: fits a phone.
  const missingColumns: Array<Column<CompletenessUnitDto>> = [
    {
      key: 'unit',
      header: t('home.queue.unit'),
      isRowHeader: true,
      renderCell: (row) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {row.unit.fullName}
          </Text>
          <Group gap={6} wrap="wrap">
            <StatusBadge status={row.status} size="xs" />
            <Text size="xs" c={row.daysLate > 0 ? 'red.9' : undefined}>
              {t('home.queue.unitDeadlineShort', { date: formatDate(row.deadline) })}
              {row.daysLate > 0 && ` (${t('home.queue.daysLate', { count: row.daysLate })})`}
            </Text>
            <Text size="xs" data-testid="last-reminded">
              {t('home.queue.lastRemindedShort', { at: dash(row.lastRemindedAt) })}
            </Text>
          </Group>
        </Stack>
      ),
    },
    {
      key: 'remind',
      header: t('home.queue.actions'),
      hidden: !data.canRemind,
      width: 90,
      renderCell: (row) => (
        <RemindButton
          cycleId={cycle.id}
          unit={row.unit}
          onSent={() => void qc.invalidateQueries({ queryKey: homeKeys.all })}
        />
      ),
    },
  ];
  const shownMissing = isAllShown ? data.missingUnits : data.missingUnits.slice(0, MISSING_FIRST);
  const counts = cycle.counts;
  return (
    <Stack gap="lg">
      <PlansOverview plans={data.plans} />
      <Card withBorder padding="lg" component="section" aria-label={t('home.queue.cycle', { period: phrase(cycle) })}>
        <CycleProgress cycle={cycle} planNumber={data.plans.find((p) => p.planId === cycle.planId)?.number} />
      </Card>
      <TitledSection
        order={3}
        id="home-awaiting"
        title={t('home.queue.awaiting', {
          count: counts?.awaitingReview ?? 0,
          formatted: formatNumber(counts?.awaitingReview ?? 0),
        })}
      >
        {data.awaitingReview.length === 0 ? (
          <Text size="sm">{t('home.queue.awaitingNone')}</Text>
        ) : (
          <DataTable
            striped
            verticalSpacing={6}
            minWidth={340}
            data-testid="home-awaiting"
            rows={data.awaitingReview}
            rowKey={(row) => row.unit.id}
            columns={awaitingColumns}
          />
        )}
      </TitledSection>
      <TitledSection
        order={3}
        id="home-missing"
        title={t('home.queue.missingUnits', {
          count: counts?.missing ?? 0,
          formatted: formatNumber(counts?.missing ?? 0),
        })}
      >
        {data.missingUnits.length === 0 ? (
          <Text size="sm">{t('home.queue.missingNone')}</Text>
        ) : (
          <Stack gap="xs">
            <DataTable
              striped
              verticalSpacing={6}
              data-testid="home-missing"
              rows={shownMissing}
              rowKey={(row) => row.unit.id}
              rowProps={(row) => ({ 'data-unit': row.unit.code })}
              columns={missingColumns}
            />
            {data.missingUnits.length > MISSING_FIRST && (
              <Group>
                <Button variant="subtle" size="compact-sm" onClick={() => setAllShown(!isAllShown)}>
                  {isAllShown
                    ? t('home.queue.showFewer')
                    : t('home.queue.showAll', { count: data.missingUnits.length })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </TitledSection>
    </Stack>
  );
}
