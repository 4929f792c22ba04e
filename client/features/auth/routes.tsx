import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { LoginPage } from './LoginPage';

export const feature: FeatureModule = {
  routes: [{ path: PATHS.login, element: <LoginPage />, public: true }],
};
