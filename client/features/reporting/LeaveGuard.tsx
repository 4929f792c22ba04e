import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';

/**
 * The question asked when going to another page of the app with unsaved edits (the form holds
 * the blocker): stay, leave, or (when saving can still work) save and leave.
 */
export function LeaveGuard({
  blocker,
  canSave,
  onSave,
}: {
  blocker: Blocker;
  canSave: boolean;
  onSave: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('reporting.report.leaveTitle')}
      centered
    >
      <Stack>
        <Text>{t('reporting.report.leaveBody')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('reporting.report.stay')}
          </Button>
          <Button variant="outline" color="red.9" onClick={() => blocker.proceed?.()}>
            {t('reporting.report.leave')}
          </Button>
          {canSave && (
            <Button
              onClick={() => {
                void onSave().then((saved) => (saved ? blocker.proceed?.() : blocker.reset?.()));
              }}
            >
              {t('reporting.report.saveAndLeave')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
