import { IconHome } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { HomePage } from './HomePage';

export const feature: FeatureModule = {
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ to: '/', label: 'home.nav', icon: <IconHome size={18} aria-hidden />, order: 0 }],
};
