import { Button, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleUnitDto } from '../../../shared/contracts/reporting';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useSendRemindersMutation } from './api';
import { notify } from './ui';

/**
 * "Nhắc": reminds one unit that has not submitted (in-app, and by e-mail when configured). A
 * reminder reaches people, so it is sent only once confirmed, like the bulk one.
 */
export function RemindButton({ cycleId, unit, onSent }: { cycleId: string; unit: CycleUnitDto; onSent?: () => void }) {
  const { t } = useTranslation();
  const send = useSendRemindersMutation(cycleId);
  const [isAsking, setAsking] = useState(false);
  const confirm = () =>
    send.mutate(
      { orgUnitIds: [unit.id] },
      {
        onSuccess: (result) => {
          setAsking(false);
          onSent?.();
          notify(
            result.data.length
              ? t('reporting.board.remindedOne', { unit: unit.fullName })
              : t('reporting.board.remindOneNone', { unit: unit.fullName }),
          );
        },
        onError: (error) => notify(error.message, { color: 'red.9' }),
      },
    );
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconBell size={14} aria-hidden />}
        aria-label={t('reporting.board.remindOneLabel', { unit: unit.fullName })}
        onClick={() => setAsking(true)}
      >
        {t('reporting.board.remindOne')}
      </Button>
      <ConfirmModal
        opened={isAsking}
        onClose={() => setAsking(false)}
        size="md"
        title={t('reporting.board.remindOneTitle', { unit: unit.fullName })}
        confirmLabel={t('reporting.board.remindOneConfirmButton')}
        confirmIcon={<IconBell size={16} aria-hidden />}
        loading={send.isPending}
        onConfirm={confirm}
      >
        <Text size="sm">{t('reporting.board.remindOneConfirm', { unit: unit.fullName })}</Text>
      </ConfirmModal>
    </>
  );
}
