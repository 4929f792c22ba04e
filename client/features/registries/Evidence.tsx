import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDto } from '../../../shared/contracts/registries';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { ConfirmModal } from '../../components/ConfirmModal';
import { evidenceUrl, useAddEvidenceMutation, useDeleteEvidenceMutation, type EvidenceOwner } from './records-api';

const ACCEPT =
  '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${formatNumber(Math.ceil(bytes / 1024))} KB`;

/** A record's (or an enterprise's) evidence files: download for every reader; add and remove (confirmed) for its editors. */
export function Evidence({ owner, files, canEdit }: { owner: EvidenceOwner; files: EvidenceDto[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddEvidenceMutation(owner);
  const remove = useDeleteEvidenceMutation(owner);
  const [removing, setRemoving] = useState<EvidenceDto | null>(null);
  return (
    <Stack gap="xs" data-testid="evidence">
      {files.length === 0 ? (
        <Text c="dimmed">{t('registries.evidence.none')}</Text>
      ) : (
        files.map((f) => (
          <Paper withBorder p="xs" key={f.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor href={evidenceUrl(owner, f.id)} download style={{ overflowWrap: 'anywhere' }}>
                  {f.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('registries.evidence.by', {
                    size: size(f.size),
                    at: formatDateTime(f.uploadedAt),
                    who: f.uploadedBy ?? '—',
                  })}
                </Text>
              </div>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('registries.evidence.remove', { name: f.fileName })}
                  onClick={() => setRemoving(f)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))
      )}
      {canEdit && (
        <Stack gap={4} align="flex-start">
          <FileButton accept={ACCEPT} onChange={(file) => file && add.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                loading={add.isPending}
                leftSection={<IconPaperclip size={16} aria-hidden />}
              >
                {t('registries.evidence.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('registries.evidence.hint')}
          </Text>
        </Stack>
      )}
      {(add.error ?? remove.error) && (
        <Alert color="red" role="alert">
          {(add.error ?? remove.error)?.message}
        </Alert>
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('registries.evidence.confirmTitle')}
        confirmLabel={t('registries.evidence.confirm')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        <Text>{t('registries.evidence.confirmText', { name: removing?.fileName ?? '' })}</Text>
      </ConfirmModal>
    </Stack>
  );
}
