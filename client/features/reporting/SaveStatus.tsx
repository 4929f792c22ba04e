import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload, IconLoader2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import type { AutosaveState } from '../../hooks/useAutosave';

const ICONS: Record<AutosaveState, typeof IconCheck> = {
  saved: IconCheck,
  saving: IconLoader2,
  error: IconAlertTriangle,
  unsaved: IconCloudUpload,
};

/** "Đã lưu (30/11/2026 10:15)" / "Đang lưu…" / "Chưa lưu" / "Lưu không thành công — Thử lại", above and below the report form. */
export function SaveStatus({
  state,
  savedAt,
  onRetry,
  compact,
}: {
  state: AutosaveState;
  savedAt: string | null;
  onRetry: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const Icon = ICONS[state];
  const color = state === 'saved' ? 'bio.8' : state === 'error' ? 'red.9' : 'gray.8';
  return (
    <Group gap={6} c={color} data-testid={compact ? undefined : 'save-status'} data-state={state}>
      <Icon size={16} aria-hidden />
      {/* Announced to screen readers once (the compact copy at the bottom stays silent). */}
      <Text size="sm" fw={600} role={compact ? undefined : 'status'} aria-live={compact ? undefined : 'polite'}>
        {t(`reporting.report.save.${state}`)}
        {state === 'saved' && savedAt && !compact && (
          <VisuallyHidden> — {t('reporting.report.save.savedAt', { at: formatDateTime(savedAt) })}</VisuallyHidden>
        )}
      </Text>
      {state === 'saved' && savedAt && (
        <Text size="sm" c="gray.8" aria-hidden>
          ({formatDateTime(savedAt)})
        </Text>
      )}
      {state === 'error' && (
        <Button size="compact-xs" variant="subtle" onClick={onRetry}>
          {t('reporting.report.save.retry')}
        </Button>
      )}
    </Group>
  );
}
