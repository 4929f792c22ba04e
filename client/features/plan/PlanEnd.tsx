import { Alert, Button, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummaryDto } from '../../../shared/contracts/plans';
import { LIMITS } from '../../../shared/limits';
import { parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useEndPlanMutation } from './api';

/**
 * "Kết thúc kế hoạch": the plan's focal department (or the administrator) ends a plan that no
 * other plan replaces, from a day and with the reason, after a dialog naming the plan. The plan
 * stays readable with its cycles and reports.
 */
export function EndPlanButton({ plan }: { plan: PlanSummaryDto }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [endedOn, setEndedOn] = useState<string | null>(todayInVietnam());
  const [reason, setReason] = useState('');
  const end = useEndPlanMutation(plan.id);
  const err = end.error instanceof ApiError ? end.error : null;
  if (plan.endedOn || plan.replacedBy) return null;
  return (
    <>
      <Button
        variant="outline"
        color="red.9"
        leftSection={<IconCircleX size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('plan.end')}
      </Button>
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('plan.endTitle', { number: plan.number })}
        confirmLabel={t('plan.endConfirm')}
        color="red.9"
        loading={end.isPending}
        confirmDisabled={!endedOn || reason.trim().length < 3}
        onConfirm={() =>
          end.mutate(
            { endedOn: endedOn ?? '', reason },
            {
              onSuccess: () => {
                setOpen(false);
                notifications.show({ color: 'bio', message: t('plan.endDone', { number: plan.number }) });
              },
            },
          )
        }
      >
        <Text size="sm" fw={600}>
          {`${plan.number} — ${plan.title}`}
        </Text>
        {err && !err.issues.length && (
          <Alert color="red.9" variant="outline" role="alert">
            {err.message}
          </Alert>
        )}
        <DateInput
          label={t('plan.endedOn')}
          value={endedOn}
          onChange={setEndedOn}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVietnameseDate}
          locale={i18n.language === 'en' ? 'en' : 'vi'}
          leftSection={<IconCalendar size={16} aria-hidden />}
          required
          error={err?.fieldError('endedOn')}
          popoverProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('plan.endReason')}
          description={t('plan.endReasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={LIMITS.reason}
          required
          autosize
          minRows={2}
          error={err?.fieldError('reason')}
        />
        <Text size="sm">{t('plan.endWarn')}</Text>
      </ConfirmModal>
    </>
  );
}
