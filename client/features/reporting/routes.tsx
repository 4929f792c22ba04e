import { IconCalendarStats, IconFileReport } from '@tabler/icons-react';
import { Navigate, useParams } from 'react-router';
import { PATHS, routes } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { CyclePage } from './CyclePage';
import { CyclesPage } from './CyclesPage';
import { MyReportsPage } from './MyReportsPage';
import { ReportPage } from './ReportPage';

/** An old e-mail's "/reports/:id" opens the report's page. */
function LegacyReportLink() {
  const { id = '' } = useParams();
  return <Navigate to={routes.report(id)} replace />;
}

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.cycles, element: <CyclesPage />, ability: 'cycle.read' },
    { path: PATHS.cycle, element: <CyclePage />, ability: 'cycle.read' },
    { path: PATHS.myReports, element: <MyReportsPage />, ability: 'report.write.own' },
    { path: PATHS.report, element: <ReportPage />, ability: 'cycle.read' },
    // Links of e-mails sent before the route table (shared/routes.ts) existed; the server no longer writes them.
    { path: '/reports', element: <Navigate to={PATHS.myReports} replace />, ability: 'report.write.own' },
    { path: '/reports/:id', element: <LegacyReportLink />, ability: 'cycle.read' },
  ],
  nav: [
    {
      to: PATHS.myReports,
      label: 'reporting.navMine',
      icon: <IconFileReport size={18} aria-hidden />,
      ability: 'report.write.own',
      roles: ['unit'],
      order: 5,
    },
    {
      to: PATHS.cycles,
      label: 'reporting.navCycles',
      icon: <IconCalendarStats size={18} aria-hidden />,
      ability: 'cycle.read',
      roles: ['focal', 'leader', 'admin'],
      order: 30,
    },
  ],
};
