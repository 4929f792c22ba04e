import { Alert, Anchor, Card, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeriodPhrase } from '../reporting/ui';
import { Link } from 'react-router';
import type { LeaderHomeDto } from '../../../shared/contracts/home';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { TitledSection } from '../../components/TitledSection';
import { CycleProgress } from './CycleProgress';
import { PlansOverview } from './PlansOverview';

/** A leader's queue: amendments awaiting approval, then the open cycle's board summary. */
export function LeaderQueue({ data }: { data: LeaderHomeDto }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  return (
    <Stack gap="lg">
      <PlansOverview plans={data.plans} />
      <TitledSection
        order={3}
        id="home-amendments"
        title={t('home.queue.amendments', {
          count: data.amendments.length,
          formatted: formatNumber(data.amendments.length),
        })}
      >
        {data.amendments.length === 0 ? (
          <Text size="sm">{t('home.queue.amendmentsNone')}</Text>
        ) : (
          <List spacing="xs" data-testid="home-amendments">
            {data.amendments.map((a) => (
              <List.Item key={a.id}>
                <Anchor component={Link} to={routes.amendment(a.id)} fw={600}>
                  {a.summary}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {`${a.planNumber} · `}
                  {t('home.queue.amendmentMeta', {
                    count: a.changeCount,
                    by: a.createdBy ?? '—',
                    at: a.submittedAt ? formatDateTime(a.submittedAt) : '—',
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </TitledSection>
      {data.cycle ? (
        <Card
          withBorder
          padding="lg"
          component="section"
          aria-label={t('home.queue.cycle', { period: phrase(data.cycle) })}
        >
          <CycleProgress
            cycle={data.cycle}
            planNumber={data.plans.find((p) => p.planId === data.cycle?.planId)?.number}
          />
        </Card>
      ) : (
        <Alert>{t('home.queue.noOpenCycle')}</Alert>
      )}
    </Stack>
  );
}
