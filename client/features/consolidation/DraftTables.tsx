import { Badge, List, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation';
import { unitOfMeasure } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules';
import { DataTable } from '../../components/DataTable';
import { ScrollTable } from '../../components/ScrollTable';

/** A waste stream's name as a table row starts it ("Y tế", "Medical"). */
function streamName(stream: string, language: string): string {
  const label = WASTE_STREAM_LABELS[stream as keyof typeof WASTE_STREAM_LABELS];
  const text = label ? label[language === 'en' ? 'en' : 'vi'] : stream;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** The indicators summed over the units, last year beside, with the waste streams below each total. */
export function DraftIndicatorTable({ draft }: { draft: ConsolidationDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.indicatorsTitle')}
      </Title>
      <ScrollTable minWidth={600} label={t('consolidation.indicatorsTitle')}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.indicator')}</Table.Th>
              <Table.Th>{t('consolidation.unitOfMeasure')}</Table.Th>
              <Table.Th ta="right">
                {draft.previousYear
                  ? t('consolidation.yearCol', { year: draft.previousYear })
                  : t('consolidation.previousCol')}
              </Table.Th>
              <Table.Th ta="right">{t('consolidation.yearCol', { year: draft.year })}</Table.Th>
              <Table.Th ta="right">{t('consolidation.reporting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.indicators.flatMap((indicator) => [
              <Table.Tr key={indicator.code} fw={600}>
                <Table.Td>
                  {indicator.name} ({indicator.code})
                </Table.Td>
                <Table.Td>{unitOfMeasure(indicator.unit, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(indicator.previousTotal)}</Table.Td>
                <Table.Td ta="right">{formatNumber(indicator.total)}</Table.Td>
                <Table.Td ta="right">{indicator.reporting}</Table.Td>
              </Table.Tr>,
              ...(indicator.byWasteStream
                ? indicator.streams
                    .filter((stream) => stream.value !== null || stream.previous !== null)
                    .map((stream) => (
                      <Table.Tr key={`${indicator.code}|${stream.stream}`}>
                        <Table.Td pl="xl">– {streamName(stream.stream, i18n.language)}</Table.Td>
                        <Table.Td>{unitOfMeasure(indicator.unit, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(stream.previous)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(stream.value)}</Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ))
                : []),
            ])}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {draft.indicators.some((indicator) => indicator.derived) && (
        <>
          <Title order={3} size="h6" mt="md">
            {t('consolidation.derivedHeading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('consolidation.derivedLead')}
          </Text>
          <List size="sm" spacing={6} mt={4}>
            {draft.indicators
              .filter((indicator) => indicator.derived)
              .map((indicator) => (
                <List.Item key={indicator.code} data-testid={`derived-note-${indicator.code}`}>
                  <Text span size="sm" fw={600}>
                    {indicator.code} — {indicator.name}:
                  </Text>{' '}
                  {t('consolidation.derivedNote', {
                    total: formatNumber(indicator.total) || '—',
                    sum: formatNumber(indicator.derived!.unitsSum) || '—',
                  })}{' '}
                  <Text span size="sm" c="dimmed">
                    {t('consolidation.derivedMethod', { method: indicator.derived!.method })}
                  </Text>
                </List.Item>
              ))}
          </List>
        </>
      )}
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
      <ScrollTable minWidth={560} label={t('consolidation.unitsTitle')}>
        <DataTable
          striped
          withTableBorder
          rows={draft.units}
          rowKey={(unit) => unit.orgUnitId}
          columns={[
            { key: 'unit', header: t('consolidation.unit'), renderCell: (unit) => unit.name },
            {
              key: 'status',
              header: t('consolidation.timingCol'),
              renderCell: (unit) => (
                <Badge
                  variant="light"
                  color={unit.timing === 'on_time' ? 'green' : unit.timing === 'late' ? 'orange' : 'gray'}
                  c="dark"
                >
                  {t(`consolidation.timing.${unit.timing}`)}
                </Badge>
              ),
            },
            {
              key: 'report',
              header: t('consolidation.reportStatus'),
              renderCell: (unit) => t(`consolidation.reportState.${unit.reportStatus}`),
            },
            {
              key: 'compiled',
              header: t('consolidation.compiledCol'),
              renderCell: (unit) =>
                !unit.included
                  ? t('consolidation.compiledNo')
                  : unit.reportStatus === 'accepted'
                    ? t('consolidation.compiledYes')
                    : t('consolidation.compiledProvisional'),
            },
          ]}
        />
      </ScrollTable>
    </Paper>
  );
}
