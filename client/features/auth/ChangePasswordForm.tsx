import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { useChangePasswordMutation } from './useAuth';

/**
 * The current password, the new one twice. The server judges strength (common passwords, the
 * user's own name and e-mail) and names the field; the confirmation is checked here.
 */
export function ChangePasswordForm({ onDone, submitLabel }: { onDone: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  const change = useChangePasswordMutation();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const error = change.error instanceof ApiError ? change.error : null;
  const fieldErrors = ['currentPassword', 'newPassword'].some((f) => error?.fieldError(f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.newPassword !== form.confirm) {
      setMismatch(true);
      return;
    }
    change.mutate(
      { currentPassword: form.currentPassword, newPassword: form.newPassword },
      {
        onSuccess: () => {
          setForm({ currentPassword: '', newPassword: '', confirm: '' });
          onDone();
        },
      },
    );
  };
  const toggle = { 'aria-label': t('account.togglePassword') };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !fieldErrors && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          visibilityToggleButtonProps={toggle}
          value={form.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
          error={error?.fieldError('currentPassword')}
        />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.passwordRules', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          maxLength={LIMITS.passwordMax}
          visibilityToggleButtonProps={toggle}
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
          error={error?.fieldError('newPassword')}
        />
        <PasswordInput
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          maxLength={LIMITS.passwordMax}
          visibilityToggleButtonProps={toggle}
          value={form.confirm}
          onChange={(e) => {
            setMismatch(false);
            setForm({ ...form, confirm: e.currentTarget.value });
          }}
          error={mismatch ? t('account.mismatch') : undefined}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {submitLabel ?? t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
