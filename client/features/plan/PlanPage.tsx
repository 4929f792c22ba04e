import {
  Accordion,
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  VisuallyHidden,
  type TitleOrder,
} from '@mantine/core';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { PlanDto, PlanItemDto } from '../../../shared/contracts/plans';
import { formatDate } from '../../../shared/format';
import { scheduleSentence } from '../../../shared/periods';
import { SearchInput } from '../../components/ListControls';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { useMeQuery } from '../auth/useAuth';
import { useCurrentPlanQuery, usePlanItemsQuery } from './api';
import { PlanItemView } from './PlanItemView';
import { EndPlanButton } from './PlanEnd';
import { PLAN_PARAM } from './planChoice';
import { LineageLinks, PlanLineage, PlanLinks, PlanStatusBadge, ReplacePlansButton } from './PlanRecord';
import { TargetsSection } from './TargetsSection';
import { anchorOf, ancestorsOf, childrenByParent, headingOf } from './tree';

/**
 * The plan page (/ke-hoach, and /ke-hoach/:id for one of several plans): the record with its
 * status, focal department and lineage, the navigable item tree, search and "my unit's tasks".
 */
export function PlanPage() {
  const { id } = useParams();
  const { plans, plan } = useCurrentPlanQuery(id);
  const { t } = useTranslation();
  if (plans.data && plans.data.data.length === 0) return <Alert>{t('plan.noPlan')}</Alert>;
  if (plans.isError) return <QueryState query={plans}>{() => null}</QueryState>;
  return <QueryState query={plan}>{(data) => <PlanView plan={data} />}</QueryState>;
}

function PlanView({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const me = useMeQuery().data;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // The toggle answers at once; the address follows (a router navigation commits a moment later).
  const mineInAddress = params.get('mine') === '1';
  const [mine, setMineState] = useState(mineInAddress);
  // Going back or forward changes the address: the toggle follows it (adjusted while rendering).
  const [mineSeen, setMineSeen] = useState(mineInAddress);
  if (mineSeen !== mineInAddress) {
    setMineSeen(mineInAddress);
    setMineState(mineInAddress);
  }
  const filtering = Boolean(debouncedQ) || mine;
  const results = usePlanItemsQuery(plan.id, { q: debouncedQ, mine });
  const tree = useMemo(() => childrenByParent(plan.items), [plan.items]);
  const byId = useMemo(() => new Map(plan.items.map((i) => [i.id, i])), [plan.items]);
  const location = useLocation();

  /**
   * Changes some search parameters. Reads the address afresh: react-router hands a functional
   * update the parameters of the last render, so a debounced write could undo a newer one.
   */
  const updateParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (next.toString() !== new URLSearchParams(window.location.search).toString()) setParams(next, { replace: true });
  };

  // Keep the search in the address so it can be shared and survives going back; only a settled
  // search writes it, at the same moment the results follow it.
  const writeSearch = useDebouncedCallback((value: string) => updateParams({ q: value || null }), 300);
  const search = (value: string) => {
    setQ(value);
    writeSearch(value.trim());
  };

  // Scroll to #muc-… once the full text is on screen.
  useEffect(() => {
    if (!filtering && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [filtering, location.hash]);

  const setMine = (value: boolean) => {
    setMineState(value);
    updateParams({ mine: value ? '1' : null });
  };

  const clearFilters = () => {
    writeSearch.cancel();
    setQ('');
    setMineState(false);
    updateParams({ q: null, mine: null });
  };

  const renderTree = (parentId: string | null, depth: number): ReactNode =>
    (tree.get(parentId) ?? []).map((item) => (
      <PlanItemView key={item.id} item={item} level={Math.min(2 + depth, 4) as TitleOrder}>
        {tree.has(item.id) ? renderTree(item.id, depth + 1) : undefined}
      </PlanItemView>
    ));

  return (
    <Stack gap="lg" maw={1200}>
      <PlanHeader plan={plan} />

      <Paper withBorder p="md" role="search" className="no-print" aria-label={t('plan.searchLabel')}>
        <Group align="flex-end" gap="md">
          <SearchInput
            label={t('plan.searchLabel')}
            placeholder={t('plan.searchPlaceholder')}
            value={q}
            onChange={search}
            style={{ flex: '1 1 260px' }}
          />
          {me?.user.orgUnit && (
            <Switch
              label={t('plan.mine')}
              description={t('plan.mineHint', { unit: me.user.orgUnit.name })}
              checked={mine}
              onChange={(e) => setMine(e.currentTarget.checked)}
              style={{ flex: '1 1 260px' }}
              pb={4}
            />
          )}
        </Group>
      </Paper>

      {filtering ? (
        <Stack gap="sm" aria-busy={results.isFetching}>
          <Group justify="space-between">
            <Title order={2} size="h4" aria-live="polite">
              {results.data ? t('plan.results', { count: results.data.data.length }) : t('common.loading')}
            </Title>
            <Button variant="subtle" onClick={clearFilters}>
              {t('plan.clearFilters')}
            </Button>
          </Group>
          <QueryState query={results}>
            {(data) =>
              data.data.length === 0 ? (
                <Alert>{t('plan.noResults')}</Alert>
              ) : (
                <Stack gap="sm">
                  {data.data.map((item) => (
                    <PlanItemView
                      key={item.id}
                      item={item}
                      level={3}
                      withAnchor={false}
                      context={<ItemPath item={item} byId={byId} />}
                    />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Stack>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }} className="no-print">
            <Box visibleFrom="md" pos="sticky" top={76}>
              <Contents tree={tree} />
            </Box>
            <Accordion hiddenFrom="md" variant="contained">
              <Accordion.Item value="toc">
                <Accordion.Control>{t('plan.contents')}</Accordion.Control>
                <Accordion.Panel>
                  <Contents tree={tree} withTitle={false} />
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }} className="print-full-width">
            <Stack gap="xl">
              <TargetsSection plan={plan} />
              <PlanPreamble plan={plan} />
              {renderTree(null, 0)}
              <PlanClosing plan={plan} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** The reporting schedule the plan's text states, as a sentence, with the words of the text. */
function ReportingScheduleLine({ plan }: { plan: PlanDto }) {
  const { t, i18n } = useTranslation();
  const s = plan.reportingSchedule;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Box mt="sm" data-testid="plan-reporting-schedule">
      <Text size="sm" fw={500}>
        {s
          ? t(s.kind === 'once' ? 'plan.scheduleOnce' : 'plan.schedule', { sentence: scheduleSentence(s, lang) })
          : t('plan.scheduleNone')}
      </Text>
      {s && (
        <Text size="xs" c="dimmed">
          {t('plan.scheduleSource', { text: s.text })}
        </Text>
      )}
    </Box>
  );
}

function PlanHeader({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const me = useMeQuery().data;
  const mayReplace = me?.user.role === 'admin' || Boolean(me?.abilities.includes('plan.edit'));
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <PlanStatusBadge status={plan.status} />
        <LineageLinks plan={plan} />
      </Group>
      <Title order={1} size="h2">
        {plan.title}
      </Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md" component="dl" m={0}>
          <Fact label={t('plan.number')}>{plan.number}</Fact>
          <Fact label={t('plan.date')}>{`${plan.place}, ${formatDate(plan.date)}`}</Fact>
          <Fact label={t('plan.issuer')}>{`${plan.issuerParent} ${plan.issuer}`}</Fact>
          <Fact label={t('plan.version')}>{`${plan.version} / ${plan.versionCount}`}</Fact>
          <Fact label={t('plan.focal')}>{plan.focalUnit.name}</Fact>
        </SimpleGrid>
        <Box component="dl" mt="md" mb={0}>
          <Fact label={t('plan.scope')}>{plan.scope}</Fact>
        </Box>
        <ReportingScheduleLine plan={plan} />
        {plan.scheduledVersion && (
          <Alert variant="light" color="blue" mb="sm" title={t('plan.scheduledTitle')}>
            {t('plan.scheduled', {
              n: plan.scheduledVersion.number,
              date: formatDate(plan.scheduledVersion.effectiveDate),
            })}
          </Alert>
        )}
        <Group gap="md">
          <Anchor component={Link} to={`/ke-hoach/phien-ban?${PLAN_PARAM}=${plan.id}`} size="sm">
            {t('plan.versionsLink')}
          </Anchor>
          <PlanLinks plan={plan} />
        </Group>
        <Box mt="md">
          <PlanLineage plan={plan} />
        </Box>
        {mayReplace && (
          <Group mt="md" gap="sm" className="no-print">
            <ReplacePlansButton plan={plan} />
            <EndPlanButton plan={plan} />
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

function PlanPreamble({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="can-cu">
      <Title order={2} size="h4" id="can-cu">
        {t('plan.legalBases')}
      </Title>
      <List spacing={4}>
        {plan.legalBases.map((b) => (
          <List.Item key={b}>
            <Text fs="italic">{b}</Text>
          </List.Item>
        ))}
      </List>
      <Text fw={500}>{plan.preamble}</Text>
    </Stack>
  );
}

function PlanClosing({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-labelledby="ket-thuc">
      <Title order={2} size="h4" id="ket-thuc">
        {t('plan.closing')}
      </Title>
      {plan.closing.map((p) => (
        <Text key={p}>{p}</Text>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h5" fs="italic">
            {t('plan.recipients')}:
          </Title>
          <List size="sm" spacing={2}>
            {plan.recipients.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </div>
        <Stack gap={2} align="center" ta="center">
          <VisuallyHidden>
            <h3>{t('plan.signer')}</h3>
          </VisuallyHidden>
          {plan.signer.authority.map((line) => (
            <Text key={line} fw={700} size="sm">
              {line}
            </Text>
          ))}
          <Text fw={700} mt="xl">
            {plan.signer.name}
          </Text>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** The table of contents: sections and titled items, each a link to its block. */
function Contents({ tree, withTitle = true }: { tree: Map<string | null, PlanItemDto[]>; withTitle?: boolean }) {
  const { t } = useTranslation();
  const renderLevel = (parentId: string | null, depth: number): ReactNode => {
    const items = (tree.get(parentId) ?? []).filter((i) => i.title);
    if (items.length === 0) return null;
    return (
      <List listStyleType="none" withPadding={depth > 0} spacing={4} size="sm">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Anchor href={`#${anchorOf(item)}`} size="sm" fw={depth === 0 ? 600 : 400}>
              {headingOf(item)}
            </Anchor>
            {depth < 1 && renderLevel(item.id, depth + 1)}
          </List.Item>
        ))}
      </List>
    );
  };
  return (
    <nav aria-label={t('plan.contents')}>
      {withTitle && (
        <Text fw={700} mb="xs">
          {t('plan.contents')}
        </Text>
      )}
      <List listStyleType="none" spacing={4} size="sm" mb={4}>
        <List.Item>
          <Anchor href="#chi-tieu" size="sm" fw={600}>
            {t('targets.title')}
          </Anchor>
        </List.Item>
      </List>
      {renderLevel(null, 0)}
    </nav>
  );
}

/** "IV. TỔ CHỨC THỰC HIỆN › 4. Sở Tài chính", linking back into the full text. */
function ItemPath({ item, byId }: { item: PlanItemDto; byId: Map<string, PlanItemDto> }) {
  const { t } = useTranslation();
  const path = ancestorsOf(item, byId);
  return (
    <Group justify="space-between" gap="xs">
      <Breadcrumbs separator="›" fz="sm" style={{ flexWrap: 'wrap' }}>
        {path.map((p) => (
          <Text key={p.id} size="sm" c="dimmed">
            {headingOf(p)}
          </Text>
        ))}
      </Breadcrumbs>
      <Anchor component={Link} to={`/ke-hoach#${anchorOf(item)}`} size="sm">
        {t('plan.showInPlan')}
      </Anchor>
    </Group>
  );
}
