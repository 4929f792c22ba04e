import { IconBell } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { InboxPage } from './InboxPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.inbox, element: <InboxPage /> }],
  nav: [{ to: PATHS.inbox, label: 'notifications.nav', icon: <IconBell size={18} aria-hidden />, order: 1 }],
};
