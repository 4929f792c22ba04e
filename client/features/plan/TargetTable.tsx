import { Table, Text } from '@mantine/core';
import { ScrollTable } from '../../components/ScrollTable';
import { useTranslation } from 'react-i18next';
import type { TargetDto } from '../../../shared/contracts/targets';
import { baselineText, targetText, targetValueText } from './targetText';

/** The targets of a plan version: indicator, baseline, target, target value, direction, source. */
export function TargetTable({ targets, caption }: { targets: TargetDto[]; caption?: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <ScrollTable minWidth={720} label={caption ?? t('targets.title')}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="targets-table">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('targets.col.indicator')}</Table.Th>
            <Table.Th scope="col">{t('targets.col.baseline')}</Table.Th>
            <Table.Th scope="col">{t('targets.col.target')}</Table.Th>
            <Table.Th scope="col">{t('targets.col.targetValue')}</Table.Th>
            <Table.Th scope="col">{t('targets.col.direction')}</Table.Th>
            <Table.Th scope="col">{t('targets.col.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((target) => (
            <Table.Tr key={target.indicatorCode} data-testid={`target-${target.indicatorCode}`}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={600} span>
                  {target.indicatorCode}
                </Text>{' '}
                {english ? target.indicatorNameEn : target.indicatorName}
              </Table.Th>
              <Table.Td data-testid="target-baseline">{baselineText(target, t)}</Table.Td>
              <Table.Td>{targetText(target, t)}</Table.Td>
              <Table.Td data-testid="target-value">
                <Text size="sm" fw={target.targetValue === null ? 400 : 700} span>
                  {targetValueText(target, t)}
                </Text>
                {target.targetValue === null && (
                  <Text size="xs" c="dimmed">
                    {t('targets.computedNote')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`targets.direction.${target.direction}`)}</Table.Td>
              <Table.Td>{target.source}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
