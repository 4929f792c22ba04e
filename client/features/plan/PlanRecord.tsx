import { Alert, Anchor, Badge, Button, Group, List, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar, IconReplace } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanStatus, PlanSummaryDto } from '../../../shared/contracts/plans';
import { formatDate, parseVietnameseDate, todayInVietnam } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { usePlanLineageQuery, usePlansQuery, useReplacePlansMutation } from './api';

// Filled badges on dark shades: white text stays above 4.5:1 (WCAG AA).
const STATUS_COLORS: Record<PlanStatus, string> = { in_force: 'bio.7', replaced: 'gray.7', ended: 'dark.6' };

/** A plan's status as a badge: in force, replaced, ended. */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`plan.statuses.${status}`)}
    </Badge>
  );
}

/**
 * "Được thay thế bởi … từ ngày …" and "Thay thế … từ ngày …", each linking to the other plan.
 * A replacement still to come reads "Sẽ được thay thế …".
 */
export function LineageLinks({ plan }: { plan: PlanSummaryDto }) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const by = plan.replacedBy;
  return (
    <>
      {by && (
        <Text size="sm">
          <Anchor component={Link} to={routes.plan(by.planId)}>
            {t(by.fromDate <= today ? 'plan.replacedBy' : 'plan.willBeReplacedBy', {
              number: by.number,
              date: formatDate(by.fromDate),
            })}
          </Anchor>
        </Text>
      )}
      {plan.endedOn && (
        <Text size="sm">
          {t(plan.endedOn <= today ? 'plan.endedFrom' : 'plan.willEnd', { date: formatDate(plan.endedOn) })}
        </Text>
      )}
      {plan.replaces.map((old) => (
        <Text size="sm" key={old.planId}>
          <Anchor component={Link} to={routes.plan(old.planId)}>
            {t('plan.replaces', { number: old.number, date: formatDate(old.fromDate) })}
          </Anchor>
        </Text>
      ))}
    </>
  );
}

/** The plan's whole lineage (older and newer plans), where time series continue across replacements. */
export function PlanLineage({ plan }: { plan: PlanSummaryDto }) {
  const { t } = useTranslation();
  const lineage = usePlanLineageQuery(plan.id).data;
  if (!lineage || (lineage.ancestors.length === 0 && lineage.successors.length === 0)) return null;
  const chain = [
    ...[...lineage.ancestors].reverse().map((p) => ({ ...p, current: false })),
    { planId: plan.id, number: plan.number, title: plan.title, date: plan.date, fromDate: '', current: true },
    ...lineage.successors.map((p) => ({ ...p, current: false })),
  ];
  return (
    <Stack gap={4} component="section" aria-labelledby="lineage-title">
      <Title order={2} size="h5" id="lineage-title">
        {t('plan.lineageTitle')}
      </Title>
      <List size="sm" spacing={2}>
        {chain.map((p) => (
          <List.Item key={p.planId}>
            {p.current ? (
              <Text span fw={700} size="sm">
                {p.number}
              </Text>
            ) : (
              <Anchor component={Link} to={routes.plan(p.planId)} size="sm">
                {p.number}
              </Anchor>
            )}
            <Text span size="sm">{` — ${formatDate(p.date)}`}</Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('plan.lineageHint')}
      </Text>
    </Stack>
  );
}

/** "Ghi nhận thay thế": the focal department of the plan (or the administrator) names the plans it replaces and from when. */
export function ReplacePlansButton({ plan }: { plan: PlanSummaryDto }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [oldIds, setOldIds] = useState<string[]>([]);
  const [fromDate, setFromDate] = useState<string | null>(plan.date);
  const [note, setNote] = useState('');
  const plans = usePlansQuery().data?.data ?? [];
  const replace = useReplacePlansMutation(plan.id);
  const err = replace.error instanceof ApiError ? replace.error : null;
  const choices = plans
    .filter((p) => p.id !== plan.id && !p.replacedBy)
    .map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` }));
  if (choices.length === 0) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconReplace size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('plan.replace')}
      </Button>
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('plan.replaceTitle', { number: plan.number })}
        confirmLabel={t('plan.replaceConfirm')}
        loading={replace.isPending}
        confirmDisabled={oldIds.length === 0 || !fromDate}
        onConfirm={() =>
          replace.mutate(
            { oldPlanIds: oldIds, fromDate: fromDate ?? '', note, confirm: true },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        {err && !err.issues.length && (
          <Alert color="red.9" variant="outline" role="alert">
            {err.message}
          </Alert>
        )}
        <MultiSelect
          label={t('plan.replaceOld')}
          data={choices}
          value={oldIds}
          onChange={setOldIds}
          required
          error={err?.fieldError('oldPlanIds')}
          comboboxProps={{ withinPortal: true }}
        />
        <DateInput
          label={t('plan.replaceFrom')}
          value={fromDate}
          onChange={setFromDate}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVietnameseDate}
          locale={i18n.language === 'en' ? 'en' : 'vi'}
          leftSection={<IconCalendar size={16} aria-hidden />}
          required
          error={err?.fieldError('fromDate')}
          popoverProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('plan.replaceNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
        <Text size="sm">{t('plan.replaceWarn')}</Text>
      </ConfirmModal>
    </>
  );
}

/** Links from a plan to its reporting cycles and to the list of plans. */
export function PlanLinks({ plan }: { plan: PlanSummaryDto }) {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Anchor component={Link} to={routes.planCycles(plan.id)} size="sm">
        {t('plan.cyclesLink')}
      </Anchor>
      <Anchor component={Link} to={routes.plans()} size="sm">
        {t('plan.plans.all')}
      </Anchor>
    </Group>
  );
}
