import { Alert, Anchor, Breadcrumbs, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AmendmentDto } from '../../../shared/contracts/amendments';
import { formatDate, formatDateTime } from '../../../shared/format';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { firstUnsettled } from '../feedback/components/queries';
import { useCan } from '../auth/useAuth';
import { PLAN_PARAM, usePlanChoice } from '../plan/planChoice';
import { useAmendmentQuery } from './api';
import { AmendmentStatusBadge } from './AmendmentStatusBadge';
import { ApproveDialog, RejectDialog, SubmitDialog } from './AmendmentDialogs';
import { ChangeView } from './ChangeView';
import { TitledSection } from '../../components/TitledSection';

/** One proposal (/sua-doi/:id): its changes and grounds, and the next step for whoever may take it. */
export function AmendmentPage() {
  const { id } = useParams();
  const { id: planId, plans, withPlan } = usePlanChoice();
  const amendment = useAmendmentQuery(planId, id);
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to={withPlan('/sua-doi')}>
          {t('amendments.back')}
        </Anchor>
        <Text lineClamp={1}>{amendment.data?.summary ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={firstUnsettled(plans, amendment)}>
        {() => amendment.data && <AmendmentView a={amendment.data} />}
      </QueryState>
    </Stack>
  );
}

function AmendmentView({ a }: { a: AmendmentDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const { plans, withPlan } = usePlanChoice();
  const planNumber = plans.data?.data.find((p) => p.id === a.planId)?.number ?? '';
  const [dialog, setDialog] = useState<'submit' | 'approve' | 'reject' | null>(null);
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {a.summary}
          </Title>
          <AmendmentStatusBadge status={a.status} size="lg" />
        </Group>
        <Text size="sm" mt={4}>
          {t('amendments.basedOn', { n: a.basedOnVersion, number: planNumber })}
        </Text>
      </div>

      {(a.abilities.canEdit || a.abilities.canSubmit || a.abilities.canApprove || a.abilities.canReject) && (
        <Group gap="sm">
          {a.abilities.canEdit && (
            <Button
              component={Link}
              to={withPlan(`/sua-doi/${a.id}/sua`)}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('amendments.edit')}
            </Button>
          )}
          {a.abilities.canSubmit && (
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setDialog('submit')}>
              {t('amendments.submit')}
            </Button>
          )}
          {a.abilities.canApprove && (
            <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setDialog('approve')}>
              {t('amendments.approve')}
            </Button>
          )}
          {a.abilities.canReject && (
            <Button
              color="red.9"
              variant="outline"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => setDialog('reject')}
            >
              {t('amendments.reject')}
            </Button>
          )}
        </Group>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" m={0}>
          <Fact size="sm" label={t('amendments.createdBy')}>
            {a.createdBy?.name ?? '—'}
          </Fact>
          <Fact size="sm" label={t('amendments.createdAt')}>
            {formatDateTime(a.createdAt)}
          </Fact>
          <Fact size="sm" label={t('amendments.submittedAt')}>
            {a.submittedAt ? formatDateTime(a.submittedAt) : '—'}
          </Fact>
          {a.decidedAt && (
            <Fact size="sm" label={t('amendments.decidedBy')}>
              {a.decidedBy?.name ?? '—'}
            </Fact>
          )}
          {a.decidedAt && (
            <Fact size="sm" label={t('amendments.decidedAt')}>
              {formatDateTime(a.decidedAt)}
            </Fact>
          )}
          {a.documentNumber && (
            <Fact size="sm" label={t('amendments.document')}>
              {t('amendments.documentText', { number: a.documentNumber, date: formatDate(a.documentDate) })}
            </Fact>
          )}
          {a.resultingVersion && (
            <Fact size="sm" label={t('amendments.resultingVersion')}>
              {t('amendments.versionN', { n: a.resultingVersion })} ·{' '}
              <Anchor
                component={Link}
                to={`/ke-hoach/phien-ban?tu=${a.resultingVersion - 1}&den=${a.resultingVersion}&${PLAN_PARAM}=${a.planId}`}
                size="sm"
              >
                {t('amendments.seeDiff')}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        {a.decisionComment && (
          <Alert
            mt="md"
            color={a.status === 'rejected' ? 'red' : 'bio'}
            variant="outline"
            title={t('amendments.decisionComment')}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.decisionComment}
            </Text>
          </Alert>
        )}
      </Paper>

      <TitledSection id="am-reasoning" title={t('amendments.reasoningTitle')}>
        <Paper withBorder p="md">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.reasoning}</Text>
        </Paper>
      </TitledSection>

      <TitledSection id="am-change-list" title={t('amendments.changesTitle', { count: a.changes.length })}>
        <Stack gap="sm">
          {a.changes.map((c, i) => (
            <ChangeView key={i} change={c} basedOnVersion={a.basedOnVersion} />
          ))}
        </Stack>
      </TitledSection>

      <TitledSection id="am-grounds-view" title={t('amendments.groundsTitle')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('amendments.feedbackTitle')}
            </Title>
            {a.feedback.length === 0 ? (
              <Text size="sm">{t('amendments.noneCited')}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {a.feedback.map((f) => (
                  <List.Item key={f.id}>
                    {can('feedback.triage') ? (
                      <Anchor component={Link} to={`/phan-anh/${f.id}`} size="sm">
                        {f.trackingCode} · {f.subject}
                      </Anchor>
                    ) : (
                      `${f.trackingCode} · ${f.subject}`
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('amendments.guidanceTitle')}
            </Title>
            {a.guidanceDocuments.length === 0 ? (
              <Text size="sm">{t('amendments.noneCited')}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {a.guidanceDocuments.map((g) => (
                  <List.Item key={g.id}>
                    {g.number} ({formatDate(g.date)}, {g.issuer}) — {g.title}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        </SimpleGrid>
      </TitledSection>

      <SubmitDialog a={a} opened={dialog === 'submit'} onClose={() => setDialog(null)} />
      <ApproveDialog a={a} opened={dialog === 'approve'} onClose={() => setDialog(null)} />
      <RejectDialog a={a} opened={dialog === 'reject'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
