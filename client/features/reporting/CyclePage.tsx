import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { routes } from '../../../shared/routes';
import { useCycleQuery, usePlansQuery } from './api';
import { Board } from './Board';
import { CycleStatusBadge, usePeriodPhrase } from './ui';
import { CycleClosing } from './CycleClosing';
import { CycleSetup } from './CycleSetup';

/** One cycle (/ky-bao-cao/:id): while draft, its details and expected units; once open, the board. */
export function CyclePage() {
  const { id } = useParams();
  const cycle = useCycleQuery(id);
  return <QueryState query={cycle}>{(c) => <CycleView cycle={c} />}</QueryState>;
}

function CycleView({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const period = usePeriodPhrase()(cycle);
  return (
    <Stack gap="lg" maw={1280}>
      <Breadcrumbs>
        <Anchor component={Link} to="/ky-bao-cao">
          {t('reporting.cycles.back')}
        </Anchor>
        <Text>{t('reporting.cycles.cycleTitle', { period })}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t('reporting.cycles.cycleTitle', { period })}
          </Title>
          <CycleStatusBadge status={cycle.status} />
        </Group>
        <Text mt={4}>
          {t('reporting.cycles.window', { from: formatDate(cycle.windowStart), to: formatDate(cycle.windowEnd) })}.{' '}
          {t('reporting.cycles.deadlineLine', {
            deadline: formatDate(cycle.deadline),
            grace: cycle.graceDays,
            lock: formatDate(cycle.lockDate),
          })}
          . {t('reporting.cycles.formIndicators', { count: cycle.indicators.length })}.
          {cycle.openedAt && ` ${t('reporting.cycles.openedAt')}: ${formatDateTime(cycle.openedAt)}.`}
          {cycle.closedAt && ` ${t('reporting.cycles.closedAt')}: ${formatDateTime(cycle.closedAt)}.`}
        </Text>
        <PlanOfCycle planId={cycle.planId} />
      </div>
      {cycle.status !== 'draft' && <CycleClosing cycle={cycle} />}
      {cycle.status === 'draft' ? (
        <CycleSetup cycle={cycle} />
      ) : cycle.abilities.canReadCompleteness ? (
        <Board cycle={cycle} />
      ) : null}
    </Stack>
  );
}

/** The plan the cycle reports on, linking to it (several plans run side by side). */
function PlanOfCycle({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const plan = usePlansQuery().data?.data.find((p) => p.id === planId);
  if (!plan) return null;
  return (
    <Text size="sm" mt={4}>
      {`${t('reporting.cycles.plan')}: `}
      <Anchor component={Link} to={routes.plan(plan.id)} size="sm">
        {`${plan.number} — ${plan.title}`}
      </Anchor>
    </Text>
  );
}
