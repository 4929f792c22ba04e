import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Going to another page of the app with unsaved edits asks first: stay, leave, or (when saving
 * can still work) save and leave.
 */
export function LeaveGuard({ dirty, canSave, onSave }: { dirty: boolean; canSave: boolean; onSave: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('reporting.report.leaveTitle')} centered>
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
              onClick={async () => {
                if (await onSave()) blocker.proceed?.();
                else blocker.reset?.();
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
