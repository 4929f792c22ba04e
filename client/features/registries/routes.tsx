import { IconBooks } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { EnterprisePage } from './EnterprisePage';
import { EnterprisesPage } from './EnterprisesPage';
import { NewEnterprisePage } from './NewEnterprisePage';
import { NewRecordPage } from './NewRecordPage';
import { RecordPage } from './RecordPage';
import { RecordsPage } from './RecordsPage';
import { RegistriesPage } from './RegistriesPage';

const icon = <IconBooks size={18} aria-hidden />;

// Every signed-in role reads the province-wide registries. "Sổ theo dõi" lists them all, the
// enterprise registry first.
export const feature: FeatureModule = {
  routes: [
    { path: '/doanh-nghiep', element: <EnterprisesPage /> },
    { path: '/doanh-nghiep/moi', element: <NewEnterprisePage /> },
    { path: '/doanh-nghiep/:id', element: <EnterprisePage /> },
    { path: PATHS.registries, element: <RegistriesPage /> },
    { path: PATHS.registryList, element: <RecordsPage /> },
    { path: PATHS.registryNew, element: <NewRecordPage /> },
    { path: PATHS.registryRecord, element: <RecordPage /> },
  ],
  nav: [{ to: PATHS.registries, label: 'registries.hub.nav', icon, order: 45 }],
};
