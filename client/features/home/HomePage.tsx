import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../shared/format';
import { PATHS, routes } from '../../../shared/routes';
import { QueryState } from '../../components/QueryState';
import { useMeQuery } from '../auth/useAuth';
import type { PlanSummaryDto } from '../../../shared/contracts/plans';
import { useCurrentPlanQuery, usePlanItemsQuery } from '../plan/api';
import { AdminQueue } from './AdminQueue';
import { useHomeQuery } from './api';
import { FocalQueue } from './FocalQueue';
import { LeaderQueue } from './LeaderQueue';
import { UnitQueue } from './UnitQueue';

/** The account's work queue, by role (GET /home). */
function WorkQueue() {
  const { t } = useTranslation();
  const home = useHomeQuery();
  return (
    <section aria-labelledby="home-queue">
      <Title order={2} size="h3" id="home-queue" mb="sm">
        {t('home.queue.title')}
      </Title>
      <QueryState query={home}>
        {(data) =>
          data.role === 'unit' ? (
            <UnitQueue reports={data.reports} />
          ) : data.role === 'focal' ? (
            <FocalQueue data={data} />
          ) : data.role === 'leader' ? (
            <LeaderQueue data={data} />
          ) : (
            <AdminQueue data={data} />
          )
        }
      </QueryState>
    </section>
  );
}

/** The plan the home page presents: the first plan in force, else the first plan. */
function shownPlan<P extends { status: string }>(list: P[]): P | undefined {
  return list.find((p) => p.status === 'in_force') ?? list[0];
}

/** A unit's duties in one plan: how many items it leads or coordinates, and the link to them. */
function MinePlanLine({ plan, named }: { plan: PlanSummaryDto; named: boolean }) {
  const { t } = useTranslation();
  const mine = usePlanItemsQuery(plan.id, { mine: true });
  return (
    <div>
      {named && (
        <Text size="sm" fw={600}>
          {t('home.queue.planOf', { number: plan.number })}
        </Text>
      )}
      <Text size="xl" fw={700} aria-live="polite">
        {mine.data
          ? t('home.mineCount', { count: mine.data.data.length, formatted: formatNumber(mine.data.data.length) })
          : '…'}
      </Text>
      <Anchor component={Link} to={`${routes.plan(plan.id)}?mine=1`} fw={600}>
        {t('home.mineLink')}
      </Anchor>
    </div>
  );
}

/** The landing page: the plan in force, the account and its unit's tasks, the units. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMeQuery().data;
  const { plans } = useCurrentPlanQuery();
  // Several plans may run: the card shows the first plan in force (a replaced plan stays readable from the list).
  const id = plans.data ? shownPlan(plans.data.data)?.id : undefined;
  const hasUnit = Boolean(me?.user.orgUnit);
  // A unit's duties in every plan in force (the shown plan when none is).
  const inForce = (plans.data?.data ?? []).filter((p) => p.status === 'in_force');
  const shown = plans.data?.data.find((p) => p.id === id);
  const minePlans = inForce.length > 0 ? inForce : shown ? [shown] : [];

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        {me && <Text>{t('home.welcome', { name: me.user.name })}</Text>}
      </div>
      {me && <WorkQueue />}

      <QueryState query={plans}>
        {(data) =>
          shownPlan(data.data) && (
            <Card withBorder padding="lg" component="section" aria-labelledby="home-plan">
              <Stack gap="xs">
                <Text size="sm" c="dimmed" id="home-plan">
                  {t('home.planHeading')}
                </Text>
                <Title order={2} size="h3">
                  {shownPlan(data.data)!.title}
                </Title>
                <Text fw={500}>
                  {t('home.issued', {
                    number: shownPlan(data.data)!.number,
                    date: formatDate(shownPlan(data.data)!.date),
                  })}
                </Text>
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {t('home.scope')}:
                  </Text>{' '}
                  {shownPlan(data.data)!.scope}
                </Text>
                <Group>
                  <Button
                    component={Link}
                    to={
                      shownPlan(data.data)!.id === data.data[0].id ? PATHS.plan : routes.plan(shownPlan(data.data)!.id)
                    }
                  >
                    {t('home.readPlan')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )
        }
      </QueryState>

      <SimpleGrid cols={{ base: 1, sm: hasUnit ? 3 : 2 }} spacing="lg">
        {me && (
          <Card withBorder padding="lg" component="section">
            <Title order={2} size="h4" mb="xs">
              {t('home.account')}
            </Title>
            <Text fw={500}>{me.user.name}</Text>
            <Text size="sm">
              {t('home.role')}: {t(`roles.${me.user.role}`)}
            </Text>
            <Text size="sm">
              {t('home.unit')}:{' '}
              {me.user.orgUnit ? (
                <Anchor component={Link} to={routes.orgUnit(me.user.orgUnit.id)} size="sm">
                  {me.user.orgUnit.name}
                </Anchor>
              ) : (
                t('home.noUnit')
              )}
            </Text>
          </Card>
        )}
        {hasUnit && (
          <Card withBorder padding="lg" component="section" className="mine-item">
            <Title order={2} size="h4" mb="xs">
              {t('home.mineHeading')}
            </Title>
            <Stack gap="sm">
              {minePlans.map((plan) => (
                <MinePlanLine key={plan.id} plan={plan} named={minePlans.length > 1} />
              ))}
            </Stack>
          </Card>
        )}
        <Card withBorder padding="lg" component="section">
          <Title order={2} size="h4" mb="xs">
            {t('home.unitsHeading')}
          </Title>
          <Text size="sm" mb="xs">
            {t('home.unitsText')}
          </Text>
          <Anchor component={Link} to={PATHS.orgUnits} fw={600}>
            {t('home.unitsLink')}
          </Anchor>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
