import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../shared/contracts/users';
import { ROLES, type Role } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { useCreateUserMutation, useUpdateUserMutation } from './api';
import { UnitSelect } from '../../components/UnitSelect';

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUserMutation();
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'unit' as Role,
    orgUnitId: null as string | null,
    password: '',
  });
  const [unitMissing, setUnitMissing] = useState(false);
  const error = create.error instanceof ApiError ? create.error : null;
  const hasFieldErrors = Boolean(error?.issues.length);

  const close = () => {
    create.reset();
    setUnitMissing(false);
    setForm({ email: '', name: '', role: 'unit', orgUnitId: null, password: '' });
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.role === 'unit' && !form.orgUnitId) {
      setUnitMissing(true);
      return;
    }
    create.mutate(
      { ...form, orgUnitId: form.orgUnitId || undefined },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'bio', message: t('users.created', { email: user.email }) });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !hasFieldErrors && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput
            label={t('users.email')}
            type="email"
            required
            data-autofocus
            maxLength={LIMITS.email}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={error?.fieldError('email')}
          />
          <TextInput
            label={t('users.name')}
            required
            maxLength={LIMITS.name}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={error?.fieldError('name')}
          />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            value={form.role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(v) => setForm({ ...form, role: v ?? 'unit' })}
            error={error?.fieldError('role')}
            comboboxProps={{ withinPortal: true }}
          />
          <UnitSelect
            label={t('users.unitPicker')}
            description={t('users.unitPickerHint')}
            required={form.role === 'unit'}
            value={form.orgUnitId}
            onChange={(id) => {
              setUnitMissing(false);
              setForm({ ...form, orgUnitId: id });
            }}
            error={(unitMissing ? t('users.unitRequired') : undefined) ?? error?.fieldError('orgUnitId')}
          />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint', { min: LIMITS.passwordMin })}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('users.togglePassword') }}
            minLength={LIMITS.passwordMin}
            maxLength={LIMITS.passwordMax}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={error?.fieldError('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation();
  const [password, setPassword] = useState('');
  const error = update.error instanceof ApiError ? update.error : null;
  const close = () => {
    update.reset();
    setPassword('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    update.mutate(
      { id: user.id, body: { password } },
      {
        onSuccess: () => {
          notifications.show({ color: 'bio', message: t('users.resetDone', { name: user.name }) });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={Boolean(user)} onClose={close} title={user ? t('users.resetTitle', { name: user.name }) : ''}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !error.fieldError('password') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint', { min: LIMITS.passwordMin })}
            required
            data-autofocus
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('users.togglePassword') }}
            maxLength={LIMITS.passwordMax}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fieldError('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ToggleActiveModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation();
  const deactivating = user?.isActive ?? true;
  const close = () => {
    update.reset();
    onClose();
  };
  const confirm = () => {
    if (!user) return;
    update.mutate(
      { id: user.id, body: { isActive: !user.isActive } },
      {
        onSuccess: (u) => {
          notifications.show({
            color: 'bio',
            message: t(u.isActive ? 'users.reactivated' : 'users.deactivated', { name: u.name }),
          });
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={Boolean(user)}
      onClose={close}
      title={deactivating ? t('users.deactivateTitle') : t('users.reactivateTitle')}
    >
      <Stack>
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <Text>
          {user &&
            t(deactivating ? 'users.deactivateConfirm' : 'users.reactivateConfirm', {
              name: user.name,
              email: user.email,
            })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={deactivating ? 'red.9' : undefined} onClick={confirm} loading={update.isPending}>
            {deactivating ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
