import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../shared/errors';
import { ApiError } from '../../api/client';
import type { Autosave } from '../../hooks/useAutosave';
import { useSubmitReportMutation } from './api';
import { notify, usePeriodPhrase } from './ui';

/**
 * Submitting the report: saves what is waiting first, then submits the saved version with an
 * Idempotency-Key; the server's issues (by field path) and message come back for the summary,
 * which takes the focus.
 */
export function useReportSubmission(reportId: string, autosave: Autosave) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const submit = useSubmitReportMutation(reportId);
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const doSubmit = async () => {
    setSubmitError(null);
    const saved = await autosave.flush();
    if (!saved) {
      setConfirming(false);
      return;
    }
    // One key per submission intent: a retry after a lost answer reuses it, so only one submission is recorded.
    idempotencyKey.current ??= crypto.randomUUID();
    submit.mutate(
      { version: autosave.version(), key: idempotencyKey.current },
      {
        onSuccess: (report) => {
          idempotencyKey.current = null;
          setConfirming(false);
          setIssues([]);
          notify(t('reporting.report.submitted', { period: phrase(report) }));
        },
        onError: (error) => {
          setConfirming(false);
          if (error instanceof ApiError) {
            idempotencyKey.current = null;
            if (error.status === 409 && error.code === 'CONFLICT') autosave.stop(error);
            setIssues(error.issues);
            setSubmitError(error.message);
          } else setSubmitError(error.message);
          setTimeout(() => summaryRef.current?.focus(), 50);
        },
      },
    );
  };

  /** Shows issues found in the browser (fields that cannot be read) in the summary, focused. */
  const showIssues = (found: ErrorIssue[]) => {
    setConfirming(false);
    setSubmitError(null);
    setIssues(found);
    setTimeout(() => summaryRef.current?.focus(), 50);
  };

  /** Drops the issue of a field the user has just changed. */
  const clearIssue = (path: string) => setIssues((list) => list.filter((issue) => issue.path !== path));

  return {
    issues,
    submitError,
    confirming,
    setConfirming,
    doSubmit,
    clearIssue,
    showIssues,
    summaryRef,
    isPending: submit.isPending,
  };
}
