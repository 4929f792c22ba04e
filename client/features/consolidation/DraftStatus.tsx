import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation';
import { formatDateTime } from '../../../shared/format';
import type { AutosaveState } from '../../hooks/useAutosave';

/** "Đã lưu" / "Đang lưu…" / "Chưa lưu" beside the title (a failed save reads "Chưa lưu"; the alert says why). */
export function SaveBadge({ state }: { state: AutosaveState }) {
  const { t } = useTranslation();
  const shown = state === 'error' ? 'unsaved' : state;
  // Shade 9 keeps white text above 4.5:1 contrast (WCAG 2.1 AA).
  const color = shown === 'saved' ? '#1f6f3a' : shown === 'saving' ? 'blue.9' : 'orange.9';
  return (
    <Badge color={color} variant="filled" size="lg" role="status" aria-live="polite">
      {t(`consolidation.${shown}`)}
    </Badge>
  );
}

/** The generation or rendering job: its progress, its note, and the Word file once made. */
export function JobProgress({ job, cycleId }: { job: NonNullable<ConsolidationDto['job']>; cycleId: string }) {
  const { t } = useTranslation();
  const done = job.status === 'succeeded';
  const failed = job.status === 'failed';
  const isRender = job.kind === 'consolidation.render';
  // "Đang tạo…" only while it runs: a finished job reads "Tạo dự thảo — Hoàn tất".
  const label = isRender
    ? t(done || failed ? 'consolidation.jobRenderEnded' : 'consolidation.jobRender')
    : t(done || failed ? 'consolidation.jobGenerateEnded' : 'consolidation.jobGenerate');
  return (
    <Paper withBorder p="md" role="status" aria-live="polite">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <Text size="sm">
            {failed
              ? t('consolidation.jobFailed', { error: job.error ?? '' })
              : done
                ? t('consolidation.jobDone')
                : (job.progressNote ?? '')}
          </Text>
        </Group>
        <Progress
          value={job.progress}
          color={failed ? 'red' : done ? 'green' : 'blue'}
          aria-label={`${label}: ${job.progress}%`}
          animated={!done && !failed}
        />
        {done && job.kind === 'consolidation.render' && job.documentId && (
          <Button
            component="a"
            href={`/api/v1/cycles/${cycleId}/consolidation/documents/${job.documentId}`}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
            w="fit-content"
          >
            {t('consolidation.downloadDocx')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** When the draft was generated and what came in since the previous generation. */
export function SinceLast({ draft }: { draft: ConsolidationDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {draft.generatedAt
          ? t('consolidation.generatedAt', { generation: draft.generation, at: formatDateTime(draft.generatedAt) })
          : ''}
        {draft.removedCount > 0 ? ` · ${t('consolidation.removedCount', { count: draft.removedCount })}` : ''}
      </Text>
      {draft.generation > 1 && (
        <Alert
          color={draft.sinceLast.added + draft.sinceLast.updated > 0 ? 'blue' : 'gray'}
          title={t('consolidation.sinceLastTitle')}
        >
          {draft.sinceLast.added + draft.sinceLast.updated > 0
            ? t('consolidation.sinceLast', {
                added: draft.sinceLast.added,
                updated: draft.sinceLast.updated,
                units: draft.sinceLast.units.join(', '),
              })
            : t('consolidation.nothingNew')}
        </Alert>
      )}
    </Stack>
  );
}
