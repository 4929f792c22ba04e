import { IconBook2, IconGitCompare, IconGitPullRequest } from '@tabler/icons-react';
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
    { path: '/sua-doi', element: <AmendmentsPage /> },
    { path: '/sua-doi/moi', element: <AmendmentEditorPage />, ability: 'amendment.propose' },
    { path: '/sua-doi/:id', element: <AmendmentPage /> },
    { path: '/sua-doi/:id/sua', element: <AmendmentEditorPage />, ability: 'amendment.propose' },
    { path: '/ke-hoach/phien-ban', element: <VersionsPage />, ability: 'plan.read' },
    { path: '/van-ban-huong-dan', element: <GuidancePage />, ability: 'plan.read' },
  ],
  nav: [
    {
      to: '/ke-hoach/phien-ban',
      label: 'versions.nav',
      icon: <IconGitCompare size={18} aria-hidden />,
      ability: 'plan.read',
      order: 11,
    },
    { to: '/sua-doi', label: 'amendments.nav', icon: amendmentIcon, ability: 'amendment.propose', order: 45 },
    { to: '/sua-doi', label: 'amendments.nav', icon: amendmentIcon, ability: 'amendment.decide', order: 45 },
    {
      to: '/van-ban-huong-dan',
      label: 'guidance.nav',
      icon: <IconBook2 size={18} aria-hidden />,
      ability: 'guidance.manage',
      order: 46,
    },
  ],
};
