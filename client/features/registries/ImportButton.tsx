import { Alert, Button, FileButton, List, Stack } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useImportMutation } from './api';

/** Imports an .xlsx in the export's layout and lists every refused cell. */
export function ImportButton() {
  const { t } = useTranslation();
  const run = useImportMutation();
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
