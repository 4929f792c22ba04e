import { IconHistory } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { AuditLogPage } from './AuditLogPage';

export const feature: FeatureModule = {
  routes: [{ path: '/nhat-ky', element: <AuditLogPage />, ability: 'audit.read' }],
  nav: [
    {
      to: '/nhat-ky',
      label: 'audit.nav',
      icon: <IconHistory size={18} aria-hidden />,
      ability: 'audit.read',
      order: 95,
    },
  ],
};
