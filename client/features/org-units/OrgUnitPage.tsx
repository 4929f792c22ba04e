import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrgUnitDto, SuccessionDto } from '../../../shared/contracts/org-units';
import { formatDate } from '../../../shared/format';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { useOrgUnitQuery } from './api';
import { KindBadge } from './KindBadge';

/** One unit (/don-vi/:id): validity, parent, and its succession both ways. */
export function OrgUnitPage() {
  const { id } = useParams();
  const unit = useOrgUnitQuery(id);
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/don-vi">
          {t('orgUnits.back')}
        </Anchor>
        <Text>{unit.data?.fullName ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={unit}>
        {(u) => (
          <Stack gap="lg">
            <Group gap="sm" align="center">
              <Title order={1} size="h2">
                {u.fullName}
              </Title>
              <KindBadge kind={u.kind} />
            </Group>
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" component="dl" m={0}>
                <Fact label={t('orgUnits.code')}>{u.code}</Fact>
                <Fact label={t('orgUnits.validity')}>
                  <Validity unit={u} />
                </Fact>
                <Fact label={t('orgUnits.parent')}>
                  {u.parent ? (
                    <Anchor component={Link} to={`/don-vi/${u.parent.id}`}>
                      {u.parent.fullName}
                    </Anchor>
                  ) : (
                    t('orgUnits.noParent')
                  )}
                </Fact>
                {u.postalCode && <Fact label={t('orgUnits.postalCode')}>{u.postalCode}</Fact>}
              </SimpleGrid>
            </Paper>
            <SuccessionTable
              title={t('orgUnits.predecessors')}
              empty={t('orgUnits.noPredecessors')}
              rows={u.predecessors}
            />
            <SuccessionTable title={t('orgUnits.successors')} empty={t('orgUnits.noSuccessors')} rows={u.successors} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** "từ 01/03/2025 đến 30/06/2025", "từ trước khi có dữ liệu — đang hiệu lực". */
function Validity({ unit }: { unit: Pick<OrgUnitDto, 'validFrom' | 'validTo'> }) {
  const { t } = useTranslation();
  const from = unit.validFrom ? t('orgUnits.since', { date: formatDate(unit.validFrom) }) : t('orgUnits.sinceUnknown');
  const to = unit.validTo ? t('orgUnits.until', { date: formatDate(unit.validTo) }) : t('orgUnits.stillValid');
  return (
    <>
      {from} — {to}
    </>
  );
}

function SuccessionTable({ title, empty, rows }: { title: string; empty: string; rows: SuccessionDto[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgUnits.succession')}</Table.Th>
                <Table.Th>{t('orgUnits.date')}</Table.Th>
                <Table.Th>{t('orgUnits.unit')}</Table.Th>
                <Table.Th>{t('orgUnits.validity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.kind}-${r.unit.id}`}>
                  <Table.Td>{t(`orgUnits.successionKinds.${r.kind}`)}</Table.Td>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/don-vi/${r.unit.id}`}>
                        {r.unit.fullName}
                      </Anchor>
                      <KindBadge kind={r.unit.kind} />
                    </Group>
                    {r.note && (
                      <Text size="sm" mt={2}>
                        {r.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Validity unit={r.unit} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
