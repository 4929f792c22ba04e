import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconCheck, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AmendmentChangeDto, AmendmentDto } from '../../../shared/contracts/amendments';
import { formatDate, formatDateTime } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { Fact } from '../../components/Fact';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryState } from '../../components/QueryState';
import { firstUnsettled } from '../feedback/components/queries';
import { useCan } from '../auth/useAuth';
import { useCurrentPlanForPickers } from '../feedback/api';
import { parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { itemRefText } from '../feedback/components/planItems';
import { useAmendmentQuery, useApproveAmendmentMutation, useRejectAmendmentMutation, useSubmitAmendmentMutation } from './api';
import { AmendmentStatusBadge } from './AmendmentStatusBadge';

/** One proposal (/sua-doi/:id): its changes and grounds, and the next step for whoever may take it. */
export function AmendmentPage() {
  const { id } = useParams();
  const { id: planId, plans } = useCurrentPlanForPickers();
  const amendment = useAmendmentQuery(planId, id);
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/sua-doi">
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
  const planNumber = useCurrentPlanForPickers().plans.data?.data[0]?.number ?? '';
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
            <Button component={Link} to={`/sua-doi/${a.id}/sua`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
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
            <Button color="red.9" variant="outline" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDialog('reject')}>
              {t('amendments.reject')}
            </Button>
          )}
        </Group>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" m={0}>
          <Fact size="sm" label={t('amendments.createdBy')}>{a.createdBy?.name ?? '—'}</Fact>
          <Fact size="sm" label={t('amendments.createdAt')}>{formatDateTime(a.createdAt)}</Fact>
          <Fact size="sm" label={t('amendments.submittedAt')}>{a.submittedAt ? formatDateTime(a.submittedAt) : '—'}</Fact>
          {a.decidedAt && <Fact size="sm" label={t('amendments.decidedBy')}>{a.decidedBy?.name ?? '—'}</Fact>}
          {a.decidedAt && <Fact size="sm" label={t('amendments.decidedAt')}>{formatDateTime(a.decidedAt)}</Fact>}
          {a.documentNumber && (
            <Fact size="sm" label={t('amendments.document')}>{t('amendments.documentText', { number: a.documentNumber, date: formatDate(a.documentDate) })}</Fact>
          )}
          {a.resultingVersion && (
            <Fact size="sm" label={t('amendments.resultingVersion')}>
              {t('amendments.versionN', { n: a.resultingVersion })} ·{' '}
              <Anchor component={Link} to={`/ke-hoach/phien-ban?tu=${a.resultingVersion - 1}&den=${a.resultingVersion}`} size="sm">
                {t('amendments.seeDiff')}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        {a.decisionComment && (
          <Alert mt="md" color={a.status === 'rejected' ? 'red' : 'bio'} variant="outline" title={t('amendments.decisionComment')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.decisionComment}
            </Text>
          </Alert>
        )}
      </Paper>

      <section aria-labelledby="am-reasoning">
        <Title order={2} size="h4" id="am-reasoning" mb="xs">
          {t('amendments.reasoningTitle')}
        </Title>
        <Paper withBorder p="md">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.reasoning}</Text>
        </Paper>
      </section>

      <section aria-labelledby="am-change-list">
        <Title order={2} size="h4" id="am-change-list" mb="xs">
          {t('amendments.changesTitle', { count: a.changes.length })}
        </Title>
        <Stack gap="sm">
          {a.changes.map((c, i) => (
            <ChangeView key={i} change={c} />
          ))}
        </Stack>
      </section>

      <section aria-labelledby="am-grounds-view">
        <Title order={2} size="h4" id="am-grounds-view" mb="xs">
          {t('amendments.groundsTitle')}
        </Title>
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
      </section>

      <SubmitDialog a={a} opened={dialog === 'submit'} onClose={() => setDialog(null)} />
      <ApproveDialog a={a} opened={dialog === 'approve'} onClose={() => setDialog(null)} />
      <RejectDialog a={a} opened={dialog === 'reject'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

const OP_COLOR = { add: 'bio.7', update: 'indigo.8', remove: 'red.9' } as const;
const OP_MARK = { add: '+', update: '~', remove: '−' } as const;

/** A change in words: what is added where, what is changed, what is removed, and by whom it is carried out. */
function ChangeView({ change: c }: { change: AmendmentChangeDto }) {
  const { t } = useTranslation();
  const where =
    c.op === 'add'
      ? c.parentKey
        ? t('amendments.addUnder', { parent: c.parentKey })
        : t('amendments.addTop')
      : c.item
        ? itemRefText(c.item)
        : (c.itemKey ?? '');
  return (
    <Paper withBorder p="md" style={{ borderLeft: `5px solid var(--mantine-color-${OP_COLOR[c.op].replace('.', '-')})` }}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={OP_COLOR[c.op]} variant="filled" tt="none">
            {OP_MARK[c.op]} {t(`amendments.op.${c.op}`)}
          </Badge>
          <Text size="sm" fw={600}>
            {where}
          </Text>
          {c.newKey && (
            <Text size="xs" c="dimmed">
              ({t('amendments.newKey', { key: c.newKey })})
            </Text>
          )}
        </Group>
        {c.op !== 'remove' && (c.label || c.title || c.text) && (
          <Text size="sm">
            {(c.label || c.title) && (
              <Text span fw={700} size="sm">
                {c.label} {c.title}{' '}
              </Text>
            )}
            {c.text}
          </Text>
        )}
        {c.assignments && c.assignments.length > 0 && (
          <div>
            <Text size="xs" fw={700} c="dimmed">
              {c.op === 'update' ? t('amendments.unitsReplaced') : t('amendments.assignments')}
            </Text>
            <List size="sm" spacing={2}>
              {c.assignments.map((x) => (
                <List.Item key={`${x.orgUnit.id}-${x.role}`}>
                  {t(`amendments.${x.role}`)}: {x.orgUnit.fullName}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return (
    <Alert color="red" role="alert" title={t('amendments.actionFailed')}>
      {error.message}
    </Alert>
  );
}

function SubmitDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitAmendmentMutation(a.planId, a.id);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('amendments.submitConfirmTitle')}
      size="md"
      confirmLabel={t('amendments.submit')}
      confirmIcon={<IconSend size={16} aria-hidden />}
      loading={submit.isPending}
      onConfirm={() =>
        submit.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ color: 'bio', message: t('amendments.submitted') });
            onClose();
          },
        })
      }
    >
      <Text size="sm">{t('amendments.submitConfirm')}</Text>
      <ActionError error={submit.error} />
    </ConfirmModal>
  );
}

function ApproveDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const approve = useApproveAmendmentMutation(a.planId, a.id);
  const { plans } = useCurrentPlanForPickers();
  const next = (plans.data?.data[0]?.currentVersion ?? a.basedOnVersion) + 1;
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(todayInVietnam());
  const [comment, setComment] = useState('');
  const error = approve.error instanceof ApiError ? approve.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate(
      { documentNumber, documentDate: documentDate ?? '', comment: comment.trim() || undefined },
      {
        onSuccess: (res) => {
          notifications.show({ color: 'bio', message: t('amendments.approved', { n: res.resultingVersion ?? next }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('amendments.approveTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('amendments.approveConfirm', { n: next })}</Text>
          {error && !error.issues.length && <ActionError error={error} />}
          <TextInput
            label={t('amendments.documentNumber')}
            description={t('amendments.documentNumberHint')}
            required
            maxLength={100}
            value={documentNumber}
            onChange={(e) => setDocumentNumber(e.currentTarget.value)}
            error={error?.fieldError('documentNumber')}
            data-autofocus
          />
          <DateInput
            label={t('amendments.documentDate')}
            description={t('amendments.dateHint')}
            required
            value={documentDate}
            onChange={setDocumentDate}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVietnameseDate}
            locale={i18n.language === 'en' ? 'en' : 'vi'}
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={error?.fieldError('documentDate')}
            popoverProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('amendments.commentOptional')}
            autosize
            minRows={2}
            maxLength={LIMITS.reason}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error?.fieldError('comment')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={approve.isPending} leftSection={<IconCheck size={16} aria-hidden />}>
              {t('amendments.approveAction', { n: next })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RejectDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reject = useRejectAmendmentMutation(a.planId, a.id);
  const [comment, setComment] = useState('');
  const error = reject.error instanceof ApiError ? reject.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate(
      { comment },
      {
        onSuccess: () => {
          notifications.show({ color: 'bio', message: t('amendments.rejected') });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('amendments.rejectTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('amendments.rejectConfirm')}</Text>
          {error && !error.issues.length && <ActionError error={error} />}
          <Textarea
            label={t('amendments.comment')}
            required
            autosize
            minRows={3}
            maxLength={LIMITS.reason}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error?.fieldError('comment')}
            data-autofocus
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={reject.isPending} leftSection={<IconX size={16} aria-hidden />}>
              {t('amendments.rejectAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
