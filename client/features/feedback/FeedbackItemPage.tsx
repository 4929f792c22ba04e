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
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDownload, IconGitPullRequest, IconHistory } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_LIMITS,
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackDto,
  type FeedbackEventDto,
  type FeedbackStatus,
  type TriageFeedbackRequest,
} from '../../../shared/contracts/feedback';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { useCurrentPlanForPickers, useFeedbackQuery, useTriageFeedbackMutation } from './api';
import { PlanItemSelect } from './components/PlanItemSelect';
import { itemRefText } from './components/planItems';
import { FeedbackStatusBadge } from './components/StatusBadge';
import { UnitSelect } from '../../components/UnitSelect';

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
                <Fact size="sm" label={t('feedback.sender')}>{item.senderName ?? t('feedback.anonymous')}</Fact>
                <Fact size="sm" label={t('feedback.organisation')}>{item.organisation ?? '—'}</Fact>
                <Fact size="sm" label={t('feedback.contact')}>{item.contact ?? '—'}</Fact>
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
                <Fact size="sm" label={t('feedback.planItem')}>{item.planItem ? itemRefText(item.planItem) : t('feedback.noPlanItem')}</Fact>
                {item.forwardedToUnit && <Fact size="sm" label={t('feedback.forwardedTo')}>{item.forwardedToUnit.fullName}</Fact>}
                {item.reportId && <Fact size="sm" label={t('feedback.report')}>{item.reportId.slice(0, 8)}</Fact>}
                <Fact size="sm" label={t('feedback.col.published')}>{item.isPublished ? t('feedback.publishedYes') : t('feedback.publishedNo')}</Fact>
              </SimpleGrid>
            </Paper>

            <section aria-labelledby="fb-content">
              <Title order={2} size="h4" id="fb-content" mb="xs">
                {t('feedback.content')}
              </Title>
              <Paper withBorder p="md">
                <Text style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Text>
              </Paper>
            </section>

            <section aria-labelledby="fb-attachments">
              <Title order={2} size="h4" id="fb-attachments" mb="xs">
                {t('feedback.attachments')}
              </Title>
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
            </section>

            <section aria-labelledby="fb-answer">
              <Title order={2} size="h4" id="fb-answer" mb="xs">
                {t('feedback.answer')}
              </Title>
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
            </section>

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
                <Alert color="bio" variant="outline" title={t('feedback.answeredBy')} mb="sm" data-testid="answered-by-amendment">
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

/** Every step of the item, oldest first, with the fields each triage changed. */
function History({ item }: { item: FeedbackDto }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fb-history">
      <Group gap={6} mb="sm">
        <IconHistory size={18} aria-hidden />
        <Title order={2} size="h4" id="fb-history">
          {t('feedback.history')}
        </Title>
      </Group>
      <Timeline bulletSize={14} lineWidth={2} active={item.history.length - 1} data-testid="feedback-history">
        {item.history.map((e) => (
          <Timeline.Item key={e.id} title={<EventTitle event={e} />}>
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)} · {e.actorName ?? t('feedback.system')}
            </Text>
            {e.action === 'triaged' && <TriageChanges event={e} item={item} />}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}

function EventTitle({ event }: { event: FeedbackEventDto }) {
  const { t } = useTranslation();
  const d = (event.data ?? {}) as Record<string, unknown>;
  const known = ['created', 'triaged', 'report_updated', 'linked_to_amendment', 'answered_by_amendment'];
  return (
    <Text size="sm" fw={600}>
      {known.includes(event.action)
        ? t(`feedback.event.${event.action}`, {
            summary: String(d.summary ?? ''),
            documentNumber: String(d.documentNumber ?? ''),
            versionNumber: String(d.versionNumber ?? ''),
          })
        : event.action}
    </Text>
  );
}

function TriageChanges({ event, item }: { event: FeedbackEventDto; item: FeedbackDto }) {
  const { t } = useTranslation();
  const changes = (event.data ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('feedback.empty');
    if (field === 'status') return t(`feedback.status.${String(v)}`);
    if (field === 'category') return t(`feedback.category.${String(v)}`);
    if (field === 'isPublished') return v ? t('common.yes') : t('common.no');
    if (field === 'forwardedToUnitId') return v === item.forwardedToUnit?.id ? item.forwardedToUnit.fullName : t('feedback.unitChanged');
    return String(v);
  };
  const rows = Object.entries(changes).filter(([field]) => field !== 'planId');
  if (rows.length === 0) return null;
  return (
    <List size="xs" spacing={2} mt={2}>
      {rows.map(([field, c]) => (
        <List.Item key={field}>
          <Text span size="xs" fw={600}>
            {t(`feedback.field.${field}`, { defaultValue: field })}:
          </Text>{' '}
          {field === 'answer' ? t('feedback.answerChanged') : `${show(field, c?.from)} → ${show(field, c?.to)}`}
        </List.Item>
      ))}
    </List>
  );
}

/** Triage by the focal department; only the fields changed are sent, and the server's issues mark the fields. */
function TriageForm({ item }: { item: FeedbackDto }) {
  const { t } = useTranslation();
  const triage = useTriageFeedbackMutation(item.id);
  const { plan } = useCurrentPlanForPickers();
  const items = useMemo(() => plan.data?.items ?? [], [plan.data]);
  const initialItemId = useMemo(() => (item.planItem ? (items.find((i) => i.key === item.planItem!.key)?.id ?? null) : null), [items, item.planItem]);
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const [category, setCategory] = useState<FeedbackCategory | null>(item.category);
  const [planItemId, setPlanItemId] = useState<string | null | undefined>(undefined);
  const [forwardedToUnitId, setForwardedToUnitId] = useState<string | null>(item.forwardedToUnit?.id ?? null);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [published, setPublished] = useState(item.isPublished);
  const error = triage.error instanceof ApiError ? triage.error : null;
  const chosenItemId = planItemId === undefined ? initialItemId : planItemId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: TriageFeedbackRequest = { status };
    if (category !== item.category) body.category = category;
    if (planItemId !== undefined && planItemId !== initialItemId) body.planItemId = planItemId;
    if (forwardedToUnitId !== (item.forwardedToUnit?.id ?? null)) body.forwardedToUnitId = forwardedToUnitId;
    if (answer.trim() !== (item.answer ?? '')) body.answer = answer.trim() || null;
    if (published !== item.isPublished) body.published = published;
    triage.mutate(body, {
      onSuccess: () => notifications.show({ color: 'bio', message: t('feedback.saved') }),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fb-triage" style={{ position: 'sticky', top: 76 }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="fb-triage">
              {t('feedback.triage')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('feedback.triageIntro')}
            </Text>
          </div>
          {error && (
            <Alert color="red" role="alert" title={t('feedback.notSaved')}>
              {error.message}
            </Alert>
          )}
          <Select
            label={t('feedback.statusLabel')}
            value={status}
            onChange={(v) => v && setStatus(v as FeedbackStatus)}
            data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))}
            allowDeselect={false}
            error={error?.fieldError('status')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('feedback.categoryLabel')}
            value={category}
            onChange={(v) => setCategory((v as FeedbackCategory) || null)}
            data={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))}
            clearable
            placeholder={t('feedback.uncategorised')}
            error={error?.fieldError('category')}
            comboboxProps={{ withinPortal: true }}
          />
          <PlanItemSelect
            label={t('feedback.planItem')}
            description={t('feedback.form.planItemHint')}
            items={items}
            value={chosenItemId}
            onChange={setPlanItemId}
            error={error?.fieldError('planItemId')}
            placeholder={item.planItem && !initialItemId ? itemRefText(item.planItem) : undefined}
          />
          <UnitSelect
            label={t('feedback.forwardTo')}
            description={t('feedback.forwardHint')}
            value={forwardedToUnitId}
            initial={item.forwardedToUnit}
            onChange={(v) => setForwardedToUnitId(v)}
            error={error?.fieldError('forwardedToUnitId')}
          />
          <Textarea
            label={t('feedback.answerLabel')}
            description={t('feedback.answerHint')}
            autosize
            minRows={5}
            maxRows={14}
            maxLength={FEEDBACK_LIMITS.answer}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={error?.fieldError('answer')}
          />
          <Switch
            label={t('feedback.publish')}
            description={t('feedback.publishHint')}
            checked={published}
            onChange={(e) => setPublished(e.currentTarget.checked)}
            error={error?.fieldError('published')}
          />
          <div>
            <Button type="submit" loading={triage.isPending}>
              {t('feedback.saveTriage')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
