import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSend, IconWifiOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { TitledSection } from '../../components/TitledSection';
import { useAutosave } from '../../hooks/useAutosave';
import { reportingKeys, useSaveReportMutation } from './api';
import { useReportDerivedQuery } from './prefillApi';
import { unreadableFields, type FieldValue } from './fields';
import { IndicatorTable } from './IndicatorTable';
import { LeaveGuard } from './LeaveGuard';
import { dropLocalDraft, keepLocalDraft } from './localDraft';
import { LocalDraftOffer } from './LocalDraftOffer';
import { Narratives } from './Narratives';
import { ConflictAlert, ErrorSummary } from './ReportAlerts';
import { ReportFiles, type ImportState } from './ReportFiles';
import { draftOf, payloadOf, type Draft } from './reportDraft';
import { SaveStatus } from './SaveStatus';
import classes from './report.module.css';
import { useOnline } from './useOnline';
import { useReportSubmission } from './useReportSubmission';
import { usePeriodPhrase } from './ui';

/**
 * The unit's form: saves as the user types (debounced, one save in flight, the version carried
 * from each answer); the save state and the submit button stay in view in a bar at the bottom;
 * every edit is also kept in the browser until the server has it, so a lost connection loses
 * nothing (it says so, and saves when the connection is back; after a reload it offers the edits
 * back). Number fields that cannot be read are never sent as empty. Warns before leaving with
 * unsaved changes, offers to reload on a 409, and submits with an Idempotency-Key. `children`
 * (the attachments) come before the submit button.
 */
export function ReportEditor({
  report,
  onReload,
  importing,
  children,
}: {
  report: ReportDto;
  onReload: () => void;
  importing: Omit<ImportState, 'beforeImport'>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const queryClient = useQueryClient();
  const online = useOnline();
  const saveMutation = useSaveReportMutation(report.id);
  // What the unit's records give (issue 12): beside the fields, and for the narratives.
  const derived = useReportDerivedQuery(report.id).data;
  const prefill = Object.fromEntries((derived?.narratives ?? []).map((n) => [n.planItemId, n.results]));
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftRef = useRef(draft);
  const autosave = useAutosave({
    version: report.version,
    warnBeforeUnload: true,
    save: (version) => {
      const sent = draftRef.current;
      // Offline, or a number field that cannot be read: nothing is sent, the edits stay kept here.
      if (!navigator.onLine || unreadableFields(report.form.indicators, sent.fields).length > 0) return null;
      return saveMutation.mutateAsync(payloadOf(report, sent, version)).then((saved) => {
        setSavedAt(saved.updatedAt);
        if (draftRef.current === sent) dropLocalDraft(report.id);
        else keepLocalDraft(report.id, saved.version, draftRef.current);
        return saved.version;
      });
    },
    // Fetch the fresh copy now, so the page can say who saved it and when.
    onConflict: () => void queryClient.invalidateQueries({ queryKey: reportingKeys.report(report.id), exact: true }),
  });
  const submission = useReportSubmission(report.id, autosave);
  const { conflict, state: saveState } = autosave;
  const unreadable = unreadableFields(report.form.indicators, draft.fields);

  // The connection is back: send what waited.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) void autosave.flush();
    wasOnline.current = online;
  });

  const update = (change: (current: Draft) => Draft, path?: string) => {
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    keepLocalDraft(report.id, autosave.version(), next);
    if (path) submission.clearIssue(path);
    autosave.edited();
  };

  const restore = (kept: Draft) => update(() => kept);

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
  const askSubmit = () => {
    if (unreadable.length > 0)
      submission.showIssues(unreadable.map((path) => ({ path, message: t('reporting.report.number.notANumber') })));
    else submission.setConfirming(true);
  };
  // A failed save that is not the server's answer is the connection: say so, in words.
  const lostConnection = !online || (autosave.error !== null && !(autosave.error instanceof ApiError));

  return (
    <Stack gap="lg">
      <LocalDraftOffer report={report} current={draft} onRestore={restore} />

      <ReportFiles
        report={report}
        importing={{
          ...importing,
          // Saved first, so the import merges into what the officer sees; refused offline or with an unreadable field.
          beforeImport: async () =>
            (await autosave.flush()) &&
            navigator.onLine &&
            unreadableFields(report.form.indicators, draftRef.current.fields).length === 0,
        }}
      />

      {conflict && (
        <ConflictAlert conflict={conflict} report={report} version={autosave.version()} onReload={onReload} />
      )}
      {autosave.error && !conflict && !lostConnection && (
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
        <IndicatorTable
          report={report}
          fields={draft.fields}
          onChange={setField}
          errors={errors}
          derived={derived?.values}
        />
      </TitledSection>

      <Narratives
        report={report}
        sections={draft.sections}
        otherResults={draft.otherResults}
        proposalsToCommittee={draft.proposalsToCommittee}
        errors={errors}
        prefill={prefill}
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

      {children}

      {/* Stays at the bottom of the window while the officer types; settles after the attachments. */}
      <Paper withBorder p="sm" bg="gray.0" className={classes.stickyBar} data-testid="form-bar">
        <Group justify="space-between" gap="xs">
          <Stack gap={2}>
            {lostConnection ? (
              <Group gap={6} c="red.9" data-testid="offline" role="status" aria-live="polite">
                <IconWifiOff size={16} aria-hidden />
                <Text size="sm" fw={600}>
                  {t('reporting.offline.lost')}
                </Text>
                {online && (
                  <Button size="compact-xs" variant="subtle" onClick={retry}>
                    {t('reporting.report.save.retry')}
                  </Button>
                )}
              </Group>
            ) : (
              <SaveStatus state={saveState} savedAt={savedAt} onRetry={retry} />
            )}
            {unreadable.length > 0 && (
              <Text size="sm" c="red.9" data-testid="unreadable">
                {t('reporting.offline.unreadable', { count: unreadable.length })}
              </Text>
            )}
          </Stack>
          {report.abilities.canSubmit && (
            <Button
              size="md"
              leftSection={<IconSend size={18} aria-hidden />}
              onClick={askSubmit}
              disabled={Boolean(conflict) || !online}
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
          period: phrase(report),
        })}
        confirmLabel={submitLabel}
        loading={submission.isPending || saveState === 'saving'}
        onConfirm={() => void submission.doSubmit()}
      >
        <Text>{t('reporting.report.submitConfirm')}</Text>
      </ConfirmModal>

      <LeaveGuard blocker={blocker} canSave={!conflict && online} onSave={() => autosave.flush()} />
    </Stack>
  );
}
