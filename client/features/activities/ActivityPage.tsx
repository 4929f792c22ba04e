import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ACTIVITY_LIMITS, type ActivityDto, type ActivityHistoryEntry } from '../../../shared/contracts/activities';
import { formatDate, formatDateTime, formatNumber, parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { PATHS } from '../../../shared/routes';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { TitledSection } from '../../components/TitledSection';
import { useMeQuery } from '../auth/useAuth';
import { ActivityForm, toRequest, type ActivityFormValues } from './ActivityForm';
import { fileUrl, useActivityQuery, useAddNoteMutation, useUpdateActivityMutation } from './api';
import { STATUS_COLORS, useActivityLabels } from './labels';

/** An activity (/hoat-dong/:id): its details, progress notes and the history of its changes. */
export function ActivityPage() {
  const { id } = useParams();
  const query = useActivityQuery(id);
  return <QueryState query={query}>{(a) => <ActivityView key={a.id} activity={a} />}</QueryState>;
}

function ActivityView({ activity: a }: { activity: ActivityDto }) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const me = useMeQuery();
  const back = me.data?.user.role === 'unit' ? PATHS.myActivities : PATHS.activitiesAll;
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<ActivityFormValues | null>(null);
  const update = useUpdateActivityMutation(a.id);
  const save = (v: ActivityFormValues) =>
    update.mutate({ version: a.version, ...toRequest(v) }, { onSuccess: () => setEditing(false) });
  const none = '—';
  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to={back} size="sm">
        ← {t('activities.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {a.title}
        </Title>
        <Group gap="xs" mt={4}>
          <Text c="dimmed">{a.unit.name}</Text>
          <Badge variant="light" color={STATUS_COLORS[a.status]}>
            {labels.status(a.status)}
          </Badge>
          {a.overdue && (
            <Badge color="red.9" variant="filled">
              {t('activities.overdue')}
            </Badge>
          )}
        </Group>
      </div>
      {!a.abilities.canEdit && <Alert>{t('activities.readOnly', { unit: a.unit.name })}</Alert>}
      <TitledSection id="activity-details" title={t('activities.details')}>
        <Paper withBorder p="md">
          {editing ? (
            <ActivityForm
              initial={{
                title: a.title,
                planItemKeys: a.planItemKeys,
                coordinatingUnits: a.coordinatingUnits,
                period: a.period,
                budget: a.budget,
                budgetSource: a.budgetSource,
                expectedOutput: a.expectedOutput,
                status: a.status,
                statusReason: a.statusReason,
              }}
              submitLabel={t('activities.save')}
              submitting={update.isPending}
              error={update.error}
              onSubmit={(v) => (v.status === 'cancelled' && a.status !== 'cancelled' ? setPending(v) : save(v))}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
                <Fact label={t('activities.field.planItems')}>
                  {a.planItems.map((i) => `${i.key}${i.title ? ` ${i.title}` : ''}`).join('; ')}
                </Fact>
                <Fact label={t('activities.field.coordinating')}>
                  {a.coordinatingUnits.map((u) => u.name).join('; ') || none}
                </Fact>
                <Fact label={t('activities.field.periodKind')}>{labels.period(a.period)}</Fact>
                <Fact label={t('activities.field.budget')}>
                  {a.budget === null
                    ? none
                    : [formatNumber(a.budget), a.budgetSource && labels.source(a.budgetSource)]
                        .filter(Boolean)
                        .join(' · ')}
                </Fact>
                <Fact label={t('activities.field.expectedOutput')}>{a.expectedOutput || none}</Fact>
                {a.statusReason && <Fact label={t('activities.field.statusReason')}>{a.statusReason}</Fact>}
              </SimpleGrid>
              {a.abilities.canEdit && (
                <Group>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('activities.edit')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Paper>
      </TitledSection>
      <TitledSection id="activity-notes" title={t('activities.notes')}>
        <Stack gap="sm">
          {a.abilities.canEdit && <NoteForm activityId={a.id} />}
          {a.notes.length === 0 ? (
            <Alert>{t('activities.noNotes')}</Alert>
          ) : (
            <Stack gap="xs" data-testid="activity-notes">
              {a.notes.map((n) => (
                <Paper withBorder p="sm" key={n.id}>
                  <Group justify="space-between" gap="xs">
                    <Text fw={600} size="sm">
                      {formatDate(n.date)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {n.author ?? none}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.text}
                  </Text>
                  {n.files.map((f) => (
                    <Anchor key={f.id} href={fileUrl(a.id, f.id)} size="sm" display="block">
                      {f.fileName}
                    </Anchor>
                  ))}
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      </TitledSection>
      <TitledSection id="activity-history" title={t('activities.history')}>
        <History history={a.history} />
      </TitledSection>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('activities.confirmCancelTitle')}
        confirmLabel={t('activities.confirmCancelOk')}
        color="red"
        loading={update.isPending}
        onConfirm={() => {
          if (pending) save(pending);
          setPending(null);
        }}
      >
        <Text>{t('activities.confirmCancel')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function NoteForm({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const add = useAddNoteMutation(activityId);
  const [date, setDate] = useState(formatDate(todayInVietnam()));
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [badDate, setBadDate] = useState(false);
  const fieldError = (path: string) => (add.error instanceof ApiError ? add.error.fieldError(path) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = parseVietnameseDate(date);
    setBadDate(!iso);
    if (!iso) return;
    add.mutate(
      { date: iso, text, files },
      {
        onSuccess: () => {
          setText('');
          setFiles([]);
        },
      },
    );
  };
  const fileError =
    add.error instanceof ApiError ? add.error.issues.find((i) => i.path.startsWith('files'))?.message : undefined;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600}>{t('activities.addNote')}</Text>
          <TextInput
            label={t('activities.noteDate')}
            description={t('activities.noteDateHint')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={badDate ? t('activities.badDate') : fieldError('date')}
            maw={220}
          />
          <Textarea
            label={t('activities.noteText')}
            required
            autosize
            minRows={3}
            maxLength={ACTIVITY_LIMITS.note}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError('text')}
          />
          <FileInput
            label={t('activities.noteFiles')}
            multiple
            clearable
            value={files}
            onChange={setFiles}
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
            error={fileError}
          />
          {add.error && !(add.error instanceof ApiError && add.error.issues.length) && (
            <Text c="red" size="sm" role="alert">
              {add.error.message}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('activities.saveNote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join(', ');
  if (typeof value === 'object') return Object.values(value).map(show).join(' · ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '—';
}

const FIELD_KEYS: Record<string, string> = {
  title: 'activities.field.title',
  planItemKeys: 'activities.field.planItems',
  coordinatingUnitIds: 'activities.field.coordinating',
  period: 'activities.field.periodKind',
  budget: 'activities.field.budget',
  budgetSource: 'activities.field.budgetSource',
  expectedOutput: 'activities.field.expectedOutput',
  status: 'activities.field.status',
  statusReason: 'activities.field.statusReason',
  note: 'activities.notes',
};

/** Who changed what and when, read from the audit log (as the enterprise record's history). */
function History({ history }: { history: ActivityHistoryEntry[] }) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  if (history.length === 0) return <Alert>{t('activities.noHistory')}</Alert>;
  const shown = (field: string, v: unknown) => {
    if (field === 'period' && v && typeof v === 'object') return labels.period(v as never);
    if (field === 'status' && typeof v === 'string') return labels.status(v as never);
    if (field === 'budgetSource' && typeof v === 'string') return labels.source(v as never);
    if (field === 'budget' && typeof v === 'number') return formatNumber(v);
    if (field === 'note' && v && typeof v === 'object') {
      const n = v as { date?: string; text?: string; files?: string[] };
      return [formatDate(n.date), n.text, ...(n.files ?? [])].filter(Boolean).join(' · ');
    }
    return show(v);
  };
  return (
    <Stack gap="xs" data-testid="activity-history">
      {[...history].reverse().map((h, i) => (
        <Paper withBorder p="xs" key={`${h.at}-${i}`}>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" fw={600}>
              {t(`activities.action.${h.action}`, { defaultValue: h.action })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at)} · {h.actor ?? '—'}
            </Text>
          </Group>
          {Object.entries(h.changes).map(([field, c]) => (
            <Text size="xs" key={field} style={{ overflowWrap: 'anywhere' }}>
              {t(FIELD_KEYS[field] ?? field)}:{' '}
              {h.action === 'activity.update' ? `${shown(field, c.from)} → ${shown(field, c.to)}` : shown(field, c.to)}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}
