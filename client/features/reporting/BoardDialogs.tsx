import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessUnitDto, CycleDto } from '../../../shared/contracts/reporting';
import { formatDate, parseVietnameseDate } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { addDays } from '../../../shared/deadlines';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useBulkAcceptMutation, useCreateExtensionMutation } from './api';
import { notify } from './ui';

/** Accepts the selected submitted reports at once; failures are listed in a toast that stays. */
export function BulkAcceptModal({
  rows,
  onClose,
  onDone,
}: {
  rows: CompletenessUnitDto[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const accept = useBulkAcceptMutation();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('reporting.board.bulkTitle', { count: rows.length })}
      confirmLabel={t('reporting.board.bulkAccept', { count: rows.length })}
      loading={accept.isPending}
      onConfirm={() =>
        accept.mutate(
          rows.map((row) => row.reportId!),
          {
            onSuccess: (result) => {
              notify(t('reporting.board.bulkDone', { count: result.accepted.length }));
              if (result.failed.length) {
                notify(result.failed.map((failure) => failure.message).join('; '), {
                  color: 'red',
                  title: t('reporting.board.bulkFailed', { count: result.failed.length }),
                  autoClose: false,
                });
              }
              onDone();
              onClose();
            },
          },
        )
      }
    >
      <Text>{t('reporting.board.bulkConfirm')}</Text>
      <List size="sm" spacing={2}>
        {rows.map((row) => (
          <List.Item key={row.reportId}>{row.unit.fullName}</List.Item>
        ))}
      </List>
      {accept.error && (
        <Alert color="red.9" variant="outline" role="alert">
          {accept.error.message}
        </Alert>
      )}
    </ConfirmModal>
  );
}

/** Gives one unit a later deadline, with a reason. */
export function ExtensionModal({
  cycle,
  row,
  onClose,
}: {
  cycle: CycleDto;
  row: CompletenessUnitDto;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const extend = useCreateExtensionMutation(cycle.id);
  const [deadline, setDeadline] = useState<string | null>(addDays(row.deadline, 7));
  const [reason, setReason] = useState('');
  const apiError = extend.error instanceof ApiError ? extend.error : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reporting.board.extendTitle', { unit: row.unit.fullName })}
      centered
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!deadline) return;
          extend.mutate(
            { orgUnitId: row.unit.id, deadline, reason },
            {
              onSuccess: (extension) => {
                notify(
                  t('reporting.board.extended_done', { unit: row.unit.fullName, date: formatDate(extension.deadline) }),
                );
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {apiError && !apiError.issues.length && (
            <Alert color="red.9" variant="outline" role="alert">
              {apiError.message}
            </Alert>
          )}
          <Text size="sm">
            {t('reporting.board.deadline')}: {formatDate(row.deadline)}
          </Text>
          <DateInput
            label={t('reporting.board.newDeadline')}
            description={t('reporting.cycles.dateHint')}
            required
            valueFormat="DD/MM/YYYY"
            dateParser={parseVietnameseDate}
            locale={i18n.language === 'en' ? 'en' : 'vi'}
            minDate={addDays(cycle.deadline, 1)}
            leftSection={<IconCalendar size={16} aria-hidden />}
            value={deadline}
            onChange={setDeadline}
            error={apiError?.fieldError('deadline')}
            popoverProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('reporting.expected.reason')}
            description={t('reporting.board.extendReasonHint')}
            required
            maxLength={LIMITS.reason}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={apiError?.fieldError('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={extend.isPending} disabled={!deadline || reason.trim().length < 3}>
              {t('reporting.board.extend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
