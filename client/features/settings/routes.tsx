import { IconSettings, IconSignature } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { SettingsPage } from './SettingsPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.settings, element: <SettingsPage /> }],
  nav: [
    {
      to: PATHS.settings,
      label: 'settings.nav',
      icon: <IconSettings size={18} aria-hidden />,
      ability: 'settings.manage',
      order: 97,
    },
    {
      to: PATHS.settings,
      label: 'settings.navUnit',
      icon: <IconSignature size={18} aria-hidden />,
      roles: ['unit'],
      order: 97,
    },
  ],
};
