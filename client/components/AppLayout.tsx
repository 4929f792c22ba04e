import {
  Anchor,
  AppShell,
  Box,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogoutMutation, useMeQuery } from '../features/auth/useAuth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import type { NavItem } from '../features/types';
import { LanguageSwitch } from './LanguageSwitch';

/** The signed-in frame: header with account and language, the menu, the page. */
export function AppLayout({ nav }: { nav: NavItem[] }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  // On a phone the language switch moves from the header into the menu, so the header fits.
  const wide = useMediaQuery('(min-width: 36em)', true);
  const me = useMeQuery().data;
  const logout = useLogoutMutation();
  const navigate = useNavigate();
  const location = useLocation();
  // The menu entry whose path is the longest prefix of the address is the active one.
  const activeTo = nav
    .map((n) => n.to)
    .filter((to) =>
      to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`),
    )
    .sort((a, b) => b.length - a.length)[0];
  const items = nav
    .filter(
      (n) => (!n.ability || me?.abilities.includes(n.ability)) && (!n.roles || (me && n.roles.includes(me.user.role))),
    )
    .sort((a, b) => a.order - b.order);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Anchor href="#main" className="skip-link">
        {t('app.skip')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" c="bio.8">
                bioplan
              </Title>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md" lineClamp={1}>
              {t('app.subtitle')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide && <LanguageSwitch />}
            {me && <NotificationBell />}
            {me && (
              <Stack gap={0} visibleFrom="sm" align="flex-end">
                <Text size="sm" fw={500}>
                  {me.user.name}
                </Text>
                <Group gap={4}>
                  <Badge size="xs" variant="light">
                    {t(`roles.${me.user.role}`)}
                  </Badge>
                  {me.user.orgUnit && (
                    <Text size="xs" c="dimmed">
                      {me.user.orgUnit.name}
                    </Text>
                  )}
                </Group>
              </Stack>
            )}
            <Button
              variant="subtle"
              size="xs"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/dang-nhap') })}
            >
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <ScrollArea>
          {!wide && (
            <Box mb="sm">
              <LanguageSwitch />
            </Box>
          )}
          <nav aria-label={t('nav.menu')}>
            <VisuallyHidden>
              <h2>{t('nav.menu')}</h2>
            </VisuallyHidden>
            {items.map((n) => (
              <NavLink
                key={n.to}
                component={Link}
                to={n.to}
                label={t(n.label)}
                leftSection={n.icon}
                active={n.to === activeTo}
                onClick={close}
              />
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
