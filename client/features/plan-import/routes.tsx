import { IconFileImport } from '@tabler/icons-react';
import type { FeatureModule } from '../types';
import { ImportReviewPage } from './ImportReviewPage';
import { ImportStartPage } from './ImportStartPage';

const icon = <IconFileImport size={18} aria-hidden />;

export const feature: FeatureModule = {
  // The focal department and administrators import plans; the server checks, so no single ability gates the pages.
  routes: [
    { path: '/nhap-ke-hoach', element: <ImportStartPage /> },
    { path: '/nhap-ke-hoach/:id', element: <ImportReviewPage /> },
  ],
  nav: [
    { to: '/nhap-ke-hoach', label: 'planImport.nav', icon, ability: 'plan.edit', order: 12 },
    { to: '/nhap-ke-hoach', label: 'planImport.nav', icon, roles: ['admin'], order: 12 },
  ],
};
