import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { upperFirst } from '../../../shared/text';
import { Link, useSearchParams } from 'react-router';
import type { DiffAssignmentDto, DiffItemDto, PlanDiffResponse } from '../../../shared/contracts/amendments';
import { TargetDiffView } from './TargetDiffView';
import { formatDate } from '../../../shared/format';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { firstUnsettled } from '../feedback/components/queries';
import { useCan } from '../auth/useAuth';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { useDiffQuery, useVersionsQuery } from './api';
import { wordDiff } from './wordDiff';
import { TitledSection } from '../../components/TitledSection';

/** Plan versions (/ke-hoach/phien-ban?tu=&den=): every version with its document, and a diff of any two. */
export function VersionsPage() {
  const { t } = useTranslation();
  const { id: planId, plans, withPlan } = usePlanChoice();
  const versions = useVersionsQuery(planId);
  const can = useCan();
  const readsAmendments = can('amendment.propose') || can('amendment.decide');

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t('versions.title')}
        </Title>
        <Text mt={4} maw={860}>
          {t('versions.intro')}
        </Text>
      </div>
      <PlanPicker />
      <QueryState query={firstUnsettled(plans, versions)}>
        {() =>
          versions.data && (
            <Stack gap="xl">
              <ScrollTable minWidth={720} label={t('versions.title')}>
                <Table striped verticalSpacing="sm" data-testid="versions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('versions.col.number')}</Table.Th>
                      <Table.Th>{t('versions.col.document')}</Table.Th>
                      <Table.Th>{t('versions.col.effective')}</Table.Th>
                      <Table.Th>{t('versions.col.amendment')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...versions.data.data].reverse().map((v) => (
                      <Table.Tr key={v.number}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Group gap="xs" wrap="nowrap">
                            <Text fw={700} size="sm">
                              {t('versions.versionN', { n: v.number })}
                            </Text>
                            {v.isCurrent && (
                              <Badge
                                variant="filled"
                                size="sm"
                                tt="none"
                                style={{ flexShrink: 0, overflow: 'visible' }}
                                styles={{ label: { overflow: 'visible' } }}
                              >
                                {t('versions.current')}
                              </Badge>
                            )}
                            {v.isScheduled && (
                              <Badge variant="outline" size="sm" tt="none" color="blue.9" style={{ flexShrink: 0 }}>
                                {t('decision.scheduled')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {v.documentNumber} · {formatDate(v.documentDate)}
                        </Table.Td>
                        <Table.Td>{formatDate(v.effectiveDate)}</Table.Td>
                        <Table.Td>
                          {v.amendment ? (
                            readsAmendments ? (
                              <Anchor component={Link} to={withPlan(`/sua-doi/${v.amendment.id}`)} size="sm">
                                {v.amendment.summary}
                              </Anchor>
                            ) : (
                              v.amendment.summary
                            )
                          ) : (
                            t('versions.original')
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Compare planId={planId} numbers={versions.data.data.map((v) => v.number)} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Compare({ planId, numbers }: { planId: string; numbers: number[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = Math.max(...numbers);
  const valid = (v: string | null) => (v && numbers.includes(Number(v)) ? Number(v) : null);
  const from = valid(params.get('tu')) ?? Math.max(1, latest - 1);
  const to = valid(params.get('den')) ?? latest;
  const diff = useDiffQuery(planId, from, to);

  useEffect(() => {
    if (!params.get('tu') && !params.get('den') && latest > 1) {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('tu', String(from));
          next.set('den', String(to));
          return next;
        },
        { replace: true },
      );
    }
  }, [latest, from, to, params, setParams]);

  const set = (key: 'tu' | 'den', v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v) next.set(key, v);
        return next;
      },
      { replace: true },
    );
  const options = numbers.map((n) => ({ value: String(n), label: t('versions.versionN', { n }) }));

  return (
    <TitledSection id="compare-title" title={t('versions.compare')} size="h3" mb="sm">
      {numbers.length < 2 ? (
        <Alert>{t('versions.onlyOne')}</Alert>
      ) : (
        <Stack gap="md">
          <Group gap="md" align="flex-end">
            <Select
              label={t('versions.from')}
              value={String(from)}
              onChange={(v) => set('tu', v)}
              data={options}
              allowDeselect={false}
              w={200}
            />
            <Select
              label={t('versions.to')}
              value={String(to)}
              onChange={(v) => set('den', v)}
              data={options}
              allowDeselect={false}
              w={200}
            />
          </Group>
          {from === to ? (
            <Alert>{t('versions.same')}</Alert>
          ) : (
            <QueryState query={diff}>{(d) => <DiffView diff={d} />}</QueryState>
          )}
        </Stack>
      )}
    </TitledSection>
  );
}

const STYLE = {
  added: { color: 'bio.7', border: 'var(--mantine-color-bio-7)', bg: 'var(--mantine-color-bio-0)', mark: '+' },
  removed: { color: 'red.9', border: 'var(--mantine-color-red-9)', bg: 'var(--mantine-color-red-0)', mark: '−' },
  changed: {
    color: 'indigo.8',
    border: 'var(--mantine-color-indigo-8)',
    bg: 'var(--mantine-color-indigo-0)',
    mark: '~',
  },
} as const;

/** The differing items in document order, each marked in words and symbols as well as colour. */
export function DiffView({ diff }: { diff: PlanDiffResponse }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="diff">
      <Text fw={600} aria-live="polite">
        {t('versions.summary', { from: diff.from, to: diff.to, ...diff.summary })}
      </Text>
      <Text size="sm">{t('versions.legend')}</Text>
      {diff.items.length === 0 && diff.targets.length === 0 ? (
        <Alert>{t('versions.noDiff')}</Alert>
      ) : (
        diff.items.map((item) => <DiffItem key={item.key} item={item} />)
      )}
      <TargetDiffView targets={diff.targets} from={diff.from} to={diff.to} />
    </Stack>
  );
}

function unitText(a: DiffAssignmentDto, t: (k: string) => string): string {
  const who = a.orgUnit ? a.orgUnit.fullName : a.unitGroup ? t(`plan.groups.${a.unitGroup}`) : '';
  return `${t(`amendments.${a.role}`)}: ${who}`;
}

function DiffItem({ item }: { item: DiffItemDto }) {
  const { t } = useTranslation();
  const s = STYLE[item.change];
  const side = item.after ?? item.before!;
  const name = side.title ?? (side.text && side.text.length > 90 ? `${side.text.slice(0, 89)}…` : (side.text ?? ''));
  const heading = `${side.label} ${name}`.trim();
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={`diff-${item.key}`}
      style={{ borderLeft: `6px solid ${s.border}` }}
      data-testid={`diff-${item.change}`}
    >
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap">
          <Badge color={s.color} variant="filled" tt="none" size="md">
            [{s.mark}] {t(`versions.change.${item.change}`)}
          </Badge>
          <Title order={3} size="h5" id={`diff-${item.key}`}>
            {heading}
          </Title>
          <Text size="xs" c="dimmed">
            ({t('versions.item', { key: item.key })}
            {side.parentKey ? `, ${t('versions.underParent', { key: side.parentKey })}` : ''})
          </Text>
        </Group>
        {item.change === 'changed' && item.fields.length > 0 && (
          <Text size="sm" fw={600}>
            {t('versions.changedFields', { fields: item.fields.map((f) => t(`versions.fields.${f}`)).join(', ') })}
          </Text>
        )}

        {item.change === 'added' && item.after && (
          <Box bg={s.bg} p="xs" style={{ borderRadius: 4 }}>
            <Text size="sm">
              <VisuallyHidden>{t('versions.inserted')}: </VisuallyHidden>
              {item.after.text ?? item.after.title}
            </Text>
          </Box>
        )}
        {item.change === 'removed' && item.before && (
          <Box bg={s.bg} p="xs" style={{ borderRadius: 4 }}>
            <Text size="sm" component="del">
              <VisuallyHidden>{t('versions.deleted')}: </VisuallyHidden>
              {item.before.text ?? item.before.title}
            </Text>
          </Box>
        )}
        {item.change === 'changed' && item.before && item.after && (
          <>
            {(['title', 'text'] as const)
              .filter((f) => item.fields.includes(f))
              .map((f) => (
                <TextChange
                  key={f}
                  label={t(`versions.fields.${f}`)}
                  before={item.before![f] ?? ''}
                  after={item.after![f] ?? ''}
                />
              ))}
            {item.fields.includes('label') && (
              <TextChange label={t('versions.fields.label')} before={item.before.label} after={item.after.label} />
            )}
          </>
        )}

        {(item.assignmentsAdded.length > 0 || item.assignmentsRemoved.length > 0) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {item.assignmentsAdded.length > 0 && (
              <div>
                <Text size="xs" fw={700}>
                  [+] {t('versions.unitsAdded')}
                </Text>
                <List size="sm" spacing={2} listStyleType="none" p={0}>
                  {item.assignmentsAdded.map((a, i) => (
                    <List.Item key={i}>
                      <Text span c="bio.8" fw={700} size="sm">
                        +{' '}
                      </Text>
                      {unitText(a, t)}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            {item.assignmentsRemoved.length > 0 && (
              <div>
                <Text size="xs" fw={700}>
                  [−] {t('versions.unitsRemoved')}
                </Text>
                <List size="sm" spacing={2} listStyleType="none" p={0}>
                  {item.assignmentsRemoved.map((a, i) => (
                    <List.Item key={i}>
                      <Text span c="red.9" fw={700} size="sm">
                        −{' '}
                      </Text>
                      <del>{unitText(a, t)}</del>
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/** A changed text with removed words struck through and added words underlined. */
function TextChange({ label, before, after }: { label: string; before: string; after: string }) {
  const { t } = useTranslation();
  const parts = wordDiff(before, after);
  return (
    <div>
      {/* Only the first letter: CSS capitalize would write "Nội Dung". */}
      <Text size="xs" fw={700}>
        {upperFirst(label)}
      </Text>
      <Text size="sm" style={{ lineHeight: 1.7 }}>
        {parts.map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'removed' ? (
            <del key={i} style={{ background: 'var(--mantine-color-red-0)', color: 'var(--mantine-color-red-9)' }}>
              <VisuallyHidden>[{t('versions.deleted')}: </VisuallyHidden>
              {p.text}
              <VisuallyHidden>]</VisuallyHidden>
            </del>
          ) : (
            <ins key={i} style={{ background: 'var(--mantine-color-bio-0)', color: 'var(--mantine-color-bio-9)' }}>
              <VisuallyHidden>[{t('versions.inserted')}: </VisuallyHidden>
              {p.text}
              <VisuallyHidden>]</VisuallyHidden>
            </ins>
          ),
        )}
      </Text>
    </div>
  );
}
