import { IconListTree } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { PlanPage } from './PlanPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.plan, element: <PlanPage /> }],
  nav: [{ to: PATHS.plan, label: 'plan.nav', icon: <IconListTree size={18} aria-hidden />, order: 10 }],
};
