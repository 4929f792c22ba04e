import { Anchor, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeriodPhrase } from '../reporting/ui';
import { Link } from 'react-router';
import type { HomeCycleDto } from '../../../shared/contracts/home';
import { formatDate, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';

/** The open cycle at a glance: x/y submitted, awaiting review, returned, accepted, still missing. */
export function CycleProgress({ cycle, planNumber }: { cycle: HomeCycleDto; planNumber?: string }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const counts = cycle.counts;
  const share = counts && counts.expected > 0 ? (counts.submitted / counts.expected) * 100 : 0;
  const facts: Array<[string, number, string]> = counts
    ? [
        ['awaitingReview', counts.awaitingReview, 'blue.9'],
        ['missing', counts.missing, 'red.9'],
        ['returned', counts.returned, 'grape.9'],
        ['accepted', counts.accepted, 'bio.8'],
      ]
    : [];
  return (
    <Stack gap="sm" data-testid="cycle-progress">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={3} size="h4">
          {t('home.queue.cycle', { period: phrase(cycle) })}
          {planNumber && ` — ${t('home.queue.planOf', { number: planNumber })}`}
        </Title>
        <Anchor component={Link} to={routes.cycle(cycle.id)} fw={600} size="sm">
          {t('home.queue.openBoard')}
        </Anchor>
      </Group>
      <Text size="sm">{t('home.queue.deadline', { date: formatDate(cycle.deadline) })}</Text>
      {counts && (
        <>
          <Text fw={700} size="lg" data-testid="submitted-share">
            {t('home.queue.submittedOf', {
              submitted: formatNumber(counts.submitted),
              expected: formatNumber(counts.expected),
            })}
          </Text>
          <Progress
            value={share}
            color="bio.7"
            size="lg"
            aria-label={t('home.queue.submittedOf', {
              submitted: formatNumber(counts.submitted),
              expected: formatNumber(counts.expected),
            })}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {facts.map(([key, value, color]) => (
              <div key={key} data-count={key}>
                <Text size="xs" c="dimmed">
                  {t(`home.queue.counts.${key}`)}
                </Text>
                <Text fw={700} size="xl" c={value > 0 ? color : undefined}>
                  {formatNumber(value)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
