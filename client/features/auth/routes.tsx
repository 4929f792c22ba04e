import { IconUserCircle } from '@tabler/icons-react';
import { PATHS } from '../../../shared/routes';
import type { FeatureModule } from '../types';
import { AccountPage, ForcedPasswordChangePage } from './AccountPages';
import { LoginPage } from './LoginPage';
import { ForgotPasswordPage, ResetPasswordPage, UnlockPage } from './RecoveryPages';

export const feature: FeatureModule = {
  routes: [
    { path: PATHS.login, element: <LoginPage />, public: true },
    { path: '/quen-mat-khau', element: <ForgotPasswordPage />, public: true },
    { path: '/dat-lai-mat-khau', element: <ResetPasswordPage />, public: true },
    { path: '/mo-khoa', element: <UnlockPage />, public: true },
    // Signed in, outside the menu frame: nothing else opens until the password is changed.
    { path: '/doi-mat-khau', element: <ForcedPasswordChangePage />, public: true },
    { path: '/tai-khoan-cua-toi', element: <AccountPage /> },
  ],
  nav: [
    {
      to: '/tai-khoan-cua-toi',
      label: 'account.nav',
      icon: <IconUserCircle size={18} aria-hidden />,
      order: 95,
    },
  ],
};
