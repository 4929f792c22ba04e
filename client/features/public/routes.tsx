import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { PublicFeedbackPage } from './PublicFeedbackPage';
import { TrackingPage } from './TrackingPage';

/** Public pages: no account needed. */
export const feature: FeatureModule = {
  routes: [
    { path: PATHS.publicFeedback, element: <PublicFeedbackPage />, public: true },
    { path: PATHS.publicTracking, element: <TrackingPage />, public: true },
  ],
};
