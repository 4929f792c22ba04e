import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { ConsolidationListPage } from './ConsolidationListPage';
import { ConsolidationPage } from './ConsolidationPage';
import { UnitFilesPage } from './UnitFilesPage';

export const feature: FeatureModule = {
  routes: [
    { path: '/tong-hop', element: <ConsolidationListPage />, ability: 'consolidation.read' },
    { path: '/tong-hop/:cycleId', element: <ConsolidationPage />, ability: 'consolidation.read' },
    { path: '/tep-bao-cao', element: <UnitFilesPage />, ability: 'report.write.own' },
  ],
  nav: [
    {
      to: '/tong-hop',
      label: 'consolidation.nav',
      icon: <IconFileText size={18} aria-hidden />,
      ability: 'consolidation.read',
      roles: ['focal', 'leader'],
      order: 35,
    },
    {
      to: '/tep-bao-cao',
      label: 'consolidation.navUnit',
      icon: <IconFileSpreadsheet size={18} aria-hidden />,
      ability: 'report.write.own',
      roles: ['unit'],
      order: 6,
    },
  ],
};
