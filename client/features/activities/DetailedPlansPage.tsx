import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { signedFileUrl, useDetailedPlansQuery } from './api';

/** Every unit's detailed plan or annual programmes (/ke-hoach-chi-tiet), KH-00's records. */
export function DetailedPlansPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unitId = params.get('unitId');
  const query = useDetailedPlansQuery();
  return (
    <Stack gap="lg" maw={1300}>
      <div>
        <Title order={1} size="h2">
          {t('activities.plansTitle')}
        </Title>
        <Text mt={4} maw={860}>
          {t('activities.plansIntro')}
        </Text>
      </div>
      <QueryState query={query}>
        {({ data }) => {
          const rows = unitId ? data.filter((d) => d.unit.id === unitId) : data;
          return rows.length === 0 ? (
            <Alert>{t('activities.plan.plansNone')}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('activities.plan.unit')}</Table.Th>
                    <Table.Th>{t('activities.plan.kind')}</Table.Th>
                    <Table.Th>{t('activities.plan.document')}</Table.Th>
                    <Table.Th>{t('activities.plan.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {d.unit.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {d.kind === 'document'
                            ? t('activities.plan.kindDocument')
                            : t('activities.plan.kindProgrammes')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {d.kind === 'document' ? (
                          <Text size="sm">
                            {d.documentNumber}, {formatDate(d.documentDate)}: {d.title}{' '}
                            {d.file && (
                              <Anchor href={signedFileUrl(d.id)} size="sm">
                                ({t('activities.plan.download')})
                              </Anchor>
                            )}
                          </Text>
                        ) : (
                          d.programmes.map((p, i) => (
                            <Text size="sm" key={i}>
                              {p.name} — {p.documentNumber}, {formatDate(p.documentDate)}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(d.updatedAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </Stack>
  );
}
