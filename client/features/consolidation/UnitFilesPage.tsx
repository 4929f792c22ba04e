import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contracts/consolidation';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { QueryState } from '../../components/QueryState';
import { ExcelImport } from '../reporting/ExcelImport';
import { useMyReportsQuery } from './api';

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
  const [result, setResult] = useState<ImportResultDto | null>(null);
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
        <ExcelImport reportId={report.id} result={result} onResult={setResult} />
      </Stack>
    </Paper>
  );
}
