import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../shared/contracts/reporting';
import type { ErrorIssue } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import type { ApiError } from '../../api/client';
import { fieldId } from './fields';

/** Someone else saved first: who and when (once the fresh copy is in), and a button to reload. */
export function ConflictAlert({
  conflict,
  report,
  version,
  onReload,
}: {
  conflict: ApiError;
  report: ReportDto;
  version: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red.9"
      variant="outline"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('reporting.report.conflictTitle')}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{conflict.message}</Text>
        {report.version > version && report.updatedBy && !conflict.message.includes(report.updatedBy.name) && (
          <Text size="sm">
            {t('reporting.report.conflictWho', { name: report.updatedBy.name, at: formatDateTime(report.updatedAt) })}
          </Text>
        )}
        <Text size="sm">{t('reporting.report.reloadHint')}</Text>
        <Button size="sm" onClick={onReload}>
          {t('reporting.report.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Moves to the field an issue names and focuses its input. */
function focusField(path: string) {
  const element = document.getElementById(fieldId(path));
  element?.scrollIntoView({ block: 'center' });
  const target = element?.matches('input, textarea, select')
    ? element
    : element?.querySelector<HTMLElement>('input, textarea');
  target?.focus();
}

/** The submission's errors, each a link to its field (focused after a failed submission). */
export function ErrorSummary({
  issues,
  message,
  summaryRef,
}: {
  issues: ErrorIssue[];
  message: string | null;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      ref={summaryRef}
      tabIndex={-1}
      color="red.9"
      variant="outline"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={issues.length ? t('reporting.report.errorsTitle', { count: issues.length }) : message}
      data-testid="error-summary"
    >
      {issues.length > 0 && (
        <List size="sm" spacing={4}>
          {issues.map((issue) => (
            <List.Item key={issue.path}>
              <Anchor component="button" type="button" size="sm" c="red.9" onClick={() => focusField(issue.path)}>
                {issue.message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
