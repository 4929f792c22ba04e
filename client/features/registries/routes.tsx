import { IconBuildingFactory2 } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { EnterprisePage } from './EnterprisePage';
import { EnterprisesPage } from './EnterprisesPage';
import { NewEnterprisePage } from './NewEnterprisePage';

const icon = <IconBuildingFactory2 size={18} aria-hidden />;

// Every signed-in role reads the province-wide registry.
export const feature: FeatureModule = {
  routes: [
    { path: '/doanh-nghiep', element: <EnterprisesPage /> },
    { path: '/doanh-nghiep/moi', element: <NewEnterprisePage /> },
    { path: '/doanh-nghiep/:id', element: <EnterprisePage /> },
  ],
  nav: [{ to: '/doanh-nghiep', label: 'registries.nav', icon, order: 45 }],
};
