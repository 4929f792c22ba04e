import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { AuthCard } from './AuthCard';
import { useForgotPasswordMutation, useResetPasswordMutation, useUnlockMutation } from './useAuth';

const BackToLogin = () => {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/dang-nhap" size="sm">
      {t('account.backToLogin')}
    </Anchor>
  );
};

/** "Quên mật khẩu" (/quen-mat-khau): asks for a reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPasswordMutation();
  const [email, setEmail] = useState('');
  const error = forgot.error instanceof ApiError ? forgot.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    forgot.mutate(email);
  };
  return (
    <AuthCard title={t('account.forgotTitle')}>
      {forgot.data ? (
        <Alert color={forgot.data.mailConfigured ? 'bio' : 'yellow'} role="status">
          {forgot.data.mailConfigured ? t('account.forgotSent', { email }) : t('account.forgotNoMail')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('account.forgotIntro')}</Text>
            {error && !error.fieldError('email') && (
              <Alert color="red" role="alert">
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
            <Button type="submit" loading={forgot.isPending}>
              {t('account.forgotSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** The page of the e-mailed reset link (/dat-lai-mat-khau?token=…): sets a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPasswordMutation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = reset.error instanceof ApiError ? reset.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== confirm) return setMismatch(true);
    reset.mutate({ token, password });
  };
  const toggle = { 'aria-label': t('account.togglePassword') };
  return (
    <AuthCard title={t('account.resetTitle')}>
      {reset.isSuccess ? (
        <Alert color="bio" role="status">
          {t('account.resetDone')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && !error.fieldError('password') && (
              <Alert color="red" role="alert">
                {error.fieldError('token') ?? error.message}
                {error.fieldError('token') && (
                  <>
                    {' '}
                    <Anchor component={Link} to="/quen-mat-khau">
                      {t('account.askNewLink')}
                    </Anchor>
                  </>
                )}
              </Alert>
            )}
            <PasswordInput
              label={t('account.newPassword')}
              description={t('account.passwordRules', { min: LIMITS.passwordMin })}
              autoComplete="new-password"
              required
              maxLength={LIMITS.passwordMax}
              visibilityToggleButtonProps={toggle}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error?.fieldError('password')}
            />
            <PasswordInput
              label={t('account.confirmPassword')}
              autoComplete="new-password"
              required
              maxLength={LIMITS.passwordMax}
              visibilityToggleButtonProps={toggle}
              value={confirm}
              onChange={(e) => {
                setMismatch(false);
                setConfirm(e.currentTarget.value);
              }}
              error={mismatch ? t('account.mismatch') : undefined}
            />
            <Button type="submit" loading={reset.isPending} disabled={!token}>
              {t('account.resetSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** The page of the e-mailed unlock link (/mo-khoa?token=…): lifts the sign-in lock on a click. */
export function UnlockPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unlock = useUnlockMutation();
  const error = unlock.error instanceof ApiError ? unlock.error : null;
  return (
    <AuthCard title={t('account.unlockTitle')}>
      {unlock.isSuccess ? (
        <Alert color="bio" role="status">
          {t('account.unlockDone')}
        </Alert>
      ) : (
        <Stack>
          <Text size="sm">{t('account.unlockIntro')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error.fieldError('token') ?? error.message}
            </Alert>
          )}
          <Button onClick={() => unlock.mutate(token)} loading={unlock.isPending} disabled={!token}>
            {t('account.unlockSubmit')}
          </Button>
        </Stack>
      )}
      <BackToLogin />
    </AuthCard>
  );
}
