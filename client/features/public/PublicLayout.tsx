import { Anchor, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the public pages: portal name, the two public pages and the portal, language, staff sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navLink = (to: string, label: string) => {
    const active = location.pathname === to;
    return (
      <Anchor
        component={Link}
        to={to}
        fw={600}
        size="sm"
        c="bio.8"
        underline={active ? 'always' : 'hover'}
        aria-current={active ? 'page' : undefined}
      >
        {label}
      </Anchor>
    );
  };
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Anchor href="#main" className="skip-link">
        {t('app.skip')}
      </Anchor>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" gap="sm">
            <Stack gap={0}>
              <Anchor component={Link} to="/gop-y" underline="never" c="inherit">
                <Text fw={800} fz="xl" c="bio.8">
                  bioplan
                </Text>
              </Anchor>
              <Text size="sm">{t('public.portal')}</Text>
            </Stack>
            <Group gap="md">
              <nav aria-label={t('public.portalShort')}>
                <Group gap="md">
                  {navLink('/gop-y', t('public.navSend'))}
                  {navLink('/gop-y/tra-cuu', t('public.navLookup'))}
                  {/* The portal is served by the server, not the client: a full page load. */}
                  <Anchor href="/cong-thong-tin" fw={600} size="sm" c="bio.8" underline="hover">
                    {t('public.navPortal')}
                  </Anchor>
                </Group>
              </nav>
              <LanguageSwitch />
              <Anchor component={Link} to="/dang-nhap" size="sm">
                {t('public.staffLogin')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="xl" component="main" id="main" tabIndex={-1} w="100%" style={{ flex: 1 }}>
        {children}
      </Container>
      <Box component="footer" bg="white" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md">
          <Text size="sm">{t('public.footer')}</Text>
        </Container>
      </Box>
    </Box>
  );
}

/** A page title block of the public pages. */
export function PublicTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack gap={6} mb="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
