import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconMessageExclamation } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ImportResultDto } from '../../../shared/contracts/consolidation';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useMeQuery } from '../auth/useAuth';
import { reportingKeys, useAcceptReportMutation, useReportQuery, useReturnReportMutation } from './api';
import { fieldsOf } from './fields';
import { useReportDerivedQuery } from './prefillApi';
import { IndicatorTable } from './IndicatorTable';
import { Narratives } from './Narratives';
import { ReportEditor } from './ReportEditor';
import { ReportFiles, type ImportState } from './ReportFiles';
import { Attachments, History } from './ReportRecords';
import classes from './report.module.css';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify, StatusBadge, useDeadlineWords, usePeriodPhrase } from './ui';
import { TitledSection } from '../../components/TitledSection';

/** A report (/bao-cao/:id): the unit's form while it may edit, otherwise the read view and the review. */
export function ReportPage() {
  const { id } = useParams();
  const report = useReportQuery(id);
  const [epoch, setEpoch] = useState(0);
  const qc = useQueryClient();
  // The last Excel import's answer: kept here, as an import that changed values starts the form again.
  const [imported, setImported] = useState<ImportResultDto | null>(null);
  // Reload after a 409 or an import: fetch the fresh copy, then start the form again from it.
  const reload = async () => {
    await qc.refetchQueries({ queryKey: reportingKeys.report(id ?? ''), exact: true });
    setEpoch((e) => e + 1);
  };
  const importing = {
    result: imported,
    onResult: (result: ImportResultDto | null) => {
      setImported(result);
      if (result && result.changed > 0) void reload();
    },
  };
  return (
    <QueryState query={report}>
      {(r) => <ReportView key={`${r.id}:${epoch}`} report={r} onReload={() => void reload()} importing={importing} />}
    </QueryState>
  );
}

function ReportView({
  report,
  onReload,
  importing,
}: {
  report: ReportDto;
  onReload: () => void;
  importing: Omit<ImportState, 'beforeImport'>;
}) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  const me = useMeQuery().data;
  const words = useDeadlineWords();
  const isUnit = me?.user.role === 'unit';
  const editing = report.abilities.canEdit;
  const firstSubmitted = Boolean(report.firstSubmittedAt);

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        {isUnit ? (
          <Anchor component={Link} to="/bao-cao-cua-don-vi">
            {t('reporting.report.backMine')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/ky-bao-cao/${report.cycleId}`}>
            {t('reporting.report.backBoard')}
          </Anchor>
        )}
        <Text>{report.unit.fullName}</Text>
      </Breadcrumbs>

      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t('reporting.report.title', { period: phrase(report), unit: report.unit.fullName })}
          </Title>
          <StatusBadge status={report.status} size="lg" data-testid="report-status" />
          {report.isLate && <StatusBadge status="late" variant="outline" size="lg" />}
        </Group>
        <Text fw={600} size="lg" data-testid="deadline-line">
          {t('reporting.deadline.line', { date: formatDate(report.deadline) })}
          {!firstSubmitted && ` — ${words(report.deadline)}`}
          {report.extension &&
            ` (${t('reporting.deadline.extended', { date: formatDate(report.extension.deadline), reason: report.extension.reason })})`}
        </Text>
        {!firstSubmitted && report.lockDate !== report.deadline && !report.isLocked && (
          <Text size="sm">{t('reporting.deadline.grace', { date: formatDate(report.lockDate) })}</Text>
        )}
        {report.cycleStatus === 'closed' && (report.status === 'draft' || report.status === 'returned') && (
          <Alert color="red.9" variant="outline" role="alert" data-testid="cycle-closed">
            {t('reporting.report.cycleClosed', { period: phrase(report) })}
          </Alert>
        )}
        {report.isLocked && !firstSubmitted && (
          <Alert color="red.9" variant="outline" role="alert">
            {t('reporting.deadline.locked', { date: formatDate(report.lockDate) })}
          </Alert>
        )}
        {report.submittedAt && (
          <Text size="sm">
            {report.firstSubmittedAt && report.firstSubmittedAt !== report.submittedAt
              ? `${t('reporting.report.firstSubmittedAt', { at: formatDateTime(report.firstSubmittedAt) })}; ${t('reporting.report.submittedAt', { at: formatDateTime(report.submittedAt) })}`
              : t('reporting.report.submittedAt', { at: formatDateTime(report.submittedAt) })}
            {report.isLate && ` — ${t('reporting.deadline.submittedLate', { count: report.daysLate })}`}
          </Text>
        )}
      </Stack>

      {report.status === 'returned' && report.returnReason && (
        <Paper withBorder p="md" className={classes.returnReason} role="alert" data-testid="return-reason">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <IconMessageExclamation size={28} aria-hidden color="var(--mantine-color-grape-9)" />
            <div>
              <Title order={2} size="h4" c="grape.9">
                {t('reporting.report.returnedTitle')}
              </Title>
              <Text mt={4} size="md" style={{ whiteSpace: 'pre-wrap' }}>
                {report.returnReason}
              </Text>
            </div>
          </Group>
        </Paper>
      )}
      {report.status === 'submitted' && isUnit && (
        <Alert color="blue" variant="outline">
          {t('reporting.report.submittedNote')}
        </Alert>
      )}
      {report.status === 'accepted' && (
        <Alert color="bio" variant="outline" icon={<IconCheck aria-hidden />}>
          {t('reporting.report.acceptedNote')}
        </Alert>
      )}
      {report.status !== 'returned' && report.returnReason && (
        <Text size="sm">
          <strong>{t('reporting.report.returnReasonPast')}:</strong> {report.returnReason}
        </Text>
      )}

      {(report.abilities.canReturn || report.abilities.canAccept) && <ReviewActions report={report} />}
      {me?.user.role === 'leader' && <Text size="sm">{t('reporting.report.readOnlyLeader')}</Text>}

      {editing ? (
        <ReportEditor report={report} onReload={onReload} importing={importing}>
          <Attachments report={report} />
        </ReportEditor>
      ) : (
        <Stack gap="lg">
          <ReportFiles report={report} />
          <ReadIndicators report={report} />
          <Narratives
            report={report}
            sections={Object.fromEntries(report.sections.map((s) => [s.planItemId, s]))}
            otherResults={report.otherResults}
            proposalsToCommittee={report.proposalsToCommittee}
          />
          <Attachments report={report} />
        </Stack>
      )}

      <History report={report} />
    </Stack>
  );
}

/**
 * The indicators as sent, with the values the unit's own records give beside them; where the
 * typed value differs, the review says so above the table (issue 12).
 */
function ReadIndicators({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const derived = useReportDerivedQuery(report.id).data;
  const differing = (derived?.values ?? []).filter((d) => d.differs);
  return (
    <TitledSection id="report-indicators" title={t('reporting.report.indicators')} size="h3" mb="sm">
      {derived && differing.length > 0 && (
        <Alert
          color="red.9"
          variant="outline"
          mb="sm"
          title={t('reporting.prefill.reviewTitle', { count: differing.length })}
          data-testid="derived-differences"
        >
          <Text size="sm">
            {t('reporting.prefill.reviewHint', {
              from: formatDate(derived.window.from),
              to: formatDate(derived.window.to),
            })}
          </Text>
          <Stack gap={2} mt={4}>
            {differing.map((d) => (
              <Text size="sm" key={`${d.indicatorCode}|${d.wasteStream ?? ''}`}>
                {t('reporting.prefill.reviewRow', {
                  code: d.wasteStream ? `${d.indicatorCode} (${d.wasteStream})` : d.indicatorCode,
                  typed: formatNumber(d.typed),
                  value: formatNumber(d.value),
                })}{' '}
                <Anchor component={Link} to={d.link} size="sm" underline="always">
                  {t('reporting.prefill.records')}
                </Anchor>
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <IndicatorTable report={report} fields={fieldsOf(report.values)} derived={derived?.values} />
    </TitledSection>
  );
}

function ReviewActions({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const accept = useAcceptReportMutation(report.id);
  const ret = useReturnReportMutation(report.id);
  const [accepting, setAccepting] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const retErr = ret.error instanceof ApiError ? ret.error : null;
  return (
    <Paper withBorder p="md" bg="gray.0" component="section" aria-labelledby="review-actions">
      <Group justify="space-between">
        <Title order={2} size="h4" id="review-actions">
          {t('reporting.report.review')}
        </Title>
        <Group gap="sm">
          {report.abilities.canReturn && (
            <Button
              variant="outline"
              color="grape.9"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => setReturning(true)}
            >
              {t('reporting.report.return')}
            </Button>
          )}
          {report.abilities.canAccept && (
            <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setAccepting(true)}>
              {t('reporting.report.accept')}
            </Button>
          )}
        </Group>
      </Group>
      <ConfirmModal
        opened={accepting}
        onClose={() => setAccepting(false)}
        title={t('reporting.report.acceptTitle', { unit: report.unit.fullName })}
        confirmLabel={t('reporting.report.accept')}
        loading={accept.isPending}
        onConfirm={() =>
          accept.mutate(undefined, {
            onSuccess: () => {
              setAccepting(false);
              notify(t('reporting.report.accepted'));
            },
          })
        }
      >
        <Text>{t('reporting.report.acceptConfirm')}</Text>
        {accept.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {accept.error.message}
          </Alert>
        )}
      </ConfirmModal>
      <ConfirmModal
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('reporting.report.returnTitle', { unit: report.unit.fullName })}
        confirmLabel={t('reporting.report.return')}
        color="grape.9"
        loading={ret.isPending}
        confirmDisabled={reason.trim().length < 3}
        onConfirm={() =>
          ret.mutate(reason, {
            onSuccess: () => {
              setReturning(false);
              setReason('');
              notify(t('reporting.report.returned'));
            },
          })
        }
      >
        {retErr && !retErr.fieldError('reason') && (
          <Alert color="red.9" variant="outline" role="alert">
            {retErr.message}
          </Alert>
        )}
        <Textarea
          label={t('reporting.report.returnReason')}
          description={t('reporting.report.returnReasonHint')}
          required
          autosize
          minRows={3}
          maxLength={LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={retErr?.fieldError('reason')}
          data-autofocus
        />
      </ConfirmModal>
    </Paper>
  );
}
