import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { formatDateTime } from '../../../shared/format';
import { dropLocalDraft, readLocalDraft, type LocalDraft } from './localDraft';
import type { Draft } from './reportDraft';

/**
 * Edits kept in this browser that never reached the server (the connection dropped, the tab was
 * closed): offered back when the report is opened again, with a warning when the report was
 * changed since they were made.
 */
export function LocalDraftOffer({
  report,
  current,
  onRestore,
}: {
  report: ReportDto;
  current: Draft;
  onRestore: (draft: Draft) => void;
}) {
  const { t } = useTranslation();
  const [kept, setKept] = useState<LocalDraft | null>(() => {
    const found = readLocalDraft(report.id);
    // Nothing to offer when what is kept equals what the server has.
    if (found && JSON.stringify(found.draft) === JSON.stringify(current)) {
      dropLocalDraft(report.id);
      return null;
    }
    return found;
  });
  if (!kept) return null;
  const older = kept.version < report.version;
  return (
    <Alert
      color={older ? 'red.9' : 'blue.9'}
      variant="outline"
      role="alert"
      icon={<IconDeviceFloppy aria-hidden />}
      title={t('reporting.offline.restoreTitle')}
      data-testid="local-draft"
    >
      <Text size="sm">{t('reporting.offline.restoreBody', { at: formatDateTime(kept.at) })}</Text>
      {older && (
        <Text size="sm" mt={4}>
          {t('reporting.offline.restoreOlder', { from: kept.version, to: report.version })}
        </Text>
      )}
      <Group gap="sm" mt="sm">
        <Button
          size="sm"
          onClick={() => {
            onRestore(kept.draft);
            setKept(null);
          }}
        >
          {t('reporting.offline.restore')}
        </Button>
        <Button
          size="sm"
          variant="subtle"
          onClick={() => {
            dropLocalDraft(report.id);
            setKept(null);
          }}
        >
          {t('reporting.offline.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
