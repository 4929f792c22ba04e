import { Alert, Button, FileButton, List, Stack } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/contracts/registries';

type ImportResult = { created: number; updated: number; unchanged: number; problems: ImportProblem[] };

/** Imports an .xlsx in the export's layout (the registry's import mutation) and lists every refused cell. */
export function ImportButton({ run }: { run: UseMutationResult<ImportResult, Error, File> }) {
  const { t } = useTranslation();
  const result = run.data;
  return (
    <Stack gap="xs">
      <FileButton
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(file) => file && run.mutate(file)}
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            loading={run.isPending}
            leftSection={<IconFileImport size={16} aria-hidden />}
          >
            {t('registries.import')}
          </Button>
        )}
      </FileButton>
      {run.error && (
        <Alert color="red" role="alert">
          {run.error.message}
        </Alert>
      )}
      {result && result.problems.length === 0 && (
        <Alert color="green" role="status">
          {t('registries.importDone', result)}
        </Alert>
      )}
      {result && result.problems.length > 0 && (
        <Alert color="red" role="alert" title={t('registries.importRefused', { count: result.problems.length })}>
          <List size="sm">
            {result.problems.map((p, i) => (
              <List.Item key={i}>{t('registries.problemAt', p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
