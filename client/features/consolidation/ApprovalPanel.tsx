import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation';
import { formatDateTime } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useApproveMutation } from './api';

/**
 * What the draft compiles (N/M, those not yet accepted, those returned) and whether it is approved
 * for signature: until then every Word file downloaded carries "DỰ THẢO".
 */
export function ApprovalPanel({
  cycleId,
  draft,
  isSaved,
}: {
  cycleId: string;
  draft: ConsolidationDto;
  /** No edit is waiting to be saved (the approval names the version on the server). */
  isSaved: boolean;
}) {
  const { t } = useTranslation();
  const approve = useApproveMutation(cycleId);
  const [confirming, setConfirming] = useState(false);
  const { counts, approval } = draft;
  const hasSigner = draft.settings.signerName.trim().length > 0;
  return (
    <Paper withBorder p="md" data-testid="approval-panel">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('consolidation.approvalTitle')}
        </Title>
        <Text size="sm">
          {t('consolidation.countsLine', { compiled: counts.compiled, expected: counts.expected })}{' '}
          {counts.provisional > 0 && t('consolidation.countsProvisional', { count: counts.provisional })}{' '}
          {counts.returned > 0 && t('consolidation.countsReturned', { count: counts.returned })}
        </Text>
        <Text size="sm" c="dimmed">
          {draft.includeSubmitted ? t('consolidation.includeSubmittedOn') : t('consolidation.includeSubmittedOff')}
        </Text>
        {approval?.isCurrent ? (
          <Alert color="green" icon={<IconCircleCheck size={18} aria-hidden />}>
            {t('consolidation.approvalCurrent', { at: formatDateTime(approval.at), by: approval.by ?? '' })}
          </Alert>
        ) : (
          <Text size="sm">
            {approval
              ? t('consolidation.approvalOutdated', { at: formatDateTime(approval.at) })
              : t('consolidation.approvalDraft')}
          </Text>
        )}
        {draft.abilities.canEdit && !approval?.isCurrent && (
          <Group gap="sm">
            <Button
              color="green.8"
              leftSection={<IconCircleCheck size={16} aria-hidden />}
              disabled={!draft.abilities.canApprove || !isSaved}
              onClick={() => setConfirming(true)}
            >
              {t('consolidation.approve')}
            </Button>
            {!hasSigner && (
              <Text size="sm" c="red.8">
                {t('consolidation.approveNeedsSigner')}
              </Text>
            )}
          </Group>
        )}
        {approve.error && (
          <Alert color="red" role="alert">
            {approve.error.message}
          </Alert>
        )}
        {approval?.isCurrent && (
          <Group>
            <Button component={Link} to={routes.portalPublishing(cycleId)} variant="light">
              {t('publishing.publish')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('consolidation.approvalTitle')}
        confirmLabel={t('consolidation.approve')}
        loading={approve.isPending}
        onConfirm={() => approve.mutate(draft.version, { onSettled: () => setConfirming(false) })}
      >
        <Text>{t('consolidation.approveConfirm')}</Text>
      </ConfirmModal>
    </Paper>
  );
}
