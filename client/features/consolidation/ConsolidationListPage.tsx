import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useCyclesQuery } from './api';

/** The cycles whose consolidated report can be opened. */
export function ConsolidationListPage() {
  const { t } = useTranslation();
  const cycles = useCyclesQuery();
  return (
    <Stack component="main" p="md" gap="md">
      <Title order={1} size="h2">
        {t('consolidation.listTitle')}
      </Title>
      <Text>{t('consolidation.listIntro')}</Text>
      <QueryState query={cycles}>
        {(data) =>
          data.data.length === 0 ? (
            <Text>{t('consolidation.noCycles')}</Text>
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consolidation.year')}</Table.Th>
                  <Table.Th>{t('consolidation.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>{t(`consolidation.cycleStatus.${c.status}`)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/tong-hop/${c.id}`}>
                        {t('consolidation.title', { year: c.year })}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
