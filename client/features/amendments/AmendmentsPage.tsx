import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { AMENDMENT_STATUSES, type AmendmentStatus } from '../../../shared/contracts/amendments';
import { formatDate, formatDateTime } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { firstUnsettled } from '../feedback/components/queries';
import { useCan } from '../auth/useAuth';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { useAmendmentsQuery } from './api';
import { AmendmentStatusBadge } from './AmendmentStatusBadge';

/** Proposals (/sua-doi): the focal department drafts and submits; leaders decide what was submitted. */
export function AmendmentsPage() {
  const { t } = useTranslation();
  const isWide = useMediaQuery('(min-width: 36em)', true);
  const can = useCan();
  const proposes = can('amendment.propose');
  const decides = can('amendment.decide');
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('trang-thai');
  const status = (AMENDMENT_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as AmendmentStatus)
    : undefined;
  const { id: planId, plans, withPlan } = usePlanChoice({ enabled: proposes || decides });
  const list = useAmendmentsQuery(proposes || decides ? planId : undefined, status);

  if (!proposes && !decides) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('amendments.title')}
        </Title>
        <Alert>{t('amendments.noAccess')}</Alert>
      </Stack>
    );
  }

  const statuses = proposes ? AMENDMENT_STATUSES : AMENDMENT_STATUSES.filter((s) => s !== 'draft');

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('amendments.title')}
          </Title>
          <Text mt={4} maw={820}>
            {proposes ? t('amendments.intro') : t('amendments.introLeader')}
          </Text>
        </div>
        {proposes && (
          <Button component={Link} to={withPlan('/sua-doi/moi')} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('amendments.create')}
          </Button>
        )}
      </Group>
      <PlanPicker />

      <div>
        <Text size="sm" fw={500} mb={4} id="am-status-filter">
          {t('amendments.statusFilter')}
        </Text>
        <SegmentedControl
          // Five statuses do not fit a phone's width side by side: one under the other there.
          orientation={isWide ? 'horizontal' : 'vertical'}
          fullWidth={!isWide}
          aria-labelledby="am-status-filter"
          value={status ?? ''}
          onChange={(v) => setParams(v ? { 'trang-thai': v } : {}, { replace: true })}
          data={[
            { value: '', label: t('amendments.all') },
            ...statuses.map((s) => ({ value: s, label: t(`amendments.status.${s}`) })),
          ]}
        />
      </div>

      <QueryState query={firstUnsettled(plans, list)}>
        {() =>
          list.data &&
          (list.data.data.length === 0 ? (
            <Alert>{t('amendments.none')}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="amendments-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('amendments.col.summary')}</Table.Th>
                    <Table.Th>{t('amendments.col.status')}</Table.Th>
                    <Table.Th>{t('amendments.col.changes')}</Table.Th>
                    <Table.Th>{t('amendments.col.feedback')}</Table.Th>
                    <Table.Th>{t('amendments.col.updated')}</Table.Th>
                    <Table.Th>{t('amendments.col.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.data.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={withPlan(`/sua-doi/${a.id}`)} fw={600} size="sm">
                          {a.summary}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t('amendments.col.basedOn')}: {t('amendments.versionN', { n: a.basedOnVersion })}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <AmendmentStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td>{a.changes.length}</Table.Td>
                      <Table.Td>{a.feedback.length}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.updatedAt)}</Table.Td>
                      <Table.Td>
                        {a.resultingVersion ? (
                          <Text size="sm">
                            {t('amendments.versionN', { n: a.resultingVersion })}
                            {a.documentNumber && (
                              <Text span size="xs" c="dimmed" display="block">
                                {t('amendments.documentText', {
                                  number: a.documentNumber,
                                  date: formatDate(a.documentDate),
                                })}
                              </Text>
                            )}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))
        }
      </QueryState>
    </Stack>
  );
}
