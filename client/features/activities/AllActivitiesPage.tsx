import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActivityList } from './ActivityList';

/** The focal department's and leaders' list of every unit's activities (/hoat-dong-toan-tinh). */
export function AllActivitiesPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1400}>
      <div>
        <Title order={1} size="h2">
          {t('activities.allTitle')}
        </Title>
        <Text mt={4} maw={860}>
          {t('activities.allIntro')}
        </Text>
      </div>
      <ActivityList province />
    </Stack>
  );
}
