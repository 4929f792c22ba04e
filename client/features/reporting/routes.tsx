import { IconCalendarStats, IconFileReport } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import type { FeatureModule } from '../types';
import { CyclePage } from './CyclePage';
import { CyclesPage } from './CyclesPage';
import { MyReportsPage } from './MyReportsPage';
import { ReportPage } from './ReportPage';

export const feature: FeatureModule = {
  routes: [
    { path: '/ky-bao-cao', element: <CyclesPage />, ability: 'cycle.read' },
    { path: '/ky-bao-cao/:id', element: <CyclePage />, ability: 'cycle.read' },
    { path: '/bao-cao-cua-don-vi', element: <MyReportsPage />, ability: 'report.write.own' },
    { path: '/bao-cao/:id', element: <ReportPage />, ability: 'cycle.read' },
    // Links written by the server in notifications and e-mails ("/reports?cycleId=…").
    { path: '/reports', element: <Navigate to="/bao-cao-cua-don-vi" replace />, ability: 'report.write.own' },
  ],
  nav: [
    {
      to: '/bao-cao-cua-don-vi',
      label: 'reporting.navMine',
      icon: <IconFileReport size={18} aria-hidden />,
      ability: 'report.write.own',
      roles: ['unit'],
      order: 5,
    },
    {
      to: '/ky-bao-cao',
      label: 'reporting.navCycles',
      icon: <IconCalendarStats size={18} aria-hidden />,
      ability: 'cycle.read',
      roles: ['focal', 'leader', 'admin'],
      order: 30,
    },
  ],
};
