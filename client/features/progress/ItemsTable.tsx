// Progress per plan item as a table whose rows open onto what each number counts: the accepted
// reports behind "units reporting", the activities serving the item by status (the province-wide
// activity list filtered by plan, item and status), the registries its indicators come from, and
// the latest excerpts.
import { Anchor, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTIVITY_STATUS_LABELS } from '../../../shared/contracts/activities';
import type { ItemProgressDto, ItemsResponse } from '../../../shared/contracts/progress';
import { writeNumber } from '../../../shared/numbers';
import { routes } from '../../../shared/routes';
import { ScrollTable } from '../../components/ScrollTable';

type Lang = 'vi' | 'en';

/** The province-wide activity list filtered by this plan and item (and a status). */
const activitiesLink = (planId: string, key: string, status?: string) =>
  routes.activitiesAll({ 'ke-hoach': planId, muc: key, 'trang-thai': status });

function ActivityCounts({ item, planId, lang }: { item: ItemProgressDto; planId: string; lang: Lang }) {
  const { t } = useTranslation();
  const shown = item.activities.filter((a) => a.count > 0);
  return (
    <Text size="sm" component="div">
      <Anchor
        component={Link}
        to={activitiesLink(planId, item.key)}
        underline="always"
        aria-label={t('progress.items.activitiesOf', { n: item.activitiesTotal, item: item.citation })}
      >
        {writeNumber(item.activitiesTotal, lang)}
      </Anchor>
      {shown.length > 0 && (
        <Text span size="xs" c="dimmed">
          {' ('}
          {shown.map((a, i) => (
            <Fragment key={a.status}>
              {i > 0 && ' · '}
              <Anchor component={Link} to={activitiesLink(planId, item.key, a.status)} underline="always" size="xs">
                {writeNumber(a.count, lang)} {ACTIVITY_STATUS_LABELS[a.status][lang].toLowerCase()}
              </Anchor>
            </Fragment>
          ))}
          {')'}
        </Text>
      )}
    </Text>
  );
}

function ItemDetails({ item, planId, lang }: { item: ItemProgressDto; planId: string; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" py={4}>
      <div>
        <Text size="sm" fw={600}>
          {t('progress.items.reportsHeading', { n: item.reports.length })}
        </Text>
        {item.reports.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('progress.items.noReports')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {item.reports.map((r) => (
              <List.Item key={r.reportId}>
                <Anchor component={Link} to={routes.report(r.reportId)} underline="always">
                  {r.unitName}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <div>
        <Text size="sm" fw={600}>
          {t('progress.items.activitiesHeading')}
        </Text>
        <List size="sm" spacing={2}>
          {item.activities.map((a) => (
            <List.Item key={a.status}>
              {ACTIVITY_STATUS_LABELS[a.status][lang]}:{' '}
              <Anchor component={Link} to={activitiesLink(planId, item.key, a.status)} underline="always">
                {writeNumber(a.count, lang)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </div>
      {item.registries.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('progress.items.registriesHeading')}
          </Text>
          <List size="sm" spacing={2}>
            {item.registries.map((r) => (
              <List.Item key={r.indicatorCode}>
                <Anchor component={Link} to={r.link} underline="always">
                  {t('progress.items.registryOf', { code: r.indicatorCode })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {item.excerpts.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('progress.excerpts')}
          </Text>
          {item.excerpts.map((e) => (
            <Text size="sm" key={e.reportId}>
              <Anchor component={Link} to={routes.report(e.reportId)} underline="always">
                {e.unitName}
              </Anchor>
              : “{e.excerpt}”
            </Text>
          ))}
        </div>
      )}
    </Stack>
  );
}

function ItemToggle({
  item,
  isOpen,
  detailsId,
  onToggle,
}: {
  item: ItemProgressDto;
  isOpen: boolean;
  detailsId: string;
  onToggle: () => void;
}) {
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      px={4}
      onClick={onToggle}
      aria-expanded={isOpen}
      aria-controls={isOpen ? detailsId : undefined}
      leftSection={isOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
      styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
    >
      {item.citation}
    </Button>
  );
}

/** On a phone: one block per item, its numbers on a line, the drill-down under it. */
function ItemsStack({
  data,
  lang,
  open,
  toggle,
}: {
  data: ItemsResponse;
  lang: Lang;
  open: ReadonlySet<string>;
  toggle: (key: string) => void;
}) {
  const { t } = useTranslation();
  const cycle = data.cycle!;
  return (
    <Stack gap="xs" data-testid="progress-items">
      {data.items.map((item) => {
        const isOpen = open.has(item.key);
        const detailsId = detailsIdOf(item.key);
        return (
          <Paper withBorder p="xs" key={item.key} data-item={item.key}>
            <ItemToggle item={item} isOpen={isOpen} detailsId={detailsId} onToggle={() => toggle(item.key)} />
            <Text size="sm" pl={28}>
              {item.title}
            </Text>
            <Group gap="md" pl={28} mt={4}>
              <Text size="sm">
                {t('progress.items.assigned')}:{' '}
                <Anchor component={Link} to={routes.cycle(cycle.id)} underline="always">
                  {writeNumber(item.assigned, lang)}
                </Anchor>
              </Text>
              <Text size="sm">
                {t('progress.items.reporting')}:{' '}
                <Anchor component="button" type="button" onClick={() => toggle(item.key)} underline="always">
                  {writeNumber(item.reporting, lang)}
                </Anchor>
              </Text>
            </Group>
            <Group gap={4} pl={28} wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ flexShrink: 0 }}>
                {t('progress.items.activitiesShort')}:
              </Text>
              <ActivityCounts item={item} planId={data.plan.id} lang={lang} />
            </Group>
            {isOpen && (
              <div id={detailsId} style={{ paddingLeft: 28 }}>
                <ItemDetails item={item} planId={data.plan.id} lang={lang} />
              </div>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

const detailsIdOf = (key: string) => `item-details-${key.replace(/[^A-Za-z0-9-]/g, '_')}`;

/** The items of a cycle, one row each; a row opens its drill-down (reports, activities, registries). */
export function ItemsTable({ data, lang }: { data: ItemsResponse; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const cycle = data.cycle;
  if (!cycle) return null;
  if (narrow) return <ItemsStack data={data} lang={lang} open={open} toggle={toggle} />;
  return (
    <ScrollTable minWidth={720} label={t('progress.items.tableLabel')}>
      <Table verticalSpacing="xs" data-testid="progress-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('progress.items.item')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('progress.items.assigned')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('progress.items.reporting')}
            </Table.Th>
            <Table.Th scope="col">{t('progress.items.activities')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((item) => {
            const isOpen = open.has(item.key);
            const detailsId = detailsIdOf(item.key);
            return (
              <Fragment key={item.key}>
                <Table.Tr data-item={item.key}>
                  <Table.Th scope="row" fw={400}>
                    <ItemToggle item={item} isOpen={isOpen} detailsId={detailsId} onToggle={() => toggle(item.key)} />
                    <Text size="sm" pl={28}>
                      {item.title}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right">
                    <Anchor
                      component={Link}
                      to={routes.cycle(cycle.id)}
                      underline="always"
                      aria-label={t('progress.items.assignedOf', { n: item.assigned, item: item.citation })}
                    >
                      {writeNumber(item.assigned, lang)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => toggle(item.key)}
                      underline="always"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailsId : undefined}
                      aria-label={t('progress.items.reportingOf', { n: item.reporting, item: item.citation })}
                    >
                      {writeNumber(item.reporting, lang)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ActivityCounts item={item} planId={data.plan.id} lang={lang} />
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={4} bg="var(--mantine-color-gray-0)">
                      <ItemDetails item={item} planId={data.plan.id} lang={lang} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
