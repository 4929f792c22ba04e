import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation';
import { formatDateTime } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { useConsolidationQuery, useGenerateMutation, useRenderMutation } from './api';
import { ApprovalPanel } from './ApprovalPanel';
import { DraftIndicatorTable, DraftUnitsTable } from './DraftTables';
import { JobProgress, SaveBadge, SinceLast } from './DraftStatus';
import { Paragraphs } from './Paragraphs';
import { SettingsForm } from './SettingsForm';
import { useDraftAutosave } from './useDraftAutosave';

/**
 * The focal officer's editor: generate or refresh the draft (a job with progress), edit, reorder,
 * remove and add paragraphs (each shows its source unit), saved as it is edited, then make and
 * download the Word file. Leaders see the same page read-only.
 */
export function ConsolidationPage() {
  const { cycleId = '' } = useParams();
  const query = useConsolidationQuery(cycleId);
  return (
    <Stack component="main" p="md" gap="md">
      <Anchor component={Link} to="/tong-hop" size="sm">
        ← <BackLabel />
      </Anchor>
      <QueryState query={query}>{(draft) => <Editor cycleId={cycleId} draft={draft} />}</QueryState>
    </Stack>
  );
}

function BackLabel() {
  const { t } = useTranslation();
  return <>{t('consolidation.back')}</>;
}

function Editor({ cycleId, draft }: { cycleId: string; draft: ConsolidationDto | null }) {
  const { t } = useTranslation();
  const generate = useGenerateMutation(cycleId);
  const render = useRenderMutation(cycleId);
  const [includeSubmitted, setIncludeSubmitted] = useState(draft?.includeSubmitted ?? false);
  const save = useDraftAutosave(cycleId, draft);
  const can = useCan();
  // Before the first draft there are no abilities yet: a leader reads, only the focal department generates.
  const canEdit = draft?.abilities.canEdit ?? can('consolidation.edit');
  const job = draft?.job;
  const running = job && (job.status === 'queued' || job.status === 'running');
  const year = draft?.year;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {year ? t('consolidation.title', { year }) : t('consolidation.listTitle')}
        </Title>
        {draft && canEdit && <SaveBadge state={save.state} />}
      </Group>

      {canEdit && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Checkbox
              label={t('consolidation.includeSubmitted')}
              checked={includeSubmitted}
              onChange={(e) => setIncludeSubmitted(e.currentTarget.checked)}
            />
            {draft && includeSubmitted !== draft.includeSubmitted && (
              <Text size="sm" c="orange.9">
                {t('consolidation.includeSubmittedPending')}
              </Text>
            )}
            <Group gap="sm">
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={generate.isPending}
                disabled={Boolean(running)}
                onClick={() => generate.mutate({ includeSubmitted })}
              >
                {draft ? t('consolidation.regenerate') : t('consolidation.generate')}
              </Button>
              {draft && draft.status === 'ready' && (
                <Button
                  variant="light"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  loading={render.isPending}
                  disabled={Boolean(running) || save.state !== 'saved'}
                  onClick={() => render.mutate()}
                >
                  {t('consolidation.renderDocx')}
                </Button>
              )}
              {draft && (
                <Button
                  component="a"
                  variant="default"
                  href={`/api/v1/cycles/${cycleId}/export.xlsx`}
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                >
                  {t('consolidation.exportXlsx')}
                </Button>
              )}
            </Group>
            {generate.error && (
              <Alert color="red" role="alert">
                {generate.error.message}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}

      {job && <JobProgress job={job} cycleId={cycleId} />}

      {!draft && <Text>{t(canEdit ? 'consolidation.notGenerated' : 'consolidation.notGeneratedReader')}</Text>}

      {draft && (
        <>
          {save.error && (
            <Alert color="red" role="alert" title={t('consolidation.saveFailed', { message: save.error })}>
              <Button size="xs" variant="light" onClick={() => save.reload()}>
                {t('consolidation.reload')}
              </Button>
            </Alert>
          )}
          <SinceLast draft={draft} />
          {draft.status === 'ready' && (
            <ApprovalPanel cycleId={cycleId} draft={draft} isSaved={!canEdit || save.state === 'saved'} />
          )}
          {canEdit && <SettingsForm draft={draft} onChange={(settings) => save.setSettings(settings)} />}
          <Paragraphs draft={draft} canEdit={canEdit} save={save} />
          <DraftIndicatorTable draft={draft} />
          <DraftUnitsTable draft={draft} />
          {draft.documents.length > 0 && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('consolidation.documents')}
              </Title>
              <Stack gap={4}>
                {draft.documents.map((d) => (
                  <Group key={d.id} gap="sm">
                    <Anchor href={`/api/v1/cycles/${cycleId}/consolidation/documents/${d.id}`} download={d.fileName}>
                      {d.fileName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(d.createdAt)} · SHA-256 {d.sha256.slice(0, 12)}… ·{' '}
                      {d.isCurrent
                        ? t('consolidation.current')
                        : t('consolidation.outdated', { version: d.sourceVersion })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
