import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../../../shared/routes';
import { TitledSection } from '../../components/TitledSection';
import { ActivityList } from './ActivityList';
import { DetailedPlanCard } from './DetailedPlanCard';

/** The unit's page (/hoat-dong): its detailed plan, then its activities and those it coordinates. */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1300}>
      <div>
        <Title order={1} size="h2">
          {t('activities.title')}
        </Title>
        <Text mt={4} maw={860}>
          {t('activities.intro')}
        </Text>
      </div>
      <DetailedPlanCard />
      <TitledSection
        id="unit-activities"
        title={
          <Group justify="space-between" component="span">
            <span>{t('activities.myList')}</span>
            <Button component={Link} to={PATHS.activityNew} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('activities.add')}
            </Button>
          </Group>
        }
      >
        <ActivityList province={false} />
      </TitledSection>
    </Stack>
  );
}
