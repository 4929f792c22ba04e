import type { FeatureModule } from '../types';
import { LoginPage } from './LoginPage';

export const feature: FeatureModule = {
  routes: [{ path: '/dang-nhap', element: <LoginPage />, public: true }],
};
