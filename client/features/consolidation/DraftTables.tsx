import { Badge, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation';
import { unitOfMeasure } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';

/** The indicators summed over the units, last year beside, with the waste streams below each total. */
export function DraftIndicatorTable({ draft }: { draft: ConsolidationDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.indicatorsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.indicator')}</Table.Th>
              <Table.Th>{t('consolidation.unitOfMeasure')}</Table.Th>
              <Table.Th ta="right">{draft.previousYear ? t('consolidation.yearCol', { year: draft.previousYear }) : t('consolidation.previousCol')}</Table.Th>
              <Table.Th ta="right">{t('consolidation.yearCol', { year: draft.year })}</Table.Th>
              <Table.Th ta="right">{t('consolidation.reporting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.indicators.flatMap((i) => [
              <Table.Tr key={i.code} fw={600}>
                <Table.Td>
                  {i.name} ({i.code})
                </Table.Td>
                <Table.Td>{unitOfMeasure(i.unit, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(i.previousTotal)}</Table.Td>
                <Table.Td ta="right">{formatNumber(i.total)}</Table.Td>
                <Table.Td ta="right">{i.reporting}</Table.Td>
              </Table.Tr>,
              ...(i.byWasteStream
                ? i.streams
                    .filter((s) => s.value !== null || s.previous !== null)
                    .map((s) => (
                      <Table.Tr key={`${i.code}|${s.stream}`}>
                        <Table.Td pl="xl">– {s.stream === 'agri' ? 'Nông, lâm, thủy sản' : s.stream === 'medical' ? 'Y tế' : s.stream === 'industrial' ? 'Công nghiệp' : s.stream === 'domestic' ? 'Sinh hoạt' : s.stream}</Table.Td>
                        <Table.Td>{unitOfMeasure(i.unit, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(s.previous)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(s.value)}</Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ))
                : []),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The expected units and whether each reported on time. */
export function DraftUnitsTable({ draft }: { draft: ConsolidationDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.unitsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={500}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.unit')}</Table.Th>
              <Table.Th>{t('consolidation.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.units.map((u) => (
              <Table.Tr key={u.orgUnitId}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.timing === 'on_time' ? 'green' : u.timing === 'late' ? 'orange' : 'gray'} c="dark">
                    {t(`consolidation.timing.${u.timing}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
