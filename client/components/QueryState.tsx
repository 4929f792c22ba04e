import { Alert, Button, Center, Code, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { requestIdOf } from './ErrorScreen';

/** Loading spinner, error with retry (and the request id to quote), or the content once the query has data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center p="xl" role="status" aria-live="polite">
        <Loader size="sm" mr="sm" />
        <Text size="sm">{t('common.loading')}</Text>
      </Center>
    );
  }
  if (query.isError) {
    const requestId = requestIdOf(query.error);
    return (
      <Alert color="red" title={t('common.error')} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{query.error instanceof Error ? query.error.message : String(query.error)}</Text>
          {requestId && (
            <Text size="sm" data-testid="request-id">
              {t('common.errorRequestId')} <Code>{requestId}</Code>
            </Text>
          )}
          <Button size="xs" variant="light" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
