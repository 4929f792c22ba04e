import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { useMeQuery } from '../auth/useAuth';
import { reportingKeys, useCyclesQuery, useReportsQuery } from './api';

const ALL_MINE = { pageSize: 50 };
import { ScrollTable } from '../../components/ScrollTable';
import { DeadlineLine, StatusBadge, usePeriodPhrase } from './ui';
import { TitledSection } from '../../components/TitledSection';

/**
 * A unit officer's arrival (/bao-cao-cua-don-vi): "Báo cáo năm N" for each open cycle that expects
 * the unit (reading it creates the report on first open), then the unit's reports of all years.
 */
export function MyReportsPage() {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const me = useMeQuery().data;
  const cycles = useCyclesQuery({ status: 'open' });
  const reports = useReportsQuery(ALL_MINE);
  const unit = me?.user.orgUnit;

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('reporting.mine.title')}
        </Title>
        {unit && <Text mt={4}>{t('reporting.mine.intro', { unit: unit.name })}</Text>}
      </div>
      {!unit ? (
        <Alert color="red.9" variant="outline">
          {t('reporting.mine.noUnit')}
        </Alert>
      ) : (
        <QueryState query={cycles}>
          {(data) =>
            data.data.length === 0 ? (
              <Alert>{t('reporting.mine.noOpen')}</Alert>
            ) : (
              <Stack gap="md">
                {data.data.map((c) =>
                  c.isExpected ? (
                    <OpenCycleCard key={c.id} cycle={c} />
                  ) : (
                    <Alert key={c.id}>{t('reporting.mine.notExpected', { period: phrase(c) })}</Alert>
                  ),
                )}
              </Stack>
            )
          }
        </QueryState>
      )}
      <TitledSection id="my-reports" title={t('reporting.mine.past')} mb="sm">
        <QueryState query={reports}>
          {(data) =>
            data.data.length === 0 ? (
              <Text size="sm">{t('reporting.mine.none')}</Text>
            ) : (
              <ScrollTable minWidth={560}>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reporting.mine.year')}</Table.Th>
                      <Table.Th>{t('reporting.board.status')}</Table.Th>
                      <Table.Th>{t('reporting.board.deadline')}</Table.Th>
                      <Table.Th>{t('reporting.board.submittedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.data.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/bao-cao/${r.id}`} fw={500}>
                            {t('reporting.mine.reportYear', { period: phrase(r) })}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <StatusBadge status={r.status} />
                            {r.isLate && <StatusBadge status="late" variant="outline" />}
                          </Group>
                        </Table.Td>
                        <Table.Td>{formatDate(r.deadline)}</Table.Td>
                        <Table.Td>{r.submittedAt ? formatDateTime(r.submittedAt) : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          }
        </QueryState>
      </TitledSection>
    </Stack>
  );
}

export function OpenCycleCard({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  // Reading the list with the cycle creates the unit's report on first open.
  const reports = useReportsQuery({ cycleId: cycle.id });
  const report = reports.data?.data[0];
  const qc = useQueryClient();
  // The report may have just been created: the list of all the unit's reports should show it.
  useEffect(() => {
    if (report?.id) void qc.invalidateQueries({ queryKey: reportingKeys.reports(ALL_MINE) });
  }, [qc, report?.id]);
  const deadline = cycle.myDeadline ?? report?.deadline ?? cycle.deadline;
  const editable = !report || report.status === 'draft' || report.status === 'returned';
  return (
    <Card withBorder padding="lg" radius="md" className="mine-item" data-testid="open-cycle-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3">
            {t('reporting.mine.reportYear', { period: phrase(cycle) })}
          </Title>
          {report && <StatusBadge status={report.status} size="lg" />}
        </Group>
        {/* Once sent, the deadline no longer concerns the unit: never "quá hạn" after a submission. */}
        <Text fw={600} size="lg">
          {editable ? (
            <DeadlineLine deadline={deadline} />
          ) : report.status === 'submitted' ? (
            t('reporting.mine.sentWaiting')
          ) : (
            t('reporting.status.accepted')
          )}
        </Text>
        {deadline !== cycle.deadline && (
          <Text size="sm">
            {t('reporting.board.extended')}: {formatDate(cycle.deadline)} → {formatDate(deadline)}
          </Text>
        )}
        {report?.submittedAt && (
          <Text size="sm">{t('reporting.report.submittedAt', { at: formatDateTime(report.submittedAt) })}</Text>
        )}
        {reports.isError && (
          <Alert color="red.9" variant="outline" role="alert">
            {reports.error.message}
          </Alert>
        )}
        <Group>
          <Button
            component={Link}
            to={report ? `/bao-cao/${report.id}` : '#'}
            size="md"
            rightSection={<IconArrowRight size={18} aria-hidden />}
            disabled={!report}
            loading={reports.isPending}
          >
            {editable
              ? t('reporting.mine.openReport', { period: phrase(cycle) })
              : t('reporting.mine.viewReport', { period: phrase(cycle) })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
