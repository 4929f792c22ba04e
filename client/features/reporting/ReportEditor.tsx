import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useAutosave } from '../../hooks/useAutosave';
import { reportingKeys, useSaveReportMutation } from './api';
import type { FieldValue } from './fields';
import { IndicatorTable } from './IndicatorTable';
import { LeaveGuard } from './LeaveGuard';
import { Narratives } from './Narratives';
import { ConflictAlert, ErrorSummary } from './ReportAlerts';
import { draftOf, payloadOf, type Draft } from './reportDraft';
import { SaveStatus } from './SaveStatus';
import { useReportSubmission } from './useReportSubmission';
import { TitledSection } from '../../components/TitledSection';

/**
 * The unit's form: saves as the user types (debounced, one save in flight, the version carried
 * from each answer), shows "Đã lưu / Đang lưu… / Chưa lưu", warns before leaving with unsaved
 * changes, offers to reload on a 409, and submits with an Idempotency-Key.
 */
export function ReportEditor({ report, onReload }: { report: ReportDto; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saveMutation = useSaveReportMutation(report.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftRef = useRef(draft);
  const autosave = useAutosave({
    version: report.version,
    warnBeforeUnload: true,
    save: (version) =>
      saveMutation.mutateAsync(payloadOf(report, draftRef.current, version)).then((saved) => {
        setSavedAt(saved.updatedAt);
        return saved.version;
      }),
    // Fetch the fresh copy now, so the page can say who saved it and when.
    onConflict: () => void queryClient.invalidateQueries({ queryKey: reportingKeys.report(report.id), exact: true }),
  });
  const submission = useReportSubmission(report.id, autosave);
  const { conflict, state: saveState } = autosave;

  const update = (change: (current: Draft) => Draft, path?: string) => {
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    if (path) submission.clearIssue(path);
    autosave.edited();
  };

  const setField = (key: string, value: FieldValue) => {
    const [code, stream] = key.split('|');
    update(
      (current) => ({ ...current, fields: { ...current.fields, [key]: value } }),
      stream ? `values.${code}.${stream}` : `values.${code}`,
    );
  };

  const dirty = saveState !== 'saved';
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  const errors = Object.fromEntries(submission.issues.map((issue) => [issue.path, issue.message]));
  const retry = () => void autosave.flush();
  const submitLabel = report.status === 'returned' ? t('reporting.report.resubmit') : t('reporting.report.submit');

  return (
    <Stack gap="lg">
      <SaveStatus state={saveState} savedAt={savedAt} onRetry={retry} />

      {conflict && (
        <ConflictAlert conflict={conflict} report={report} version={autosave.version()} onReload={onReload} />
      )}
      {autosave.error && !conflict && (
        <Alert color="red.9" variant="outline" role="alert" title={t('reporting.report.save.error')}>
          {autosave.error.message}
        </Alert>
      )}

      {(submission.issues.length > 0 || submission.submitError) && (
        <ErrorSummary issues={submission.issues} message={submission.submitError} summaryRef={submission.summaryRef} />
      )}

      <TitledSection id="report-indicators" title={t('reporting.report.indicators')} size="h3">
        <Text size="sm" mb="sm">
          {t('reporting.report.numberHint')}
        </Text>
        <IndicatorTable report={report} fields={draft.fields} onChange={setField} errors={errors} />
      </TitledSection>

      <Narratives
        report={report}
        sections={draft.sections}
        otherResults={draft.otherResults}
        proposalsToCommittee={draft.proposalsToCommittee}
        errors={errors}
        onSection={(id, part, value) =>
          update(
            (current) => ({
              ...current,
              sections: { ...current.sections, [id]: { ...current.sections[id], [part]: value } },
            }),
            `sections.${id}.${part}`,
          )
        }
        onFree={(part, value) => update((current) => ({ ...current, [part]: value }), part)}
      />

      <Paper withBorder p="md" bg="gray.0">
        <Group justify="space-between">
          <SaveStatus state={saveState} savedAt={savedAt} onRetry={retry} compact />
          {report.abilities.canSubmit && (
            <Button
              size="md"
              leftSection={<IconSend size={18} aria-hidden />}
              onClick={() => submission.setConfirming(true)}
              disabled={Boolean(conflict)}
            >
              {submitLabel}
            </Button>
          )}
        </Group>
      </Paper>

      <ConfirmModal
        opened={submission.confirming}
        onClose={() => submission.setConfirming(false)}
        title={t(report.status === 'returned' ? 'reporting.report.resubmitTitle' : 'reporting.report.submitTitle', {
          year: report.year,
        })}
        confirmLabel={submitLabel}
        loading={submission.isPending || saveState === 'saving'}
        onConfirm={() => void submission.doSubmit()}
      >
        <Text>{t('reporting.report.submitConfirm')}</Text>
      </ConfirmModal>

      <LeaveGuard blocker={blocker} canSave={!conflict} onSave={() => autosave.flush()} />
    </Stack>
  );
}
