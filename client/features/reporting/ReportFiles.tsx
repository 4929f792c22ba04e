import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contracts/consolidation';
import type { ReportDto } from '../../../shared/contracts/reporting';
import { reportFileUrl } from './api';
import { ExcelImport } from './ExcelImport';

export interface ImportState {
  result: ImportResultDto | null;
  onResult: (result: ImportResultDto | null) => void;
  /** Saves the form first (editing only). */
  beforeImport?: () => Promise<boolean>;
}

/** The report's Word and Excel files on its page; the unit imports its filled template here. */
export function ReportFiles({ report, importing }: { report: ReportDto; importing?: ImportState }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-files">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="report-files">
            {t('reporting.files.title')}
          </Title>
          <Text size="sm">{t('reporting.files.hint')}</Text>
        </div>
        <Group gap="sm">
          <Button
            component="a"
            href={reportFileUrl(report.id, 'docx')}
            download
            variant="light"
            leftSection={<IconFileTypeDocx size={16} aria-hidden />}
          >
            {t('reporting.files.word')}
          </Button>
          <Button
            component="a"
            href={reportFileUrl(report.id, 'xlsx')}
            download
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('reporting.files.excel')}
          </Button>
        </Group>
        {importing && (
          <ExcelImport
            reportId={report.id}
            result={importing.result}
            onResult={importing.onResult}
            beforeImport={importing.beforeImport}
          />
        )}
      </Stack>
    </Paper>
  );
}
