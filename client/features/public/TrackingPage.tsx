import { Alert, Badge, Button, Divider, Group, Pagination, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime, vietnamDate } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { usePublishedFeedbackQuery, useTrackFeedbackQuery } from '../feedback/api';
import { FeedbackStatusBadge } from '../feedback/components/StatusBadge';
import { itemRefText } from '../feedback/components/planItems';
import { PublicLayout, PublicTitle } from './PublicLayout';
import { TitledSection } from '../../components/TitledSection';

/** The public lookup (/gop-y/tra-cuu?ma=…): status and published answer only; then the published Q&A. */
export function TrackingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('ma')?.trim().toUpperCase() || null;
  const [input, setInput] = useState(code ?? '');
  const track = useTrackFeedbackQuery(code);
  const notFound = track.error instanceof ApiError && track.error.status === 404;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = input.trim().toUpperCase();
    setParams(value ? { ma: value } : {}, { replace: true });
  };

  return (
    <PublicLayout>
      <PublicTitle title={t('public.lookupTitle')}>
        <Text>{t('public.lookupIntro')}</Text>
      </PublicTitle>
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <form onSubmit={submit} role="search" aria-label={t('public.lookupTitle')}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('public.code')}
                value={input}
                onChange={(e) => setInput(e.currentTarget.value)}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                style={{ flex: '1 1 220px' }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
              />
              <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} loading={track.isFetching}>
                {t('public.lookup')}
              </Button>
            </Group>
          </form>
        </Paper>

        <section aria-labelledby="tracking-result" aria-live="polite">
          {code && (track.data || track.isError) && (
            <Stack gap="sm">
              <Title order={2} size="h3" id="tracking-result">
                {t('public.result')}
              </Title>
              {notFound ? (
                <Alert color="red" role="alert">
                  {t('public.notFound')}
                </Alert>
              ) : track.isError ? (
                <Alert color="red" role="alert">
                  {track.error.message}
                </Alert>
              ) : (
                track.data && (
                  <Paper withBorder p="lg" radius="md" data-testid="tracking-result">
                    <Stack gap="sm">
                      <Group gap="sm">
                        <Text fw={600}>{t('public.code')}:</Text>
                        <Text ff="monospace" fw={700}>
                          {track.data.trackingCode}
                        </Text>
                      </Group>
                      <Group gap="sm">
                        <Text fw={600}>{t('public.statusLabel')}:</Text>
                        <FeedbackStatusBadge status={track.data.status} size="lg" />
                      </Group>
                      <Divider />
                      {track.data.answer ? (
                        <div>
                          <Title order={3} size="h4">
                            {t('public.answer')}
                          </Title>
                          {track.data.answeredAt && (
                            <Text size="sm" c="dimmed">
                              {t('public.answeredAt', { date: formatDateTime(track.data.answeredAt) })}
                            </Text>
                          )}
                          <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="tracking-answer">
                            {track.data.answer}
                          </Text>
                        </div>
                      ) : (
                        <Text>{t('public.noAnswerYet')}</Text>
                      )}
                    </Stack>
                  </Paper>
                )
              )}
            </Stack>
          )}
        </section>

        <PublishedList />
      </Stack>
    </PublicLayout>
  );
}

/** Questions and answers the focal department chose to publish (no sender data). */
function PublishedList() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const published = usePublishedFeedbackQuery(page);
  const data = published.data;
  return (
    <TitledSection id="published-title" title={t('public.publishedTitle')} size="h3" mb="sm">
      {!data ? null : data.data.length === 0 ? (
        <Text>{t('public.publishedNone')}</Text>
      ) : (
        <Stack gap="md">
          {data.data.map((f) => (
            <Paper key={f.id} withBorder p="md" radius="md" component="article" aria-labelledby={`pub-${f.id}`}>
              <Stack gap={6}>
                <Title order={3} size="h5" id={`pub-${f.id}`}>
                  {f.subject}
                </Title>
                <Group gap="xs">
                  {f.category && (
                    <Badge variant="outline" size="sm" tt="none">
                      {t(`feedback.category.${f.category}`)}
                    </Badge>
                  )}
                  {f.planItem && (
                    <Text size="sm">
                      {t('public.planItem')}: {itemRefText(f.planItem)}
                    </Text>
                  )}
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span fw={600} size="sm">
                    {t('public.question')}:{' '}
                  </Text>
                  {f.text}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span fw={600} size="sm">
                    {t('public.answer')}
                    {f.answeredAt ? ` (${formatDate(vietnamDate(new Date(f.answeredAt)))})` : ''}:{' '}
                  </Text>
                  {f.answer}
                </Text>
              </Stack>
            </Paper>
          ))}
          {data.page.total > data.page.pageSize && (
            <Pagination total={Math.ceil(data.page.total / data.page.pageSize)} value={page} onChange={setPage} />
          )}
        </Stack>
      )}
    </TitledSection>
  );
}
