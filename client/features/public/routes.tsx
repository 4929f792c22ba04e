import type { FeatureModule } from '../types';
import { PublicFeedbackPage } from './PublicFeedbackPage';
import { TrackingPage } from './TrackingPage';

/** Public pages: no account needed. */
export const feature: FeatureModule = {
  routes: [
    { path: '/gop-y', element: <PublicFeedbackPage />, public: true },
    { path: '/gop-y/tra-cuu', element: <TrackingPage />, public: true },
  ],
};
