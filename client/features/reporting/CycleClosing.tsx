import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { useCycleStepMutation } from './api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify, usePeriodPhrase } from './ui';

/** An open cycle can be closed (confirmed first); a closed one says so and can be reopened. */
export function CycleClosing({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const period = usePeriodPhrase()(cycle);
  const close = useCycleStepMutation(cycle.id, 'close');
  const reopen = useCycleStepMutation(cycle.id, 'reopen');
  // The step being confirmed, fixed when the dialog opens (the cycle's status changes under it).
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  const step = cycle.status === 'closed' ? 'reopen' : 'close';
  const allowed = step === 'close' ? cycle.abilities.canClose : cycle.abilities.canReopen;
  const change = confirming === 'reopen' ? reopen : close;
  const k = (key: string) => `reporting.cycles.${confirming === 'reopen' ? 'reopen' : 'close'}${key}`;
  if (cycle.status !== 'closed' && !allowed) return null;
  return (
    <>
      <Paper withBorder p="md" className={cycle.status === 'closed' ? 'mine-item' : undefined}>
        <Group justify={cycle.status === 'closed' ? 'space-between' : 'flex-end'} gap="sm">
          {cycle.status === 'closed' && <Text fw={500}>{t('reporting.cycles.closedNote')}</Text>}
          {allowed && (
            <Button
              variant={step === 'close' ? 'outline' : 'filled'}
              color={step === 'close' ? 'red.9' : undefined}
              leftSection={
                step === 'close' ? <IconLock size={18} aria-hidden /> : <IconLockOpen size={18} aria-hidden />
              }
              onClick={() => setConfirming(step)}
            >
              {t(step === 'close' ? 'reporting.cycles.closeCycle' : 'reporting.cycles.reopenCycle')}
            </Button>
          )}
        </Group>
      </Paper>
      <ConfirmModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(k('ConfirmTitle'), { period })}
        confirmLabel={t(k('Cycle'))}
        color={confirming === 'close' ? 'red.9' : undefined}
        loading={change.isPending}
        onConfirm={() =>
          change.mutate(undefined, {
            onSuccess: () => {
              notify(
                t(confirming === 'reopen' ? 'reporting.cycles.reopened' : 'reporting.cycles.closed', {
                  period,
                }),
              );
              setConfirming(null);
            },
          })
        }
      >
        <Text>{t(k('Confirm'), { period })}</Text>
        {change.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {change.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </>
  );
}

/* ───────────────────────────── draft: details, units, open ───────────────────────────── */
