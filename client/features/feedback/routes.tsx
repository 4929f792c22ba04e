import { IconMessageReport } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { FeedbackDeskPage } from './FeedbackDeskPage';
import { FeedbackItemPage } from './FeedbackItemPage';
import { SendFeedbackPage } from './SendFeedbackPage';

const icon = <IconMessageReport size={18} aria-hidden />;

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.feedbackDesk, element: <FeedbackDeskPage />, ability: 'feedback.send' },
    { path: PATHS.feedbackSend, element: <SendFeedbackPage />, ability: 'feedback.send' },
    { path: PATHS.feedbackItem, element: <FeedbackItemPage />, ability: 'feedback.send' },
  ],
  // The focal department triages the whole desk; a unit sees what it sent or was forwarded.
  nav: [
    { to: PATHS.feedbackDesk, label: 'feedback.nav', icon, ability: 'feedback.triage', order: 40 },
    { to: PATHS.feedbackDesk, label: 'feedback.navUnit', icon, ability: 'feedback.send', roles: ['unit'], order: 40 },
  ],
};
