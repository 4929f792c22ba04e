import { Badge, Button, Group, Menu, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconChevronDown,
  IconDevices,
  IconKey,
  IconLock,
  IconLockOpen,
  IconShieldCheck,
  IconUserCog,
  IconUserPlus,
} from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../shared/contracts/users';
import { ROLES, type Role } from '../../../shared/domain';
import { formatDateTime } from '../../../shared/format';
import { ariaSort, ListResults, ListTable, SearchInput, SortButton } from '../../components/ListControls';
import { useUnlockUserMutation, useUsersQuery } from './api';
import { EditAccessModal, SessionsModal } from './UserAccessModals';
import { CreateUserModal, ResetPasswordModal, ToggleActiveModal } from './UserModals';

const PAGE_SIZE = 20;
type SortKey = 'name' | 'email' | 'role' | 'createdAt';

/**
 * Admin accounts page (/tai-khoan): list, create, change role and unit, reset password, open
 * sessions, lift a sign-in lock, deactivate/reactivate.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: SortKey; order: 'asc' | 'desc' }>({ key: 'name', order: 'asc' });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [toggling, setToggling] = useState<UserDto | null>(null);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [watching, setWatching] = useState<UserDto | null>(null);
  const unlock = useUnlockUserMutation();
  // The server sends lockedUntil only while the lock holds.
  const isLocked = (u: UserDto) => Boolean(u.lockedUntil);
  const list = useUsersQuery({
    q: debouncedQ || undefined,
    role,
    page,
    pageSize: PAGE_SIZE,
    sort: sort.key,
    order: sort.order,
  });

  const direction = (key: SortKey) => (sort.key === key ? sort.order : undefined);
  const sortButton = (key: SortKey, label: string) => (
    <SortButton
      label={label}
      direction={direction(key)}
      aria-pressed={sort.key === key}
      onSort={() => {
        setSort(sort.key === key ? { key, order: sort.order === 'asc' ? 'desc' : 'asc' } : { key, order: 'asc' });
        setPage(1);
      }}
    />
  );

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Group>

      <Group align="flex-end" gap="md">
        <SearchInput
          label={t('users.search')}
          value={q}
          onChange={(value) => {
            setQ(value);
            setPage(1);
          }}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t('users.role')}
          value={role ?? ''}
          allowDeselect={false}
          data={[
            { value: '', label: t('users.allRoles') },
            ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
          onChange={(v) => {
            setRole(v || undefined);
            setPage(1);
          }}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>

      <ListResults
        query={list}
        empty={t('users.none')}
        showing={(range) => t('users.showing', range)}
        onPage={setPage}
        namePages
      >
        {(data) => (
          <ListTable>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Group gap="md" wrap="nowrap">
                    {sortButton('name', t('users.name'))}
                    {sortButton('email', t('users.email'))}
                  </Group>
                </Table.Th>
                <Table.Th aria-sort={ariaSort(direction('role'))}>{sortButton('role', t('users.role'))}</Table.Th>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.status')}</Table.Th>
                <Table.Th aria-sort={ariaSort(direction('createdAt'))}>
                  {sortButton('createdAt', t('users.createdAt'))}
                </Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((u) => (
                <Table.Tr key={u.id} data-email={u.email}>
                  <Table.Td miw={200}>
                    <Text fw={600} size="sm">
                      {u.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {u.email}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td miw={160}>{u.orgUnit?.name ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      variant={u.isActive ? 'filled' : 'outline'}
                      color={u.isActive ? 'bio.7' : 'dark'}
                      tt="none"
                      style={{ minWidth: 'max-content' }}
                    >
                      {u.isActive ? t('users.active') : t('users.inactive')}
                    </Badge>
                    {isLocked(u) && (
                      <Badge display="block" mt={4} variant="outline" color="orange.9" tt="none">
                        {t('users.lockedUntil', { at: formatDateTime(u.lockedUntil) })}
                      </Badge>
                    )}
                    {u.mustChangePassword && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('users.mustChange')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
                  <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          rightSection={<IconChevronDown size={14} aria-hidden />}
                          aria-label={t('users.actionsFor', { action: t('common.actions'), name: u.name })}
                        >
                          {t('common.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconUserCog size={16} aria-hidden />} onClick={() => setEditing(u)}>
                          {t('users.changeAccess')}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconDevices size={16} aria-hidden />} onClick={() => setWatching(u)}>
                          {t('users.sessions')}
                        </Menu.Item>
                        {isLocked(u) && (
                          <Menu.Item
                            leftSection={<IconShieldCheck size={16} aria-hidden />}
                            onClick={() =>
                              unlock.mutate(u.id, {
                                onSuccess: () =>
                                  notifications.show({
                                    color: 'bio',
                                    message: t('users.unlocked', { name: u.name }),
                                  }),
                                onError: (e) => notifications.show({ color: 'red', message: e.message }),
                              })
                            }
                          >
                            {t('users.liftLock')}
                          </Menu.Item>
                        )}
                        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(u)}>
                          {t('users.resetPassword')}
                        </Menu.Item>
                        <Menu.Item
                          leftSection={
                            u.isActive ? <IconLock size={16} aria-hidden /> : <IconLockOpen size={16} aria-hidden />
                          }
                          color={u.isActive ? 'red.9' : undefined}
                          onClick={() => setToggling(u)}
                        >
                          {u.isActive ? t('users.deactivate') : t('users.reactivate')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </ListResults>

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ToggleActiveModal user={toggling} onClose={() => setToggling(null)} />
      <EditAccessModal user={editing} onClose={() => setEditing(null)} />
      <SessionsModal user={watching} onClose={() => setWatching(null)} />
    </Stack>
  );
}
