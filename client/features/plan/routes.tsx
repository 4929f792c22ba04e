import { IconListTree } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { PlanPage } from './PlanPage';

export const feature: FeatureModule = {
  routes: [{ path: '/ke-hoach', element: <PlanPage /> }],
  nav: [{ to: '/ke-hoach', label: 'plan.nav', icon: <IconListTree size={18} aria-hidden />, order: 10 }],
};
