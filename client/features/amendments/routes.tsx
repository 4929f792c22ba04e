import { IconBook2, IconGitCompare, IconGitPullRequest } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { AmendmentEditorPage } from './AmendmentEditorPage';
import { AmendmentPage } from './AmendmentPage';
import { AmendmentsPage } from './AmendmentsPage';
import { GuidancePage } from './GuidancePage';
import { VersionsPage } from './VersionsPage';

const amendmentIcon = <IconGitPullRequest size={18} aria-hidden />;

export const feature: FeatureModule = {
  routes: [
    // Read by those who propose (focal) and those who decide (leaders); the page and the server check both.
    { path: PATHS.amendments, element: <AmendmentsPage /> },
    { path: PATHS.amendmentNew, element: <AmendmentEditorPage />, ability: 'amendment.propose' },
    { path: PATHS.amendment, element: <AmendmentPage /> },
    { path: PATHS.amendmentEdit, element: <AmendmentEditorPage />, ability: 'amendment.propose' },
    { path: PATHS.planVersions, element: <VersionsPage />, ability: 'plan.read' },
    { path: PATHS.guidance, element: <GuidancePage />, ability: 'plan.read' },
  ],
  nav: [
    {
      to: PATHS.planVersions,
      label: 'versions.nav',
      icon: <IconGitCompare size={18} aria-hidden />,
      ability: 'plan.read',
      order: 11,
    },
    { to: PATHS.amendments, label: 'amendments.nav', icon: amendmentIcon, ability: 'amendment.propose', order: 45 },
    { to: PATHS.amendments, label: 'amendments.nav', icon: amendmentIcon, ability: 'amendment.decide', order: 45 },
    {
      to: PATHS.guidance,
      label: 'guidance.nav',
      icon: <IconBook2 size={18} aria-hidden />,
      ability: 'guidance.manage',
      order: 46,
    },
  ],
};
