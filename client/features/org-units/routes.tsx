import { IconBuildingCommunity } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { OrgUnitPage } from './OrgUnitPage';
import { OrgUnitsPage } from './OrgUnitsPage';

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.orgUnits, element: <OrgUnitsPage />, ability: 'orgUnit.read' },
    { path: PATHS.orgUnit, element: <OrgUnitPage />, ability: 'orgUnit.read' },
  ],
  nav: [
    {
      to: PATHS.orgUnits,
      label: 'orgUnits.nav',
      icon: <IconBuildingCommunity size={18} aria-hidden />,
      ability: 'orgUnit.read',
      order: 20,
    },
  ],
};
