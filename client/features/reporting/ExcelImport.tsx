import { Alert, Button, Checkbox, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contracts/consolidation';
import { formatDateTime } from '../../../shared/format';
import { writeNumber } from '../../../shared/numbers';
import { ScrollTable } from '../../components/ScrollTable';
import { useImportReportMutation, type ImportRequest } from './api';

type Choice = 'file' | 'current';
type Value = ImportResultDto['changes'][number]['before'];

function useShowValue() {
  const { t, i18n } = useTranslation();
  return (value: Value) =>
    value === null
      ? t('reporting.files.empty')
      : typeof value === 'number'
        ? writeNumber(value, i18n.language === 'en' ? 'en' : 'vi')
        : typeof value === 'boolean'
          ? t(value ? 'reporting.files.yes' : 'reporting.files.no')
          : value;
}

/**
 * Importing a filled Excel template into the report: "Xóa các ô để trống" must be ticked for a
 * blank cell to clear a value; a file made from an older version comes back with its conflicts,
 * chosen per cell or for all, then applied; what changed is listed before → after.
 */
export function ExcelImport({
  reportId,
  beforeImport,
  result,
  onResult,
}: {
  reportId: string;
  /** Saves what the form holds first; false when it could not. */
  beforeImport?: () => Promise<boolean>;
  /** The last import's answer (kept by the page across the form's reload). */
  result: ImportResultDto | null;
  onResult: (result: ImportResultDto | null) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [clearBlanks, setClearBlanks] = useState(false);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [notSaved, setNotSaved] = useState(false);
  const upload = useImportReportMutation(reportId);

  const send = async (extra: Pick<ImportRequest, 'resolve' | 'choices'> = {}) => {
    if (!file) return;
    setNotSaved(false);
    if (beforeImport && !(await beforeImport())) {
      setNotSaved(true);
      return;
    }
    upload.mutate(
      { file, clearBlanks, ...extra },
      {
        onSuccess: (answer) => {
          setChoices({});
          onResult(answer);
        },
      },
    );
  };
  const conflicts = result?.status === 'conflicts' ? result.conflicts : [];
  const allChosen = conflicts.length > 0 && conflicts.every((c) => choices[c.key]);

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('reporting.files.importTitle')}
      </Title>
      <Group align="flex-end" gap="sm">
        <FileInput
          label={t('reporting.files.uploadLabel')}
          placeholder={t('reporting.files.uploadPlaceholder')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            onResult(null);
          }}
          clearable
          w={{ base: '100%', sm: 320 }}
        />
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() => void send()}
        >
          {t('reporting.files.upload')}
        </Button>
      </Group>
      <Checkbox
        label={t('reporting.files.clearBlanks')}
        description={t('reporting.files.clearBlanksHint')}
        checked={clearBlanks}
        onChange={(e) => setClearBlanks(e.currentTarget.checked)}
      />
      {notSaved && (
        <Alert color="red.9" variant="outline" role="alert">
          {t('reporting.files.unsavedFirst')}
        </Alert>
      )}
      {upload.error && (
        <Alert color="red.9" variant="outline" role="alert">
          {upload.error.message}
        </Alert>
      )}
      {result && (
        <Stack gap="xs" role="status" aria-live="polite" data-testid="import-result">
          {result.status === 'conflicts' ? (
            <Alert
              color="red.9"
              variant="outline"
              title={t('reporting.files.conflictsTitle', { from: result.templateVersion ?? '?', to: result.version })}
            >
              {t('reporting.files.conflictsBody', { count: conflicts.length })}
            </Alert>
          ) : (
            <Alert color={result.refused.length ? 'grape.9' : 'bio'} variant="outline">
              {result.changed > 0
                ? t('reporting.files.importDone', { accepted: result.accepted, changed: result.changed })
                : t('reporting.files.importNothing')}
              {result.blanksKept > 0 && ` ${t('reporting.files.blanksKept', { count: result.blanksKept })}`}
            </Alert>
          )}
          {conflicts.length > 0 && (
            <Conflicts
              result={result}
              choices={choices}
              onChoose={(key, choice) => setChoices((all) => ({ ...all, [key]: choice }))}
            />
          )}
          {conflicts.length > 0 && (
            <Group gap="sm">
              <Button loading={upload.isPending} disabled={!allChosen} onClick={() => void send({ choices })}>
                {t('reporting.files.apply')}
              </Button>
              <Button variant="light" loading={upload.isPending} onClick={() => void send({ resolve: 'file' })}>
                {t('reporting.files.allFromFile')}
              </Button>
              <Button variant="light" loading={upload.isPending} onClick={() => void send({ resolve: 'current' })}>
                {t('reporting.files.keepAll')}
              </Button>
              <Button variant="subtle" onClick={() => onResult(null)}>
                {t('reporting.files.cancel')}
              </Button>
            </Group>
          )}
          {result.changes.length > 0 && <Changes changes={result.changes} />}
          {result.refused.length > 0 && <Refused refused={result.refused} />}
        </Stack>
      )}
    </Stack>
  );
}

function Conflicts({
  result,
  choices,
  onChoose,
}: {
  result: ImportResultDto;
  choices: Record<string, Choice>;
  onChoose: (key: string, choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const show = useShowValue();
  return (
    <ScrollTable minWidth={760}>
      <Table withTableBorder striped data-testid="import-conflicts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.files.cell')}</Table.Th>
            <Table.Th>{t('reporting.files.indicator')}</Table.Th>
            <Table.Th>{t('reporting.files.fileValue')}</Table.Th>
            <Table.Th>{t('reporting.files.currentValue')}</Table.Th>
            <Table.Th>{t('reporting.files.changedBy')}</Table.Th>
            <Table.Th>{t('reporting.files.choice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.conflicts.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>{c.cell}</Table.Td>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>{show(c.fileValue)}</Table.Td>
              <Table.Td>{show(c.currentValue)}</Table.Td>
              <Table.Td>
                {[c.changedBy, c.changedAt ? formatDateTime(c.changedAt) : null].filter(Boolean).join(', ')}
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={`${t('reporting.files.choice')}: ${c.label}`}
                  value={choices[c.key] ?? ''}
                  onChange={(v) => onChoose(c.key, v === 'file' ? 'file' : 'current')}
                  data={[
                    { value: 'file', label: t('reporting.files.takeFile') },
                    { value: 'current', label: t('reporting.files.keepCurrent') },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Changes({ changes }: { changes: ImportResultDto['changes'] }) {
  const { t } = useTranslation();
  const show = useShowValue();
  return (
    <>
      <Title order={4} size="h6">
        {t('reporting.files.changesTitle', { count: changes.length })}
      </Title>
      <ScrollTable minWidth={560}>
        <Table withTableBorder striped data-testid="import-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reporting.files.cell')}</Table.Th>
              <Table.Th>{t('reporting.files.indicator')}</Table.Th>
              <Table.Th>{t('reporting.files.before')}</Table.Th>
              <Table.Th>{t('reporting.files.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.cell}</Table.Td>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>{show(c.before)}</Table.Td>
                <Table.Td>
                  <Text span fw={600}>
                    {show(c.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}

function Refused({ refused }: { refused: ImportResultDto['refused'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={4} size="h6">
        {t('reporting.files.refusedTitle', { count: refused.length })}
      </Title>
      <ScrollTable minWidth={560}>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reporting.files.refusedSheet')}</Table.Th>
              <Table.Th>{t('reporting.files.cell')}</Table.Th>
              <Table.Th>{t('reporting.files.refusedReason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {refused.map((c) => (
              <Table.Tr key={c.address}>
                <Table.Td>{c.sheet}</Table.Td>
                <Table.Td>
                  <Text fw={600} span>
                    {c.address}
                  </Text>
                </Table.Td>
                <Table.Td>{c.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
