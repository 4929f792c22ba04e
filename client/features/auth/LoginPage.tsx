import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLoginMutation, useMeQuery } from './useAuth';

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const login = useLoginMutation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';

  if (me.data) return <Navigate to={me.data.user.mustChangePassword ? '/doi-mat-khau' : next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: (signedIn) =>
          void navigate(signedIn.user.mustChangePassword ? '/doi-mat-khau' : next, { replace: true }),
      },
    );
  };
  const error = login.error instanceof ApiError ? login.error : null;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('auth.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('app.subtitle')}
              </Text>
            </div>
            {error && (
              <Alert
                color="red"
                role="alert"
                title={error.code === 'ACCOUNT_LOCKED' ? t('auth.locked') : t('auth.failed')}
              >
                {error.message}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              maxLength={LIMITS.email}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.fieldError('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              maxLength={LIMITS.passwordMax}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error?.fieldError('password')}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
            <Anchor component={Link} to="/quen-mat-khau" size="sm">
              {t('auth.forgot')}
            </Anchor>
            <Anchor component={Link} to="/gop-y" size="sm">
              {t('auth.publicFeedback')}
            </Anchor>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
