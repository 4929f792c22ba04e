import { IconChartBar, IconReportAnalytics } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';

// The dashboards draw with ECharts: their pages are loaded on demand, so no other page loads it.
const ProgressPage = lazy(() => import('./ProgressPage').then((m) => ({ default: m.ProgressPage })));
const OverviewPage = lazy(() => import('./OverviewPage').then((m) => ({ default: m.OverviewPage })));

const page = (element: ReactNode) => (
  <Suspense
    fallback={
      <Center p="xl" role="status">
        <Loader size="sm" />
      </Center>
    }
  >
    {element}
  </Suspense>
);

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.progress, element: page(<ProgressPage />) },
    { path: PATHS.overview, element: page(<OverviewPage />) },
  ],
  nav: [
    {
      to: PATHS.overview,
      label: 'progress.navOverview',
      icon: <IconReportAnalytics size={18} aria-hidden />,
      roles: ['leader', 'focal', 'admin'],
      order: 1,
    },
    {
      to: PATHS.progress,
      label: 'progress.nav',
      icon: <IconChartBar size={18} aria-hidden />,
      roles: ['leader', 'focal', 'admin'],
      order: 36,
    },
  ],
};
