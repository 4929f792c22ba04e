import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletenessResponse } from '../../../shared/contracts/reporting';
import { formatNumber } from '../../../shared/format';
import { DataTable, type Column } from '../../components/DataTable';
import { COUNT_KEYS } from './boardModel';
import { TitledSection } from '../../components/TitledSection';

type KindRow = CompletenessResponse['byKind'][number];

/** The cycle's counters as cards: expected, submitted, on time, late, missing, returned, accepted. */
export function BoardCounts({ data }: { data: CompletenessResponse }) {
  const { t } = useTranslation();
  return (
    <TitledSection id="board-counts" title={t('reporting.board.title')} size="h3" mb="sm">
      <SimpleGrid cols={{ base: 2, xs: 4, lg: 7 }} spacing="sm" data-testid="board-counts">
        {COUNT_KEYS.map((key) => (
          <Card key={key} withBorder padding="sm" data-count={key}>
            <Text size="sm" fw={500}>
              {t(`reporting.board.counts.${key}`)}
            </Text>
            <Text
              fz={28}
              fw={700}
              lh={1.2}
              c={key === 'missing' && data.missing > 0 ? 'red.9' : key === 'accepted' ? 'bio.8' : undefined}
            >
              {formatNumber(data[key])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </TitledSection>
  );
}

/** The same counters by kind of unit (kinds with no expected unit left out). */
export function BoardByKind({ data }: { data: CompletenessResponse }) {
  const { t } = useTranslation();
  const columns: Array<Column<KindRow>> = [
    {
      key: 'kindGroup',
      header: t('reporting.board.kindGroup'),
      isRowHeader: true,
      renderCell: (row) => t(`reporting.board.kindGroups.${row.kindGroup}`),
    },
    ...COUNT_KEYS.map((key) => ({
      key,
      header: t(`reporting.board.counts.${key}`),
      numeric: true,
      renderCell: (row: KindRow) => formatNumber(row[key]),
    })),
  ];
  return (
    <TitledSection id="board-kinds" title={t('reporting.board.byKind')} order={3}>
      <DataTable
        withTableBorder
        verticalSpacing={4}
        data-testid="board-by-kind"
        minWidth={640}
        rows={data.byKind.filter((row) => row.expected > 0)}
        rowKey={(row) => row.kindGroup}
        columns={columns}
      />
    </TitledSection>
  );
}
