import { IconChecklist, IconListDetails } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { ActivityPage } from './ActivityPage';
import { AllActivitiesPage } from './AllActivitiesPage';
import { DetailedPlansPage } from './DetailedPlansPage';
import { MyActivitiesPage } from './MyActivitiesPage';
import { NewActivityPage } from './NewActivityPage';

// A unit keeps its detailed plan and activities; the focal department and leaders read every unit's.
export const feature: FeatureModule = {
  routes: [
    { path: PATHS.myActivities, element: <MyActivitiesPage /> },
    { path: PATHS.activityNew, element: <NewActivityPage /> },
    { path: PATHS.activity, element: <ActivityPage /> },
    { path: PATHS.activitiesAll, element: <AllActivitiesPage />, ability: 'report.read.all' },
    { path: PATHS.detailedPlans, element: <DetailedPlansPage />, ability: 'report.read.all' },
  ],
  nav: [
    {
      to: PATHS.myActivities,
      label: 'activities.nav',
      icon: <IconChecklist size={18} aria-hidden />,
      roles: ['unit'],
      order: 42,
    },
    {
      to: PATHS.activitiesAll,
      label: 'activities.navAll',
      icon: <IconChecklist size={18} aria-hidden />,
      roles: ['focal', 'leader'],
      order: 42,
    },
    {
      to: PATHS.detailedPlans,
      label: 'activities.navPlans',
      icon: <IconListDetails size={18} aria-hidden />,
      roles: ['focal', 'leader'],
      order: 43,
    },
  ],
};
