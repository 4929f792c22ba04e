import { Alert, Center, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Fact } from '../../components/Fact';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionsTable } from './SessionsTable';
import { useMeQuery, useOwnSessionsQuery, useRevokeOwnSessionMutation } from './useAuth';

/**
 * The page an account whose password the administrator set is sent to (/doi-mat-khau): nothing
 * else opens until the password is changed.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const navigate = useNavigate();
  if (me.isPending) {
    return (
      <Center p="xl" role="status">
        <Loader size="sm" />
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/dang-nhap" replace />;
  if (!me.data.user.mustChangePassword) return <Navigate to="/" replace />;
  return (
    <AuthCard title={t('account.forcedTitle')}>
      <Alert color="yellow">{t('account.forcedIntro', { name: me.data.user.name })}</Alert>
      <ChangePasswordForm
        submitLabel={t('account.forcedSubmit')}
        onDone={() => {
          notifications.show({ color: 'bio', message: t('account.changed') });
          void navigate('/', { replace: true });
        }}
      />
    </AuthCard>
  );
}

/** "Tài khoản của tôi" (/tai-khoan-cua-toi): who I am, change my password, my open sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMeQuery().data;
  const sessions = useOwnSessionsQuery();
  const revoke = useRevokeOwnSessionMutation();
  const [revoking, setRevoking] = useState<string | null>(null);
  if (!me) return null;
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="account-who">
          <Stack gap="xs">
            <Title order={2} size="h4" id="account-who">
              {t('account.profile')}
            </Title>
            <Stack gap="xs" component="dl" m={0}>
              <Fact label={t('users.name')}>{me.user.name}</Fact>
              <Fact label={t('auth.email')}>{me.user.email}</Fact>
              <Fact label={t('users.role')}>{t(`roles.${me.user.role}`)}</Fact>
              {me.user.orgUnit && <Fact label={t('users.unit')}>{me.user.orgUnit.name}</Fact>}
            </Stack>
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="account-password">
          <Stack gap="xs">
            <Title order={2} size="h4" id="account-password">
              {t('account.changePassword')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.changeIntro')}
            </Text>
            <ChangePasswordForm onDone={() => notifications.show({ color: 'bio', message: t('account.changed') })} />
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="account-sessions">
        <Stack gap="xs">
          <Title order={2} size="h4" id="account-sessions">
            {t('account.sessions')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.sessionsIntro')}
          </Text>
          {revoke.error && (
            <Alert color="red" role="alert">
              {revoke.error.message}
            </Alert>
          )}
          <QueryState query={sessions}>
            {(data) => (
              <SessionsTable
                label={t('account.sessions')}
                sessions={data.data}
                revoking={revoking}
                onRevoke={(s) => {
                  setRevoking(s.id);
                  revoke.mutate(s.id, {
                    onSuccess: () => notifications.show({ color: 'bio', message: t('account.revoked') }),
                    onSettled: () => setRevoking(null),
                  });
                }}
              />
            )}
          </QueryState>
        </Stack>
      </Paper>
    </Stack>
  );
}
