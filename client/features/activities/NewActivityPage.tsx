import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { todayInVietnam } from '../../../shared/format';
import { PATHS, routes } from '../../../shared/routes';
import { ActivityForm, toRequest } from './ActivityForm';
import { useCreateActivityMutation } from './api';

/** A new activity of the unit (/hoat-dong/moi). */
export function NewActivityPage() {
  const { t } = useTranslation();
  const [year] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const navigate = useNavigate();
  const create = useCreateActivityMutation();
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={PATHS.myActivities} size="sm">
        ← {t('activities.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('activities.newTitle')}
      </Title>
      <Paper withBorder p="md">
        <ActivityForm
          initial={{
            title: '',
            planItemKeys: [],
            coordinatingUnits: [],
            period: { kind: 'quarter', year, number: 1 },
            budget: null,
            budgetSource: null,
            expectedOutput: '',
            status: 'not_started',
            statusReason: null,
          }}
          submitLabel={t('activities.create')}
          submitting={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate(toRequest(v), { onSuccess: (a) => void navigate(routes.activity(a.id)) })}
          onCancel={() => void navigate(PATHS.myActivities)}
        />
      </Paper>
    </Stack>
  );
}
