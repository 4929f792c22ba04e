// The dashboards of the focal department and the leaders: progress per plan item, indicators over
// the years, timeliness and difficulties. Loaded lazily (routes.tsx), with ECharts.
import { Anchor, Button, Group, List, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CycleRef, ProgressQuery } from '../../../shared/contracts/progress';
import { PATHS, routes } from '../../../shared/routes';
import { QueryState } from '../../components/QueryState';
import { usePlansQuery } from '../plan/api';
import { useIndicators, useItems, useTimeliness } from './api';
import { FigureCard } from './FigureCard';
import { ItemsTable } from './ItemsTable';
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

/** The plan the dashboards read, when there are several (default: the first, as the server does). */
function PlanSelect({ planId, onChange }: { planId?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const plans = usePlansQuery();
  const list = plans.data?.data ?? [];
  if (list.length < 2) return null;
  return (
    <Select
      label={t('progress.plan')}
      data={list.map((p) => ({
        value: p.id,
        label: `${p.number} — ${t(`progress.planStatus.${p.status}`)}`,
      }))}
      value={planId ?? list[0].id}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={{ base: '100%', sm: 360 }}
      mb="sm"
      className="no-print"
    />
  );
}

function ItemsTab({ q, set, lang }: { q: ProgressQuery; set: (k: string, v: string) => void; lang: string }) {
  const { t } = useTranslation();
  const query = useItems({ planId: q.planId, year: q.year }, lang);
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="md">
          <YearSelect cycles={data.cycles} year={data.cycle?.year} onChange={(y) => set('year', String(y))} />
          <FigureCard figure={data.figure} query={{ planId: q.planId, year: data.cycle?.year }}>
            {data.cycle && (
              <Anchor component={Link} to={routes.cycle(data.cycle.id)} size="sm" className="no-print">
                {t('progress.openBoard', { year: data.cycle.year })}
              </Anchor>
            )}
          </FigureCard>
          <Title order={3} size="h5">
            {t('progress.items.heading')}
          </Title>
          <Text size="sm" c="dimmed" className="no-print">
            {t('progress.items.hint')}
          </Text>
          <ItemsTable data={data} lang={lang === 'en' ? 'en' : 'vi'} />
        </Stack>
      )}
    </QueryState>
  );
}

function IndicatorsTab({ q, set, lang }: { q: ProgressQuery; set: (k: string, v: string) => void; lang: string }) {
  const { t } = useTranslation();
  const query = useIndicators({ planId: q.planId, year: q.year, indicator: q.indicator }, lang);
  return (
    <QueryState query={query}>
      {(data) => {
        const fq = { planId: q.planId, indicator: data.indicator.code, year: data.cycle?.year };
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
            {data.earlierPlans.map((p) => (
              <Text size="sm" key={p.id} data-testid="earlier-plan">
                {t('progress.earlierPlan', { years: p.years.join(', '), number: p.number })}{' '}
                <Anchor component={Link} to={routes.plan(p.id)} underline="always">
                  {t('progress.openPlan', { number: p.number })}
                </Anchor>
              </Text>
            ))}
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
  const query = useTimeliness({ planId: q.planId, year: q.year }, lang);
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="md">
          <FigureCard figure={data.figures[0]} query={{ planId: q.planId }} />
          <YearSelect cycles={data.cycles} year={data.cycle?.year} onChange={(y) => set('year', String(y))} />
          <FigureCard figure={data.figures[1]} query={{ planId: q.planId, year: data.cycle?.year }}>
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
  const q: ProgressQuery = {
    planId: params.get('plan') ?? undefined,
    year,
    indicator: params.get('indicator') ?? undefined,
  };
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
        <PlanSelect
          planId={q.planId}
          onChange={(id) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set('plan', id);
              next.delete('year');
              return next;
            })
          }
        />
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
