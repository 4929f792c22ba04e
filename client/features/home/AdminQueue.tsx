import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeriodPhrase } from '../reporting/ui';
import { Link } from 'react-router';
import type { AdminHomeDto } from '../../../shared/contracts/home';
import { formatNumber } from '../../../shared/format';
import { PATHS } from '../../../shared/routes';
import { TitledSection } from '../../components/TitledSection';

/** The admin's queue: the units expected to report that have no account yet. */
export function AdminQueue({ data }: { data: AdminHomeDto }) {
  const { t } = useTranslation();
  const phrase = usePeriodPhrase();
  if (!data.cycle) return <Alert>{t('home.queue.noCycleForAccounts')}</Alert>;
  const count = data.unitsWithoutAccount.length;
  return (
    <TitledSection
      order={3}
      id="home-no-account"
      title={t('home.queue.noAccount', { count, formatted: formatNumber(count), period: phrase(data.cycle) })}
    >
      {count === 0 ? (
        <Text size="sm">{t('home.queue.noAccountNone')}</Text>
      ) : (
        <>
          <Group mb="xs">
            <Anchor component={Link} to={PATHS.users} fw={600}>
              {t('home.queue.toUsers')}
            </Anchor>
          </Group>
          <List size="sm" spacing={2} data-testid="home-no-account" style={{ columns: '18rem' }}>
            {data.unitsWithoutAccount.map((unit) => (
              <List.Item key={unit.id}>{unit.fullName}</List.Item>
            ))}
          </List>
        </>
      )}
    </TitledSection>
  );
}
