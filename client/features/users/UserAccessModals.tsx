import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import type { UserDto } from '../../../shared/contracts/users';
import { ROLES, type Role } from '../../../shared/domain';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { UnitSelect } from '../../components/UnitSelect';
import { SessionsTable } from '../auth/SessionsTable';
import { useRevokeUserSessionMutation, useUpdateUserMutation, useUserSessionsQuery } from './api';

/** The account's unit reference as the picker's first option (its name shows before any search). */
function asUnit(ref: NonNullable<UserDto['orgUnit']>): OrgUnitDto {
  return {
    id: ref.id,
    code: ref.code,
    name: ref.name,
    fullName: ref.name,
    kind: ref.kind as OrgUnitDto['kind'],
    parentId: null,
    validFrom: null,
    validTo: null,
    postalCode: null,
  };
}

/** The admin changes an account's role and unit (audited on the server; its sessions end). */
export function EditAccessModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={Boolean(user)}
      onClose={onClose}
      title={user ? t('users.accessTitle', { name: user.name }) : ''}
      size="lg"
    >
      {user && <EditAccessForm key={user.id} user={user} onClose={onClose} />}
    </Modal>
  );
}

function EditAccessForm({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation();
  const [role, setRole] = useState<Role>(user.role);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(user.orgUnit?.id ?? null);
  const [unitMissing, setUnitMissing] = useState(false);
  const error = update.error instanceof ApiError ? update.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === 'unit' && !orgUnitId) return setUnitMissing(true);
    update.mutate(
      { id: user.id, body: { role, orgUnitId } },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'bio', message: t('users.accessChanged', { name: u.name }) });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.issues.length && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Select
          label={t('users.role')}
          required
          allowDeselect={false}
          data-autofocus
          value={role}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(v) => setRole(v ?? 'unit')}
          error={error?.fieldError('role')}
          comboboxProps={{ withinPortal: true }}
        />
        <UnitSelect
          label={t('users.unitPicker')}
          description={t('users.unitPickerHint')}
          required={role === 'unit'}
          value={orgUnitId}
          initial={user.orgUnit ? asUnit(user.orgUnit) : null}
          onChange={(id) => {
            setUnitMissing(false);
            setOrgUnitId(id);
          }}
          error={(unitMissing ? t('users.unitRequired') : undefined) ?? error?.fieldError('orgUnitId')}
        />
        <Text size="sm" c="dimmed">
          {t('users.accessHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The admin sees an account's open sessions and ends any of them (audited). */
export function SessionsModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const sessions = useUserSessionsQuery(user?.id ?? null);
  const revoke = useRevokeUserSessionMutation();
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <Modal
      opened={Boolean(user)}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
      title={user ? t('users.sessionsTitle', { name: user.name }) : ''}
      size="xl"
    >
      <Stack>
        {revoke.error && (
          <Alert color="red" role="alert">
            {revoke.error.message}
          </Alert>
        )}
        {user && (
          <QueryState query={sessions}>
            {(data) => (
              <SessionsTable
                label={t('users.sessionsTitle', { name: user.name })}
                sessions={data.data}
                revoking={revoking}
                onRevoke={(s) => {
                  setRevoking(s.id);
                  revoke.mutate(
                    { userId: user.id, sessionId: s.id },
                    {
                      onSuccess: () => notifications.show({ color: 'bio', message: t('account.revoked') }),
                      onSettled: () => setRevoking(null),
                    },
                  );
                }}
              />
            )}
          </QueryState>
        )}
      </Stack>
    </Modal>
  );
}
