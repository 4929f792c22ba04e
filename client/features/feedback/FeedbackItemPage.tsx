import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileDownload, IconGitPullRequest } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type FeedbackDto } from '../../../shared/contracts/feedback';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { useFeedbackQuery } from './api';
import { itemRefText } from './components/planItems';
import { FeedbackStatusBadge } from './components/StatusBadge';
import { History } from './FeedbackHistory';
import { TriageForm } from './TriageForm';
import { TitledSection } from '../../components/TitledSection';

/** One feedback item (/phan-anh/:id): what was sent, the triage, the amendments, the history. */
export function FeedbackItemPage() {
  const { id } = useParams();
  const item = useFeedbackQuery(id);
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1300}>
      <Breadcrumbs>
        <Anchor component={Link} to="/phan-anh">
          {t('feedback.back')}
        </Anchor>
        <Text>{item.data?.trackingCode ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={item}>{(f) => <FeedbackView item={f} />}</QueryState>
    </Stack>
  );
}

function FeedbackView({ item }: { item: FeedbackDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const readsAmendments = can('amendment.propose') || can('amendment.decide');
  const size = (n: number) => `${formatNumber(Math.round((n / 1024) * 10) / 10)} KB`;

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {item.subject}
          </Title>
          <FeedbackStatusBadge status={item.status} size="lg" />
        </Group>
        <Text size="sm" mt={4}>
          {t('feedback.received', { date: formatDateTime(item.createdAt) })} · {t('feedback.col.code')}{' '}
          <Text span ff="monospace" fw={600} size="sm">
            {item.trackingCode}
          </Text>{' '}
          · {t(`feedback.source.${item.source}`)}
        </Text>
      </div>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: item.abilities.canTriage ? 7 : 12 }}>
          <Stack gap="lg">
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
                <Fact size="sm" label={t('feedback.sender')}>
                  {item.senderName ?? t('feedback.anonymous')}
                </Fact>
                <Fact size="sm" label={t('feedback.organisation')}>
                  {item.organisation ?? '—'}
                </Fact>
                <Fact size="sm" label={t('feedback.contact')}>
                  {item.contact ?? '—'}
                </Fact>
                {item.orgUnit && (
                  <Fact size="sm" label={t('feedback.unit')}>
                    <Anchor component={Link} to={`/don-vi/${item.orgUnit.id}`} size="sm">
                      {item.orgUnit.fullName}
                    </Anchor>
                  </Fact>
                )}
                <Fact size="sm" label={t('feedback.categoryLabel')}>
                  {item.category ? t(`feedback.category.${item.category}`) : t('feedback.uncategorised')}
                </Fact>
                <Fact size="sm" label={t('feedback.planItem')}>
                  {item.planItem ? itemRefText(item.planItem) : t('feedback.noPlanItem')}
                </Fact>
                {item.forwardedToUnit && (
                  <Fact size="sm" label={t('feedback.forwardedTo')}>
                    {item.forwardedToUnit.fullName}
                  </Fact>
                )}
                {item.reportId && (
                  <Fact size="sm" label={t('feedback.report')}>
                    {item.reportId.slice(0, 8)}
                  </Fact>
                )}
                <Fact size="sm" label={t('feedback.col.published')}>
                  {item.isPublished ? t('feedback.publishedYes') : t('feedback.publishedNo')}
                </Fact>
              </SimpleGrid>
            </Paper>

            <TitledSection id="fb-content" title={t('feedback.content')}>
              <Paper withBorder p="md">
                <Text style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Text>
              </Paper>
            </TitledSection>

            <TitledSection id="fb-attachments" title={t('feedback.attachments')}>
              {item.attachments.length === 0 ? (
                <Text size="sm">{t('feedback.noAttachments')}</Text>
              ) : (
                <List spacing={4} listStyleType="none" p={0}>
                  {item.attachments.map((a) => (
                    <List.Item key={a.id}>
                      <Group gap={6} wrap="nowrap">
                        <IconFileDownload size={16} aria-hidden />
                        <Anchor
                          href={`/api/v1/feedback/${item.id}/attachments/${a.id}`}
                          download={a.fileName}
                          size="sm"
                          aria-label={t('feedback.download', { name: a.fileName })}
                        >
                          {a.fileName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          ({size(a.size)})
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </TitledSection>

            <TitledSection id="fb-answer" title={t('feedback.answer')}>
              {item.answer ? (
                <Paper withBorder p="md" style={{ borderLeft: '4px solid var(--mantine-color-bio-7)' }}>
                  {item.answeredAt && (
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('feedback.answeredAt', { date: formatDateTime(item.answeredAt) })}
                    </Text>
                  )}
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-answer">
                    {item.answer}
                  </Text>
                </Paper>
              ) : (
                <Text size="sm">{t('feedback.noAnswer')}</Text>
              )}
            </TitledSection>

            <section aria-labelledby="fb-amendments">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4" id="fb-amendments">
                  {t('feedback.amendments')}
                </Title>
                {can('amendment.propose') && (
                  <Button
                    component={Link}
                    to={`/sua-doi/moi?phan-anh=${item.id}`}
                    variant="light"
                    size="xs"
                    leftSection={<IconGitPullRequest size={14} aria-hidden />}
                  >
                    {t('feedback.draftAmendment')}
                  </Button>
                )}
              </Group>
              {item.answeredByAmendment && (
                <Alert
                  color="bio"
                  variant="outline"
                  title={t('feedback.answeredBy')}
                  mb="sm"
                  data-testid="answered-by-amendment"
                >
                  <Text size="sm">
                    {readsAmendments ? (
                      <Anchor component={Link} to={`/sua-doi/${item.answeredByAmendment.id}`} size="sm">
                        {item.answeredByAmendment.summary}
                      </Anchor>
                    ) : (
                      item.answeredByAmendment.summary
                    )}
                    {' — '}
                    {t('feedback.answeredByText', {
                      documentNumber: item.answeredByAmendment.documentNumber ?? '—',
                      documentDate: formatDate(item.answeredByAmendment.documentDate),
                      versionNumber: item.answeredByAmendment.versionNumber ?? '—',
                    })}
                  </Text>
                </Alert>
              )}
              {item.amendments.length === 0 ? (
                <Text size="sm">{t('feedback.noAmendments')}</Text>
              ) : (
                <List spacing={4} size="sm">
                  {item.amendments.map((a) => (
                    <List.Item key={a.id}>
                      {readsAmendments ? (
                        <Anchor component={Link} to={`/sua-doi/${a.id}`} size="sm">
                          {a.summary}
                        </Anchor>
                      ) : (
                        a.summary
                      )}{' '}
                      <Badge variant="outline" size="xs" tt="none">
                        {t(`feedback.amendmentStatus.${a.status}`)}
                      </Badge>
                    </List.Item>
                  ))}
                </List>
              )}
            </section>

            <History item={item} />
          </Stack>
        </Grid.Col>
        {item.abilities.canTriage && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TriageForm key={item.updatedAt} item={item} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
