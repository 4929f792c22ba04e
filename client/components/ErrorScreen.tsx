import { Button, Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client';

/** The request id of an API error (the server answers `{ error, requestId }`), if any. */
export function requestIdOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { requestId?: unknown } | null;
  return typeof body?.requestId === 'string' ? body.requestId : null;
}

/**
 * What a person sees when a page fails to draw: a sentence in the page's language, a reload
 * button and, for a failed API call, the request id to quote to the help desk — never the
 * router's developer page.
 */
export function ErrorScreen() {
  const error = useRouteError();
  const { t } = useTranslation();
  const requestId = requestIdOf(error);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (error) console.error(error);
  return (
    <Stack align="center" p="xl" component="main" role="alert" maw={640} mx="auto">
      <Title order={1} size="h3" ta="center">
        {notFound ? t('common.notFound') : t('common.errorTitle')}
      </Title>
      {!notFound && <Text ta="center">{t('common.errorText')}</Text>}
      {requestId && (
        <Text size="sm" ta="center">
          {t('common.errorRequestId')} <Code>{requestId}</Code>
        </Text>
      )}
      <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      <Button component="a" href="/" variant="subtle">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
