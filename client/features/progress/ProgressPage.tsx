// The dashboards of the focal department and the leaders: progress per plan item, indicators over
// the years, timeliness and difficulties. Loaded lazily (routes.tsx), with ECharts.
import { Anchor, Button, Group, List, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CycleRef, ProgressQuery } from '../../../shared/contracts/progress';
import { writeNumber } from '../../../shared/numbers';
import { PATHS, routes } from '../../../shared/routes';
import { QueryState } from '../../components/QueryState';
import { useIndicators, useItems, useTimeliness } from './api';
import { FigureCard } from './FigureCard';
import './progress.css';

const TABS = ['items', 'indicators', 'timeliness'] as const;
type Tab = (typeof TABS)[number];

function YearSelect({ cycles, year, onChange }: { cycles: CycleRef[]; year?: number; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  if (cycles.length === 0) return null;
  return (
    <Select
      label={t('progress.cycle')}
      data={cycles.map((c) => ({ value: String(c.year), label: String(c.year) }))}
      value={String(year ?? cycles.at(-1)!.year)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={140}
      className="no-print"
    />
  );
}

function ItemsTab({ q, set, lang }: { q: ProgressQuery; set: (k: string, v: string) => void; lang: string }) {
  const { t } = useTranslation();
  const query = useItems({ year: q.year }, lang);
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="md">
          <YearSelect cycles={data.cycles} year={data.cycle?.year} onChange={(y) => set('year', String(y))} />
          <FigureCard figure={data.figure} query={{ year: data.cycle?.year }}>
            {data.cycle && (
              <Anchor component={Link} to={routes.cycle(data.cycle.id)} size="sm" className="no-print">
                {t('progress.openBoard', { year: data.cycle.year })}
              </Anchor>
            )}
          </FigureCard>
          <Title order={3} size="h5">
            {t('progress.excerpts')}
          </Title>
          <List spacing="sm" listStyleType="none" p={0} data-testid="progress-items">
            {data.items.map((item) => (
              <List.Item key={item.key}>
                <Text size="sm" fw={600}>
                  {item.citation} — {item.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('progress.itemCounts', {
                    reporting: writeNumber(item.reporting, lang === 'en' ? 'en' : 'vi'),
                    assigned: writeNumber(item.assigned, lang === 'en' ? 'en' : 'vi'),
                  })}
                </Text>
                {item.excerpts.map((e) => (
                  <Text size="sm" key={e.reportId}>
                    <Anchor component={Link} to={routes.report(e.reportId)} underline="always">
                      {e.unitName}
                    </Anchor>
                    : “{e.excerpt}”
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </QueryState>
  );
}

function IndicatorsTab({ q, set, lang }: { q: ProgressQuery; set: (k: string, v: string) => void; lang: string }) {
  const { t } = useTranslation();
  const query = useIndicators({ year: q.year, indicator: q.indicator }, lang);
  return (
    <QueryState query={query}>
      {(data) => {
        const fq = { indicator: data.indicator.code, year: data.cycle?.year };
        return (
          <Stack gap="md">
            <Group align="flex-end" className="no-print">
              <Select
                label={t('progress.indicator')}
                data={data.indicators.map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
                value={data.indicator.code}
                onChange={(v) => v && set('indicator', v)}
                allowDeselect={false}
                searchable
                w={{ base: '100%', sm: 460 }}
              />
              <YearSelect cycles={data.cycles} year={data.cycle?.year} onChange={(y) => set('year', String(y))} />
            </Group>
            <Text size="sm">
              {data.target ? t('progress.target', { text: data.target.text }) : t('progress.noTarget')}
            </Text>
            {data.figures.map((f) => (
              <FigureCard key={f.id} figure={f} query={fq} tableShown={f.id === 'indicator-localities'} />
            ))}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function TimelinessTab({ q, set, lang }: { q: ProgressQuery; set: (k: string, v: string) => void; lang: string }) {
  const { t } = useTranslation();
  const query = useTimeliness({ year: q.year }, lang);
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="md">
          <FigureCard figure={data.figures[0]} query={{}} />
          <YearSelect cycles={data.cycles} year={data.cycle?.year} onChange={(y) => set('year', String(y))} />
          <FigureCard figure={data.figures[1]} query={{ year: data.cycle?.year }}>
            <List size="sm" spacing={4} className="no-print">
              {data.difficulties.slice(0, 10).map((d) => (
                <List.Item key={d.key}>
                  {d.citation}:{' '}
                  {d.reportIds.slice(0, 5).map((id, i) => (
                    <Anchor key={id} component={Link} to={routes.report(id)} mr={6} underline="always">
                      {t('progress.reportN', { n: i + 1 })}
                    </Anchor>
                  ))}
                </List.Item>
              ))}
            </List>
            <Anchor component={Link} to={PATHS.feedbackDesk} size="sm" className="no-print">
              {t('progress.openDesk')}
            </Anchor>
          </FigureCard>
        </Stack>
      )}
    </QueryState>
  );
}

export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'items';
  const year = Number(params.get('year')) || undefined;
  const q: ProgressQuery = { year, indicator: params.get('indicator') ?? undefined };
  const set = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    });
  const lang = i18n.language;
  return (
    <Stack gap="md" className="progress-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('progress.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('progress.intro')}
          </Text>
        </Stack>
        <Group className="no-print">
          <Button component={Link} to={PATHS.overview} variant="light">
            {t('progress.overviewLink')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {t('progress.print')}
          </Button>
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) =>
          v &&
          setParams((p) => {
            const next = new URLSearchParams(p);
            next.set('tab', v);
            return next;
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`progress.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="items" pt="md">
          <ItemsTab q={q} set={set} lang={lang} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <IndicatorsTab q={q} set={set} lang={lang} />
        </Tabs.Panel>
        <Tabs.Panel value="timeliness" pt="md">
          <TimelinessTab q={q} set={set} lang={lang} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
