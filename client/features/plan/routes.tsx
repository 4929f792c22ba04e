import { IconListDetails, IconListTree } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { PlanPage } from './PlanPage';
import { PlansPage } from './PlansPage';

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.plan, element: <PlanPage /> },
    { path: PATHS.plans, element: <PlansPage /> },
    { path: PATHS.planDetail, element: <PlanPage /> },
  ],
  nav: [
    { to: PATHS.plan, label: 'plan.nav', icon: <IconListTree size={18} aria-hidden />, order: 10 },
    { to: PATHS.plans, label: 'plan.plans.nav', icon: <IconListDetails size={18} aria-hidden />, order: 11 },
  ],
};
