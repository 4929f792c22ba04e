import { Button, Group, Modal, Stack, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A confirmation dialog: title, explanation (and any extra fields), cancel and confirm. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  confirmIcon,
  onConfirm,
  loading,
  confirmDisabled,
  color,
  size = 'lg',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  onConfirm: () => void;
  loading?: boolean;
  confirmDisabled?: boolean;
  color?: string;
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size={size}>
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={onConfirm}
            loading={loading}
            disabled={confirmDisabled}
            color={color}
            leftSection={confirmIcon}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
