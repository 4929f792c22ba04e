import { IconBuildingCommunity } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { OrgUnitPage } from './OrgUnitPage';
import { OrgUnitsPage } from './OrgUnitsPage';

export const feature: FeatureModule = {
  routes: [
    { path: '/don-vi', element: <OrgUnitsPage />, ability: 'orgUnit.read' },
    { path: '/don-vi/:id', element: <OrgUnitPage />, ability: 'orgUnit.read' },
  ],
  nav: [
    {
      to: '/don-vi',
      label: 'orgUnits.nav',
      icon: <IconBuildingCommunity size={18} aria-hidden />,
      ability: 'orgUnit.read',
      order: 20,
    },
  ],
};
