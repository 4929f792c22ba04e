import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportChange, ReportDto } from '../../../shared/contracts/reporting';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { QueryState } from '../../components/QueryState';
import {
  attachmentUrl,
  useAttachmentsQuery,
  useRemoveAttachmentMutation,
  useReportDiffQuery,
  useReportHistoryQuery,
  useUploadAttachmentMutation,
} from './api';
import { ConfirmModal } from '../../components/ConfirmModal';
import type { AttachmentDto } from '../../../shared/contracts/reporting';
import classes from './report.module.css';
import { ScrollTable } from '../../components/ScrollTable';
import { formatBytes } from '../../lib/bytes';
import { notify } from './ui';

const ACCEPTED_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'];
const ACCEPT =
  'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,image/jpeg,image/png,.pdf,.docx,.xlsx,.jpg,.jpeg,.png';

/** Attached files: the list (downloadable by whoever may read the report) and, for the unit, the upload. */
export function Attachments({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const list = useAttachmentsQuery(report.id);
  const upload = useUploadAttachmentMutation(report.id);
  const remove = useRemoveAttachmentMutation(report.id);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AttachmentDto | null>(null);

  const onFile = (file: File | null) => {
    setError(null);
    if (!file) return;
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    // Checked here for a quick answer; the server checks the type again from the content.
    if (file.size > LIMITS.attachmentBytes)
      return setError(t('reporting.report.fileTooLarge', { name: file.name, size: formatBytes(file.size) }));
    if (!ACCEPTED_EXTENSIONS.includes(ext)) return setError(t('reporting.report.fileBadType', { name: file.name }));
    upload.mutate(file, {
      onSuccess: (a) => notify(t('reporting.report.uploaded', { name: a.fileName })),
      onError: (e) => setError(e.message),
    });
  };

  return (
    <section aria-labelledby="report-attachments">
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={2} size="h3" id="report-attachments">
            {t('reporting.report.attachments')}
          </Title>
          <Text size="sm">{t('reporting.report.attachmentsHint')}</Text>
        </div>
        {report.abilities.canUpload && (
          <FileButton
            onChange={onFile}
            accept={ACCEPT}
            inputProps={{ 'data-testid': 'attachment-input' } as React.InputHTMLAttributes<HTMLInputElement>}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconPaperclip size={16} aria-hidden />}
                loading={upload.isPending}
              >
                {t('reporting.report.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && (
        <Alert
          color="red.9"
          variant="outline"
          role="alert"
          mb="sm"
          data-testid="upload-error"
          withCloseButton
          onClose={() => setError(null)}
        >
          {error}
        </Alert>
      )}
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Text size="sm">{t('reporting.report.noAttachments')}</Text>
          ) : (
            <ScrollTable minWidth={600}>
              <Table striped verticalSpacing={4} data-testid="attachments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reporting.report.fileName')}</Table.Th>
                    <Table.Th>{t('reporting.report.fileSize')}</Table.Th>
                    <Table.Th>{t('reporting.report.uploadedBy')}</Table.Th>
                    <Table.Th>{t('reporting.report.when')}</Table.Th>
                    {report.abilities.canUpload && (
                      <Table.Th>
                        <VisuallyHidden>{t('reporting.report.removeFile')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor
                          href={attachmentUrl(report.id, a.id)}
                          download={a.fileName}
                          size="sm"
                          aria-label={t('reporting.report.download', { name: a.fileName })}
                        >
                          {a.fileName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatBytes(a.size)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.uploadedBy.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(a.uploadedAt)}</Text>
                      </Table.Td>
                      {report.abilities.canUpload && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            onClick={() => setRemoving(a)}
                            aria-label={t('reporting.report.removeFileNamed', { name: a.fileName })}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('reporting.report.removeFileTitle')}
        confirmLabel={t('reporting.report.removeFile')}
        color="red.9"
        loading={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notify(t('reporting.report.fileRemoved', { name: removing.fileName }));
              setRemoving(null);
            },
            onError: (e) => {
              setError(e.message);
              setRemoving(null);
            },
          })
        }
      >
        <Text>{t('reporting.report.removeFileConfirm', { name: removing?.fileName ?? '' })}</Text>
      </ConfirmModal>
    </section>
  );
}

/** Who did what, when and why; and the diff between two submitted versions. */
export function History({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const history = useReportHistoryQuery(report.id);
  const [showSaves, setShowSaves] = useState(false);
  return (
    <section aria-labelledby="report-history">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h3" id="report-history">
          {t('reporting.report.history')}
        </Title>
        <Switch
          label={t('reporting.report.showSaves')}
          checked={showSaves}
          onChange={(e) => setShowSaves(e.currentTarget.checked)}
        />
      </Group>
      <QueryState query={history}>
        {(data) => {
          const rows = data.data.filter((h) => showSaves || h.action !== 'save');
          const snapshots = data.data.filter((h) => h.hasSnapshot);
          return (
            <Stack gap="lg">
              {rows.length === 0 ? (
                <Text size="sm">{t('reporting.report.historyNone')}</Text>
              ) : (
                <ScrollTable minWidth={640}>
                  <Table striped verticalSpacing={4} data-testid="history">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('reporting.report.when')}</Table.Th>
                        <Table.Th>{t('reporting.report.who')}</Table.Th>
                        <Table.Th>{t('reporting.report.what')}</Table.Th>
                        <Table.Th>{t('reporting.report.why')}</Table.Th>
                        <Table.Th ta="right">{t('reporting.report.version')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((h, i) => (
                        <Table.Tr key={`${h.version}-${h.action}-${i}`}>
                          <Table.Td>
                            <Text size="sm">{formatDateTime(h.at)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{h.actor.name}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={h.action === 'save' ? undefined : 600}>
                              {t(`reporting.report.actions.${h.action}`)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {h.reason || '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Text size="sm">{h.version}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              <Diff reportId={report.id} versions={snapshots.map((s) => ({ version: s.version, at: s.at }))} />
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}

function Diff({ reportId, versions }: { reportId: string; versions: Array<{ version: number; at: string }> }) {
  const { t } = useTranslation();
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const last = sorted.at(-1)?.version ?? null;
  const prev = sorted.at(-2)?.version ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const f = from ?? prev;
  const tt = to ?? last;
  const diff = useReportDiffQuery(reportId, f, tt);
  const options = sorted.map((v) => ({
    value: String(v.version),
    label: t('reporting.report.diffOption', { version: v.version, at: formatDateTime(v.at) }),
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-diff">
      <Title order={3} size="h4" id="report-diff" mb="sm">
        {t('reporting.report.diff')}
      </Title>
      {sorted.length < 2 ? (
        <Text size="sm">{t('reporting.report.diffNeedTwo')}</Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('reporting.report.diffFrom')}
              data={options}
              value={f ? String(f) : null}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('reporting.report.diffTo')}
              data={options}
              value={tt ? String(tt) : null}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          {f !== null && tt !== null && f !== tt && (
            <QueryState query={diff}>
              {(d) =>
                d.changes.length === 0 ? (
                  <Text size="sm">{t('reporting.report.diffNone')}</Text>
                ) : (
                  <Stack gap={4}>
                    <Text size="sm" fw={600}>
                      {t('reporting.report.diffCount', { count: d.changes.length })}
                    </Text>
                    <ScrollTable minWidth={560}>
                      <Table withTableBorder verticalSpacing={4} data-testid="diff">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('reporting.report.diffField')}</Table.Th>
                            <Table.Th>{t('reporting.report.diffBefore')}</Table.Th>
                            <Table.Th>{t('reporting.report.diffAfter')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {d.changes.map((c) => (
                            <Table.Tr key={c.path}>
                              <Table.Td>
                                <Text size="sm" fw={500}>
                                  {c.label}
                                </Text>
                              </Table.Td>
                              <Table.Td className={classes.diffBefore}>
                                <DiffValue value={c.before} />
                              </Table.Td>
                              <Table.Td className={classes.diffAfter}>
                                <DiffValue value={c.after} />
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollTable>
                  </Stack>
                )
              }
            </QueryState>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function DiffValue({ value }: { value: ReportChange['before'] }) {
  const { t } = useTranslation();
  const text =
    value === null || value === ''
      ? '—'
      : typeof value === 'boolean'
        ? value
          ? t('reporting.report.yes')
          : t('reporting.report.no')
        : typeof value === 'number'
          ? formatNumber(value)
          : value;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}
