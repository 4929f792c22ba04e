import { Button } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CycleUnitDto } from '../../../shared/contracts/reporting';
import { useSendRemindersMutation } from './api';
import { notify } from './ui';

/** "Nhắc": reminds one unit that has not submitted (in-app, and by e-mail when configured). */
export function RemindButton({ cycleId, unit, onSent }: { cycleId: string; unit: CycleUnitDto; onSent?: () => void }) {
  const { t } = useTranslation();
  const send = useSendRemindersMutation(cycleId);
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconBell size={14} aria-hidden />}
      loading={send.isPending}
      aria-label={t('reporting.board.remindOneLabel', { unit: unit.fullName })}
      onClick={() =>
        send.mutate(
          { orgUnitIds: [unit.id] },
          {
            onSuccess: (result) => {
              onSent?.();
              notify(
                result.data.length
                  ? t('reporting.board.remindedOne', { unit: unit.fullName })
                  : t('reporting.board.remindOneNone', { unit: unit.fullName }),
              );
            },
            onError: (error) => notify(error.message, { color: 'red.9' }),
          },
        )
      }
    >
      {t('reporting.board.remindOne')}
    </Button>
  );
}
