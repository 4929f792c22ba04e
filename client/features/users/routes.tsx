import { IconUsers } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { UsersPage } from './UsersPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.users, element: <UsersPage />, ability: 'user.manage' }],
  nav: [
    {
      to: PATHS.users,
      label: 'users.nav',
      icon: <IconUsers size={18} aria-hidden />,
      ability: 'user.manage',
      order: 90,
    },
  ],
};
