import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomePlanDto } from '../../../shared/contracts/home';
import { formatDate, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { TitledSection } from '../../components/TitledSection';
import { PlanStatusBadge } from '../plan/PlanRecord';

/**
 * Every plan the focal department and the leaders follow (those in force and the latest replaced
 * one), each with its current cycle's deadline and completeness, nearest deadline first.
 */
export function PlansOverview({ plans }: { plans: HomePlanDto[] }) {
  const { t } = useTranslation();
  if (plans.length === 0) return null;
  return (
    <TitledSection order={3} id="home-plans" title={t('home.queue.plansTitle')}>
      <SimpleGrid cols={{ base: 1, md: plans.length > 1 ? 2 : 1 }} spacing="md" data-testid="home-plans">
        {plans.map((p) => {
          const counts = p.cycle?.counts;
          const share = counts && counts.expected > 0 ? (counts.submitted / counts.expected) * 100 : 0;
          const submittedOf = counts
            ? t('home.queue.submittedOf', {
                submitted: formatNumber(counts.submitted),
                expected: formatNumber(counts.expected),
              })
            : '';
          return (
            <Card key={p.planId} withBorder padding="md" component="article" aria-label={p.number}>
              <Stack gap={6}>
                <Group gap="sm" justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={routes.plan(p.planId)} fw={700}>
                    {t('home.queue.planOf', { number: p.number })}
                  </Anchor>
                  <PlanStatusBadge status={p.status} />
                </Group>
                <Text size="sm" lineClamp={2}>
                  {p.title}
                </Text>
                {p.cycle ? (
                  <>
                    <Group gap="xs" justify="space-between" wrap="wrap">
                      <Anchor component={Link} to={routes.cycle(p.cycle.id)} size="sm" fw={600}>
                        {t('home.queue.cycle', { year: p.cycle.year })}
                      </Anchor>
                      <Text size="sm">{t('home.queue.deadline', { date: formatDate(p.cycle.deadline) })}</Text>
                    </Group>
                    {counts ? (
                      <>
                        <Text size="sm" fw={600}>
                          {submittedOf}
                          {counts.awaitingReview > 0 &&
                            ` · ${t('home.queue.counts.awaitingReview')}: ${formatNumber(counts.awaitingReview)}`}
                        </Text>
                        <Progress value={share} color="bio.7" aria-label={`${p.number}: ${submittedOf}`} />
                      </>
                    ) : (
                      <Text size="sm">{t('home.queue.cycleDraft')}</Text>
                    )}
                  </>
                ) : (
                  <Text size="sm">{t('home.queue.planNoCycle')}</Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </TitledSection>
  );
}
