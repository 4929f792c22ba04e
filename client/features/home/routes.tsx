import { IconHome } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { HomePage } from './HomePage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.home, element: <HomePage /> }],
  nav: [{ to: PATHS.home, label: 'home.nav', icon: <IconHome size={18} aria-hidden />, order: 0 }],
};
