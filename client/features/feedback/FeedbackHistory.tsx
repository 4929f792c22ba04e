import { Group, List, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type FeedbackDto, type FeedbackEventDto } from '../../../shared/contracts/feedback';
import { formatDateTime } from '../../../shared/format';

/** Every step of the item, oldest first, with the fields each triage changed. */
export function History({ item }: { item: FeedbackDto }) {
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

/** A stored event value as text: primitives as themselves, anything else as JSON. */
function plain(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
    return String(v);
  return JSON.stringify(v);
}

export function EventTitle({ event }: { event: FeedbackEventDto }) {
  const { t } = useTranslation();
  const d = event.data ?? {};
  const known = ['created', 'triaged', 'report_updated', 'linked_to_amendment', 'answered_by_amendment'];
  return (
    <Text size="sm" fw={600}>
      {known.includes(event.action)
        ? t(`feedback.event.${event.action}`, {
            summary: plain(d.summary),
            documentNumber: plain(d.documentNumber),
            versionNumber: plain(d.versionNumber),
          })
        : event.action}
    </Text>
  );
}

export function TriageChanges({ event, item }: { event: FeedbackEventDto; item: FeedbackDto }) {
  const { t } = useTranslation();
  const changes = (event.data ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('feedback.empty');
    if (field === 'status') return t(`feedback.status.${plain(v)}`);
    if (field === 'category') return t(`feedback.category.${plain(v)}`);
    if (field === 'isPublished') return v ? t('common.yes') : t('common.no');
    if (field === 'forwardedToUnitId')
      return v === item.forwardedToUnit?.id ? item.forwardedToUnit.fullName : t('feedback.unitChanged');
    return plain(v);
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
