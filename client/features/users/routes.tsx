import { IconUsers } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { UsersPage } from './UsersPage';

export const feature: FeatureModule = {
  routes: [{ path: '/tai-khoan', element: <UsersPage />, ability: 'user.manage' }],
  nav: [
    {
      to: '/tai-khoan',
      label: 'users.nav',
      icon: <IconUsers size={18} aria-hidden />,
      ability: 'user.manage',
      order: 90,
    },
  ],
};
