import { Button, Center, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { ErrorScreen } from './components/ErrorScreen';
import { useMeQuery } from './features/auth/useAuth';
import type { AppRoute, FeatureModule, NavItem } from './features/types';

// Each feature declares its pages and menu entries in client/features/<feature>/routes.tsx.
const modules = import.meta.glob<{ feature: FeatureModule }>('./features/*/routes.tsx', { eager: true });
const features = Object.values(modules).map((m) => m.feature);
const allRoutes: AppRoute[] = features.flatMap((f) => f.routes ?? []);
const nav: NavItem[] = features.flatMap((f) => f.nav ?? []);

function RequireAuth({ children, ability }: { children: ReactNode; ability?: AppRoute['ability'] }) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center p="xl" role="status">
        <Loader size="sm" />
      </Center>
    );
  }
  if (!me.data)
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // A password the administrator set must be replaced before anything else opens.
  if (me.data.user.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  if (ability && !me.data.abilities.includes(ability)) return <NotFound />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" p="xl" component="main">
      <Title order={1} size="h3">
        {t('common.notFound')}
      </Title>
      <Button component={Link} to="/" variant="light">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}

export const router = createBrowserRouter([
  ...allRoutes
    .filter((r) => r.public)
    .map((r) => ({ path: r.path, element: r.element, errorElement: <ErrorScreen /> })),
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout nav={nav} />
      </RequireAuth>
    ),
    errorElement: <ErrorScreen />,
    children: [
      ...allRoutes
        .filter((r) => !r.public)
        .map((r) => ({
          path: r.path === '/' ? undefined : r.path.replace(/^\//, ''),
          index: r.path === '/' ? true : undefined,
          element: <RequireAuth ability={r.ability}>{r.element}</RequireAuth>,
          // A page that fails keeps the menu around its error screen.
          errorElement: <ErrorScreen />,
        })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
