import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDto } from '../../../shared/contracts/plans';
import { QueryState } from '../../components/QueryState';
import { useTargetsQuery } from './api';
import { TargetTable } from './TargetTable';

/** "Chỉ tiêu" on the plan page: the targets of the version shown; a plan may have none. */
export function TargetsSection({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const targets = useTargetsQuery(plan.id, plan.version);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chi-tieu-title" id="chi-tieu">
      <Stack gap="sm">
        <Title order={2} size="h4" id="chi-tieu-title">
          {t('targets.title')}
        </Title>
        <QueryState query={targets}>
          {(data) =>
            data.data.length === 0 ? (
              <Text size="sm">{t('targets.none')}</Text>
            ) : (
              <>
                <Text size="sm">{t('targets.intro', { n: data.version })}</Text>
                <TargetTable targets={data.data} />
              </>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
