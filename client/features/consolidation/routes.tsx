import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { ConsolidationListPage } from './ConsolidationListPage';
import { ConsolidationPage } from './ConsolidationPage';
import { UnitFilesPage } from './UnitFilesPage';

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.consolidations, element: <ConsolidationListPage />, ability: 'consolidation.read' },
    { path: PATHS.consolidation, element: <ConsolidationPage />, ability: 'consolidation.read' },
    { path: PATHS.unitFiles, element: <UnitFilesPage />, ability: 'report.write.own' },
  ],
  nav: [
    {
      to: PATHS.consolidations,
      label: 'consolidation.nav',
      icon: <IconFileText size={18} aria-hidden />,
      ability: 'consolidation.read',
      roles: ['focal', 'leader'],
      order: 35,
    },
    {
      to: PATHS.unitFiles,
      label: 'consolidation.navUnit',
      icon: <IconFileSpreadsheet size={18} aria-hidden />,
      ability: 'report.write.own',
      roles: ['unit'],
      order: 6,
    },
  ],
};
