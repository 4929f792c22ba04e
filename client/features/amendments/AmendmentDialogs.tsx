import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { blockEnterSubmit } from '../../lib/forms';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconCheck, IconSend, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentDto } from '../../../shared/contracts/amendments';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { usePlansQuery } from '../plan/api';
import { parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { useApproveAmendmentMutation, useRejectAmendmentMutation, useSubmitAmendmentMutation } from './api';

export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return (
    <Alert color="red" role="alert" title={t('amendments.actionFailed')}>
      {error.message}
    </Alert>
  );
}

export function SubmitDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
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

export function ApproveDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const approve = useApproveAmendmentMutation(a.planId, a.id);
  const latest = usePlansQuery().data?.data.find((p) => p.id === a.planId);
  const next = (latest?.scheduledVersion?.number ?? latest?.currentVersion ?? a.basedOnVersion) + 1;
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(todayInVietnam());
  // Empty: in force from the document's date.
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const error = approve.error instanceof ApiError ? approve.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate(
      {
        documentNumber,
        documentDate: documentDate ?? '',
        ...(effectiveDate ? { effectiveDate } : {}),
        comment: comment.trim() || undefined,
      },
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
      <form onSubmit={submit} onKeyDown={blockEnterSubmit} noValidate>
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
          <DateInput
            label={t('decision.effectiveDate')}
            description={t('decision.effectiveDateHint')}
            clearable
            value={effectiveDate}
            onChange={setEffectiveDate}
            minDate={documentDate ?? undefined}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVietnameseDate}
            locale={i18n.language === 'en' ? 'en' : 'vi'}
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={error?.fieldError('effectiveDate')}
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

export function RejectDialog({ a, opened, onClose }: { a: AmendmentDto; opened: boolean; onClose: () => void }) {
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
      <form onSubmit={submit} onKeyDown={blockEnterSubmit} noValidate>
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
            <Button
              type="submit"
              color="red.9"
              loading={reject.isPending}
              leftSection={<IconX size={16} aria-hidden />}
            >
              {t('amendments.rejectAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
