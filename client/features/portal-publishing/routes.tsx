import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { PublishingPage } from './PublishingPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.portalPublishing, element: <PublishingPage />, ability: 'consolidation.read' }],
};
