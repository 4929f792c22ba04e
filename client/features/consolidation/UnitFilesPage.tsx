import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { QueryState } from '../../components/QueryState';
import { useImportMutation, useMyReportsQuery } from './api';

/** A unit officer's files: its report as Word, its Excel template, and importing it back. */
export function UnitFilesPage() {
  const { t } = useTranslation();
  const reports = useMyReportsQuery();
  return (
    <Stack component="main" p="md" gap="md">
      <Title order={1} size="h2">
        {t('consolidation.unitTitle')}
      </Title>
      <Text>{t('consolidation.unitIntro')}</Text>
      <QueryState query={reports}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('consolidation.noReport')}</Text>
          ) : (
            list.map((r) => <ReportFiles key={r.id} report={r} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function ReportFiles({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportMutation(report.id);
  const result = upload.data;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('consolidation.reportOf', { year: report.year, unit: report.unit.fullName })}
        </Title>
        <Group gap="sm">
          <Button
            component="a"
            href={`/api/v1/reports/${report.id}/document.docx`}
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('consolidation.downloadReport')}
          </Button>
          <Button
            component="a"
            href={`/api/v1/reports/${report.id}/template.xlsx`}
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('consolidation.downloadTemplate')}
          </Button>
        </Group>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('consolidation.uploadLabel')}
            placeholder={t('consolidation.uploadPlaceholder')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('common.close') }}
            w={320}
          />
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t('consolidation.upload')}
          </Button>
        </Group>
        {upload.error && (
          <Alert color="red" role="alert">
            {upload.error.message}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" role="status" aria-live="polite">
            <Alert color={result.refused.length ? 'orange' : 'green'}>
              {result.changed > 0
                ? t('consolidation.importDone', { accepted: result.accepted, changed: result.changed })
                : t('consolidation.importNothing')}
            </Alert>
            {result.refused.length > 0 && (
              <>
                <Title order={3} size="h5">
                  {t('consolidation.refusedTitle', { count: result.refused.length })}
                </Title>
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('consolidation.refusedSheet')}</Table.Th>
                      <Table.Th>{t('consolidation.refusedCell')}</Table.Th>
                      <Table.Th>{t('consolidation.refusedReason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.refused.map((c) => (
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
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
