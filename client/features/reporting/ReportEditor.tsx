import { Alert, Anchor, Button, Group, List, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload, IconLoader2, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ReportDto, ReportSection, SaveReportRequest } from '../../../shared/contracts/reporting';
import type { ErrorIssue } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { reportingKeys, useSaveReportMutation, useSubmitReportMutation } from './api';
import { fieldId, fieldsOf, valuesOf, type FieldValue, type FieldValues } from './fields';
import { IndicatorTable } from './IndicatorTable';
import { Narratives } from './Narratives';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify } from './ui';

type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';
type Sections = Record<string, Omit<ReportSection, 'planItemId'>>;

interface Draft {
  fields: FieldValues;
  sections: Sections;
  otherResults: string;
  proposalsToCommittee: string;
}

const AUTOSAVE_MS = 800;

function draftOf(report: ReportDto): Draft {
  const sections: Sections = {};
  for (const s of report.form.sections) sections[s.planItemId] = { results: '', difficulties: '', proposals: '' };
  for (const s of report.sections) sections[s.planItemId] = { results: s.results, difficulties: s.difficulties, proposals: s.proposals };
  return { fields: fieldsOf(report.values), sections, otherResults: report.otherResults, proposalsToCommittee: report.proposalsToCommittee };
}

function payloadOf(report: ReportDto, draft: Draft, version: number): SaveReportRequest {
  return {
    version,
    values: valuesOf(report.form.indicators, draft.fields),
    sections: report.form.sections.map((s) => ({ planItemId: s.planItemId, ...(draft.sections[s.planItemId] ?? { results: '', difficulties: '', proposals: '' }) })),
    otherResults: draft.otherResults,
    proposalsToCommittee: draft.proposalsToCommittee,
  };
}

/**
 * The unit's form: saves as the user types (debounced, one save in flight, the version carried
 * from each answer), shows "Đã lưu / Đang lưu… / Chưa lưu", warns before leaving with unsaved
 * changes, offers to reload on a 409, and submits with an Idempotency-Key.
 */
export function ReportEditor({ report, onReload }: { report: ReportDto; onReload: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useSaveReportMutation(report.id);
  const submit = useSubmitReportMutation(report.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | Error | null>(null);
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const draftRef = useRef(draft);
  const versionRef = useRef(report.version);
  const dirtyRef = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef(false);
  const idempotencyKey = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (conflictRef.current) return false;
    if (inFlight.current) await inFlight.current;
    if (!dirtyRef.current) return true;
    dirtyRef.current = false;
    setSaveState('saving');
    const attempt = save
      .mutateAsync(payloadOf(report, draftRef.current, versionRef.current))
      .then((saved) => {
        versionRef.current = saved.version;
        setSavedAt(saved.updatedAt);
        setSaveError(null);
        setSaveState(dirtyRef.current ? 'unsaved' : 'saved');
        return true;
      })
      .catch((e: unknown) => {
        dirtyRef.current = true;
        setSaveState('error');
        if (e instanceof ApiError && e.status === 409) {
          conflictRef.current = true;
          setConflict(e);
          // Fetch the fresh copy now, so the page can say who saved it and when.
          void qc.invalidateQueries({ queryKey: reportingKeys.report(report.id), exact: true });
        } else setSaveError(e instanceof Error ? e : new Error(String(e)));
        return false;
      });
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    if (ok && dirtyRef.current) return flush();
    return ok;
  }, [qc, report, save]);

  const update = (change: (d: Draft) => Draft, path?: string) => {
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    dirtyRef.current = true;
    setSaveState((s) => (s === 'saving' ? s : 'unsaved'));
    if (path) setIssues((list) => list.filter((i) => i.path !== path));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const dirty = saveState !== 'saved';
  // Leaving the page (closing the tab or reloading) with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  const errors = Object.fromEntries(issues.map((i) => [i.path, i.message]));

  const doSubmit = async () => {
    setSubmitError(null);
    const saved = await flush();
    if (!saved) {
      setConfirming(false);
      return;
    }
    // One key per submission intent: a retry after a lost answer reuses it, so only one submission is recorded.
    idempotencyKey.current ??= crypto.randomUUID();
    submit.mutate(
      { version: versionRef.current, key: idempotencyKey.current },
      {
        onSuccess: (r) => {
          idempotencyKey.current = null;
          setConfirming(false);
          setIssues([]);
          notify(t('reporting.report.submitted', { year: r.year }));
        },
        onError: (e) => {
          setConfirming(false);
          if (e instanceof ApiError) {
            idempotencyKey.current = null;
            if (e.status === 409 && e.code === 'CONFLICT') {
              conflictRef.current = true;
              setConflict(e);
            }
            setIssues(e.issues);
            setSubmitError(e.message);
          } else setSubmitError(e.message);
          setTimeout(() => summaryRef.current?.focus(), 50);
        },
      },
    );
  };

  const focusField = (path: string) => {
    const el = document.getElementById(fieldId(path));
    el?.scrollIntoView({ block: 'center' });
    const target = el?.matches('input, textarea, select') ? el : el?.querySelector<HTMLElement>('input, textarea');
    target?.focus();
  };

  const setField = (key: string, value: FieldValue) => {
    const [code, stream] = key.split('|');
    update((d) => ({ ...d, fields: { ...d.fields, [key]: value } }), stream ? `values.${code}.${stream}` : `values.${code}`);
  };

  return (
    <Stack gap="lg">
      <SaveStatus state={saveState} savedAt={savedAt} onRetry={() => void flush()} />

      {conflict && (
        <Alert color="red.9" variant="outline" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('reporting.report.conflictTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{conflict.message}</Text>
            {report.version > versionRef.current && report.updatedBy && !conflict.message.includes(report.updatedBy.name) && (
              <Text size="sm">{t('reporting.report.conflictWho', { name: report.updatedBy.name, at: formatDateTime(report.updatedAt) })}</Text>
            )}
            <Text size="sm">{t('reporting.report.reloadHint')}</Text>
            <Button size="sm" onClick={onReload}>
              {t('reporting.report.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {saveError && !conflict && (
        <Alert color="red.9" variant="outline" role="alert" title={t('reporting.report.save.error')}>
          {saveError.message}
        </Alert>
      )}

      {(issues.length > 0 || submitError) && (
        <Alert
          ref={summaryRef}
          tabIndex={-1}
          color="red.9"
          variant="outline"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={issues.length ? t('reporting.report.errorsTitle', { count: issues.length }) : submitError}
          data-testid="error-summary"
        >
          {issues.length > 0 && (
            <List size="sm" spacing={4}>
              {issues.map((i) => (
                <List.Item key={i.path}>
                  <Anchor component="button" type="button" size="sm" c="red.9" onClick={() => focusField(i.path)}>
                    {i.message}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      <section aria-labelledby="report-indicators">
        <Title order={2} size="h3" id="report-indicators" mb="xs">
          {t('reporting.report.indicators')}
        </Title>
        <Text size="sm" mb="sm">
          {t('reporting.report.numberHint')}
        </Text>
        <IndicatorTable report={report} fields={draft.fields} onChange={setField} errors={errors} />
      </section>

      <Narratives
        report={report}
        sections={draft.sections}
        otherResults={draft.otherResults}
        proposalsToCommittee={draft.proposalsToCommittee}
        errors={errors}
        onSection={(id, part, value) =>
          update((d) => ({ ...d, sections: { ...d.sections, [id]: { ...d.sections[id], [part]: value } } }), `sections.${id}.${part}`)
        }
        onFree={(part, value) => update((d) => ({ ...d, [part]: value }), part)}
      />

      <Paper withBorder p="md" bg="gray.0">
        <Group justify="space-between">
          <SaveStatus state={saveState} savedAt={savedAt} onRetry={() => void flush()} compact />
          {report.abilities.canSubmit && (
            <Button size="md" leftSection={<IconSend size={18} aria-hidden />} onClick={() => setConfirming(true)} disabled={Boolean(conflict)}>
              {report.status === 'returned' ? t('reporting.report.resubmit') : t('reporting.report.submit')}
            </Button>
          )}
        </Group>
      </Paper>

      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reporting.report.submitTitle', { year: report.year })}
        confirmLabel={report.status === 'returned' ? t('reporting.report.resubmit') : t('reporting.report.submit')}
        loading={submit.isPending || saveState === 'saving'}
        onConfirm={() => void doSubmit()}
      >
        <Text>{t('reporting.report.submitConfirm')}</Text>
      </ConfirmModal>

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
            {!conflict && (
              <Button
                onClick={async () => {
                  if (await flush()) blocker.proceed?.();
                  else blocker.reset?.();
                }}
              >
                {t('reporting.report.saveAndLeave')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SaveStatus({ state, savedAt, onRetry, compact }: { state: SaveState; savedAt: string | null; onRetry: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const icon =
    state === 'saved' ? <IconCheck size={16} aria-hidden /> : state === 'saving' ? <IconLoader2 size={16} aria-hidden /> : state === 'error' ? <IconAlertTriangle size={16} aria-hidden /> : <IconCloudUpload size={16} aria-hidden />;
  const color = state === 'saved' ? 'bio.8' : state === 'error' ? 'red.9' : 'gray.8';
  const label = t(`reporting.report.save.${state}`);
  return (
    <Group gap={6} c={color} data-testid={compact ? undefined : 'save-status'} data-state={state}>
      {icon}
      {/* Announced to screen readers once (the compact copy at the bottom stays silent). */}
      <Text size="sm" fw={600} role={compact ? undefined : 'status'} aria-live={compact ? undefined : 'polite'}>
        {label}
        {state === 'saved' && savedAt && !compact && <VisuallyHidden> — {t('reporting.report.save.savedAt', { at: formatDateTime(savedAt) })}</VisuallyHidden>}
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

