// A leader's one-page overview: what a director reads in a minute, printed on one A4 page.
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewResponse } from '../../../shared/contracts/progress';
import { formatDateTime } from '../../../shared/format';
import { writeNumber } from '../../../shared/numbers';
import { PATHS } from '../../../shared/routes';
import { QueryState } from '../../components/QueryState';
import { useOverview } from './api';
import './progress.css';

/** The items without report the page lists before "and N more". */
const ITEMS_SHOWN = 8;

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder padding="xs" className="overview-stat">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} lh={1.2}>
        {value}
      </Text>
      {note && <Text size="xs">{note}</Text>}
    </Card>
  );
}

function Overview({ data, lang }: { data: OverviewResponse; lang: 'vi' | 'en' }) {
  const { t } = useTranslation();
  const num = (v: number | null) => (v === null ? '—' : writeNumber(v, lang));
  const pct = (a: number, b: number) => (b > 0 ? `${writeNumber(Math.round((a / b) * 1000) / 10, lang)} %` : '—');
  const c = data.completeness;
  const change = (v: number | null, last: number | null) =>
    v === null || last === null || last === 0
      ? '—'
      : `${v >= last ? '+' : ''}${writeNumber(Math.round(((v - last) / last) * 1000) / 10, lang)} %`;
  const more = data.itemsWithoutReport.length - ITEMS_SHOWN;
  return (
    <Stack gap="sm" className="overview">
      <div>
        <Title order={1} size="h3">
          {t('progress.overview.title', { year: data.cycle?.year ?? '—' })}
        </Title>
        <Text size="xs" c="dimmed">
          {t('progress.overview.plan', { number: data.plan.number, at: formatDateTime(data.at) })}
        </Text>
      </div>
      {c ? (
        <section aria-labelledby="ov-completeness">
          <Title order={2} size="h5" id="ov-completeness" mb={4}>
            {t('progress.overview.completeness')}
          </Title>
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
            <Stat
              label={t('progress.overview.submitted')}
              value={`${num(c.submitted)}/${num(c.expected)}`}
              note={pct(c.submitted, c.expected)}
            />
            <Stat
              label={t('progress.overview.onTime')}
              value={pct(c.onTime, c.submitted)}
              note={t('progress.overview.late', { n: num(c.late) })}
            />
            <Stat label={t('progress.overview.accepted')} value={num(c.accepted)} note={pct(c.accepted, c.expected)} />
            <Stat label={t('progress.overview.missing')} value={num(c.missing)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4} data-testid="figure-method">
            {c.method}
          </Text>
        </section>
      ) : (
        <Text size="sm">{t('progress.overview.noCycle')}</Text>
      )}
      <section aria-labelledby="ov-indicators">
        <Title order={2} size="h5" id="ov-indicators" mb={4}>
          {t('progress.overview.indicators')}
        </Title>
        <Table fz="xs" withTableBorder striped verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.overview.indicator')}</Table.Th>
              <Table.Th ta="right">{data.cycle?.year ?? ''}</Table.Th>
              <Table.Th ta="right">{data.cycle ? data.cycle.year - 1 : ''}</Table.Th>
              <Table.Th ta="right">{t('progress.overview.change')}</Table.Th>
              <Table.Th ta="right">{t('progress.overview.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.indicators.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={400}>
                  {i.code} — {i.name} ({i.unit})
                </Table.Th>
                <Table.Td ta="right">{num(i.value)}</Table.Td>
                <Table.Td ta="right">{num(i.lastYear)}</Table.Td>
                <Table.Td ta="right">{change(i.value, i.lastYear)}</Table.Td>
                <Table.Td ta="right">
                  {i.target ? `${num(i.target.value)} (${i.target.year})` : t('progress.overview.noTarget')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={4}>
          {data.indicatorsMethod}
        </Text>
      </section>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <section aria-labelledby="ov-items">
          <Title order={2} size="h5" id="ov-items" mb={4}>
            {t('progress.overview.noReport', { n: num(data.itemsWithoutReport.length) })}
          </Title>
          <List size="xs" spacing={2}>
            {data.itemsWithoutReport.slice(0, ITEMS_SHOWN).map((i) => (
              <List.Item key={i.key}>
                {i.citation} — {i.title.length > 90 ? `${i.title.slice(0, 90)}…` : i.title}
              </List.Item>
            ))}
          </List>
          {more > 0 && <Text size="xs">{t('progress.overview.more', { n: num(more) })}</Text>}
          <Text size="xs" c="dimmed" mt={4}>
            {data.itemsMethod}
          </Text>
        </section>
        <section aria-labelledby="ov-difficulties">
          <Title order={2} size="h5" id="ov-difficulties" mb={4}>
            {t('progress.overview.difficulties')}
          </Title>
          <List size="xs" spacing={2}>
            {data.difficulties.map((d) => (
              <List.Item key={d.key}>
                {d.citation} — {d.title.length > 70 ? `${d.title.slice(0, 70)}…` : d.title}:{' '}
                {t('progress.overview.reports', { n: num(d.count) })}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={4}>
            {data.difficultiesMethod}
          </Text>
        </section>
      </SimpleGrid>
    </Stack>
  );
}

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const query = useOverview({}, lang);
  return (
    <Stack gap="sm" className="progress-page overview-page">
      <Group justify="flex-end" className="no-print">
        <Anchor component={Link} to={PATHS.progress} size="sm">
          {t('progress.detailsLink')}
        </Anchor>
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t('progress.print')}
        </Button>
      </Group>
      <QueryState query={query}>{(data) => <Overview data={data} lang={lang} />}</QueryState>
    </Stack>
  );
}
