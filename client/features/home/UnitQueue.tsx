import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePeriodPhrase } from '../reporting/ui';
import { Link } from 'react-router';
import type { HomeUnitReportDto } from '../../../shared/contracts/home';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { DeadlineLine, StatusBadge } from '../reporting/ui';

/** A unit's reports of the open cycles: status, deadline, what is still missing, the way in. */
export function UnitQueue({ reports }: { reports: HomeUnitReportDto[] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return <Alert>{t('home.queue.noOpenReport')}</Alert>;
  return (
    <Stack gap="md">
      {reports.map((report) => (
        <UnitReportCard key={report.reportId} report={report} />
      ))}
    </Stack>
  );
}

function UnitReportCard({ report }: { report: HomeUnitReportDto }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const isOpenForWork = report.status === 'draft' || report.status === 'returned';
  return (
    <Card withBorder padding="lg" radius="md" component="section" data-testid="unit-report" data-status={report.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h3">
              {t('home.queue.reportYear', { period: phrase(report) })}
            </Title>
            {/* A unit may report on several plans: each report says which. */}
            <Text size="sm" c="dimmed" data-testid="unit-report-plan">
              {t('home.queue.planOf', { number: report.planNumber })}
            </Text>
          </div>
          <StatusBadge status={report.status} size="lg" />
        </Group>
        {report.status === 'submitted' && (
          <Text fw={600} size="lg" data-testid="unit-state">
            {t('home.queue.submittedWaiting')}
          </Text>
        )}
        {report.status === 'accepted' && (
          <Text fw={600} size="lg" data-testid="unit-state">
            {t('home.queue.accepted')}
          </Text>
        )}
        {report.status === 'draft' && (
          <Text fw={600} size="lg" data-testid="unit-state">
            <DeadlineLine deadline={report.deadline} />
          </Text>
        )}
        {/* A returned report may always be sent again: its deadline is past concern. */}
        {report.status === 'returned' && (
          <Text fw={600} size="lg" data-testid="unit-state">
            {t('home.queue.returnedToFix')}
          </Text>
        )}
        {report.submittedAt && (
          <Text size="sm">{t('home.queue.sentAt', { at: formatDateTime(report.submittedAt) })}</Text>
        )}
        {report.status === 'returned' && report.returnReason && (
          <Alert color="grape.9" variant="outline" title={t('home.queue.returnedTitle')}>
            {report.returnReason}
          </Alert>
        )}
        {isOpenForWork &&
          (report.missingCount > 0 ? (
            <div>
              <Text fw={600} size="sm">
                {t('home.queue.missing', { count: report.missingCount, formatted: formatNumber(report.missingCount) })}
              </Text>
              <List size="sm" spacing={2}>
                {report.missing.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
              {report.missingCount > report.missing.length && (
                <Text size="sm" c="dimmed">
                  {t('home.queue.missingMore', { count: report.missingCount - report.missing.length })}
                </Text>
              )}
            </div>
          ) : (
            <Text size="sm">{t('home.queue.readyToSubmit')}</Text>
          ))}
        <Group>
          <Button
            component={Link}
            to={routes.report(report.reportId)}
            size="md"
            rightSection={<IconArrowRight size={18} aria-hidden />}
            variant={isOpenForWork ? 'filled' : 'light'}
          >
            {isOpenForWork
              ? t('home.queue.continue', { period: phrase(report) })
              : t('home.queue.view', { period: phrase(report) })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
