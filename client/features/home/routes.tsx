import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeatureModule } from '../types';

function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('home.title')}
      </Title>
      <Text>{t('app.subtitle')}</Text>
    </Stack>
  );
}

export const feature: FeatureModule = {
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ to: '/', label: 'home.nav', order: 0 }],
};
