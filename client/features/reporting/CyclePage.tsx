import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar, IconLock, IconLockOpen, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import type { CycleDto, ExpectedUnitDto } from '../../../shared/contracts/reporting';
import { formatDate, formatDateTime, parseVietnameseDate } from '../../../shared/format';
import { unitOfMeasure } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { SearchInput } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { UnitSelect } from '../../components/UnitSelect';
import { useChangeExpectedUnitMutation, useCycleQuery, useExpectedUnitsQuery, useCycleStepMutation, useIndicatorsQuery, useUpdateCycleMutation } from './api';
import { Board } from './Board';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ScrollTable } from '../../components/ScrollTable';
import { CycleStatusBadge, notify } from './ui';

/** One cycle (/ky-bao-cao/:id): while draft, its details and expected units; once open, the board. */
export function CyclePage() {
  const { id } = useParams();
  const cycle = useCycleQuery(id);
  return <QueryState query={cycle}>{(c) => <CycleView cycle={c} />}</QueryState>;
}

function CycleView({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1280}>
      <Breadcrumbs>
        <Anchor component={Link} to="/ky-bao-cao">
          {t('reporting.cycles.back')}
        </Anchor>
        <Text>{t('reporting.cycles.cycleTitle', { year: cycle.year })}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t('reporting.cycles.cycleTitle', { year: cycle.year })}
          </Title>
          <CycleStatusBadge status={cycle.status} />
        </Group>
        <Text mt={4}>
          {t('reporting.cycles.window', { from: formatDate(cycle.windowStart), to: formatDate(cycle.windowEnd) })}.{' '}
          {t('reporting.cycles.deadlineLine', { deadline: formatDate(cycle.deadline), grace: cycle.graceDays, lock: formatDate(cycle.lockDate) })}.{' '}
          {t('reporting.cycles.formIndicators', { count: cycle.indicators.length })}.
          {cycle.openedAt && ` ${t('reporting.cycles.openedAt')}: ${formatDateTime(cycle.openedAt)}.`}
          {cycle.closedAt && ` ${t('reporting.cycles.closedAt')}: ${formatDateTime(cycle.closedAt)}.`}
        </Text>
      </div>
      {cycle.status !== 'draft' && <CycleClosing cycle={cycle} />}
      {cycle.status === 'draft' ? <CycleSetup cycle={cycle} /> : cycle.abilities.canReadCompleteness ? <Board cycle={cycle} /> : null}
    </Stack>
  );
}

/** An open cycle can be closed (confirmed first); a closed one says so and can be reopened. */
function CycleClosing({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const close = useCycleStepMutation(cycle.id, 'close');
  const reopen = useCycleStepMutation(cycle.id, 'reopen');
  // The step being confirmed, fixed when the dialog opens (the cycle's status changes under it).
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  const step = cycle.status === 'closed' ? 'reopen' : 'close';
  const allowed = step === 'close' ? cycle.abilities.canClose : cycle.abilities.canReopen;
  const change = confirming === 'reopen' ? reopen : close;
  const k = (key: string) => `reporting.cycles.${confirming === 'reopen' ? 'reopen' : 'close'}${key}`;
  if (cycle.status !== 'closed' && !allowed) return null;
  return (
    <>
      <Paper withBorder p="md" className={cycle.status === 'closed' ? 'mine-item' : undefined}>
        <Group justify={cycle.status === 'closed' ? 'space-between' : 'flex-end'} gap="sm">
          {cycle.status === 'closed' && <Text fw={500}>{t('reporting.cycles.closedNote')}</Text>}
          {allowed && (
            <Button
              variant={step === 'close' ? 'outline' : 'filled'}
              color={step === 'close' ? 'red.9' : undefined}
              leftSection={step === 'close' ? <IconLock size={18} aria-hidden /> : <IconLockOpen size={18} aria-hidden />}
              onClick={() => setConfirming(step)}
            >
              {t(step === 'close' ? 'reporting.cycles.closeCycle' : 'reporting.cycles.reopenCycle')}
            </Button>
          )}
        </Group>
      </Paper>
      <ConfirmModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(k('ConfirmTitle'), { year: cycle.year })}
        confirmLabel={t(k('Cycle'))}
        color={confirming === 'close' ? 'red.9' : undefined}
        loading={change.isPending}
        onConfirm={() =>
          change.mutate(undefined, {
            onSuccess: () => {
              notify(t(confirming === 'reopen' ? 'reporting.cycles.reopened' : 'reporting.cycles.closed', { year: cycle.year }));
              setConfirming(null);
            },
          })
        }
      >
        <Text>{t(k('Confirm'), { year: cycle.year })}</Text>
        {change.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {change.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </>
  );
}

/* ───────────────────────────── draft: details, units, open ───────────────────────────── */

function CycleSetup({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const units = useExpectedUnitsQuery(cycle.id);
  const open = useCycleStepMutation(cycle.id, 'open');
  const [confirming, setConfirming] = useState(false);
  const count = units.data?.data.length ?? cycle.expectedCount;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" className="mine-item">
        <Group justify="space-between" gap="sm">
          <Text fw={500}>{t('reporting.cycles.draftNote')}</Text>
          {cycle.abilities.canOpen && (
            <Button size="md" leftSection={<IconLock size={18} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('reporting.cycles.openCycle')}
            </Button>
          )}
        </Group>
      </Paper>
      {cycle.abilities.canEdit && <CycleSettings cycle={cycle} />}
      <QueryState query={units}>{(data) => <ExpectedUnits cycle={cycle} data={data.data} removed={data.removed} />}</QueryState>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reporting.cycles.openConfirmTitle', { year: cycle.year })}
        confirmLabel={t('reporting.cycles.openCycle')}
        loading={open.isPending}
        onConfirm={() =>
          open.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notify(t('reporting.cycles.opened', { year: cycle.year }));
            },
          })
        }
      >
        <Text>{t('reporting.cycles.openConfirm', { count })}</Text>
        {open.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {open.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </Stack>
  );
}

function CycleSettings({ cycle }: { cycle: CycleDto }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCycleMutation(cycle.id);
  const [windowStart, setWindowStart] = useState<string | null>(cycle.windowStart);
  const [windowEnd, setWindowEnd] = useState<string | null>(cycle.windowEnd);
  const [deadline, setDeadline] = useState<string | null>(cycle.deadline);
  const [graceDays, setGraceDays] = useState<number>(cycle.graceDays);
  const [indicatorCodes, setIndicatorCodes] = useState<string[]>(cycle.indicatorCodes);
  const catalogue = useIndicatorsQuery();
  const err = update.error instanceof ApiError ? update.error : null;
  const en = i18n.language === 'en';
  const options = (catalogue.data?.data ?? []).map((i) => ({ value: i.code, label: `${i.code} — ${en ? i.nameEn : i.name} (${unitOfMeasure(i.unit, i18n.language)})` }));
  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    dateParser: parseVietnameseDate,
    locale: i18n.language === 'en' ? 'en' : 'vi',
    description: t('reporting.cycles.dateHint'),
    leftSection: <IconCalendar size={16} aria-hidden />,
    popoverProps: { withinPortal: true },
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-settings">
      <Title order={2} size="h4" id="cycle-settings" mb="sm">
        {t('reporting.cycles.settings')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            { windowStart: windowStart ?? undefined, windowEnd: windowEnd ?? undefined, deadline: deadline ?? undefined, graceDays, indicatorCodes },
            { onSuccess: () => notify(t('reporting.cycles.settingsSaved')) },
          );
        }}
      >
        <Stack gap="sm">
          {err && !err.issues.length && (
            <Alert color="red.9" variant="outline" role="alert">
              {err.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <DateInput {...dateProps} label={t('reporting.cycles.windowStart')} value={windowStart} onChange={setWindowStart} error={err?.fieldError('windowStart')} />
            <DateInput {...dateProps} label={t('reporting.cycles.windowEnd')} value={windowEnd} onChange={setWindowEnd} error={err?.fieldError('windowEnd')} />
            <DateInput {...dateProps} label={t('reporting.cycles.deadline')} value={deadline} onChange={setDeadline} error={err?.fieldError('deadline')} />
            <NumberInput
              label={t('reporting.cycles.graceDays')}
              description={t('reporting.cycles.graceHint')}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              value={graceDays}
              onChange={(v) => setGraceDays(typeof v === 'number' ? v : Number(v) || 0)}
              error={err?.fieldError('graceDays')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('reporting.cycles.indicators')}
            description={`${t('reporting.cycles.indicatorsHint')}. ${t('reporting.cycles.indicatorsChosen', { count: indicatorCodes.length, total: options.length })}`}
            data={options}
            value={indicatorCodes}
            onChange={setIndicatorCodes}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={320}
            filter={({ options: list, search }) => {
              const q = foldText(search);
              return (list as Array<{ value: string; label: string }>).filter((o) => foldText(o.label).includes(q));
            }}
            error={err?.fieldError('indicatorCodes')}
            data-testid="cycle-indicators"
          />
          <Group>
            <Button
              variant="subtle"
              onClick={() => setIndicatorCodes((catalogue.data?.data ?? []).filter((i) => i.isActive).map((i) => i.code))}
              disabled={!catalogue.data}
            >
              {t('reporting.cycles.indicatorsAll')}
            </Button>
          </Group>
          <Group>
            <Button type="submit" variant="light" loading={update.isPending}>
              {t('reporting.cycles.saveSettings')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ExpectedUnits({
  cycle,
  data,
  removed,
}: {
  cycle: CycleDto;
  data: ExpectedUnitDto[];
  removed: Array<{ unit: ExpectedUnitDto['unit']; reason: string; at: string }>;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ExpectedUnitDto | null>(null);
  const folded = foldText(q);
  const rows = useMemo(
    () => (folded ? data.filter((u) => foldText(`${u.unit.fullName} ${u.unit.code}`).includes(folded)) : data),
    [data, folded],
  );
  const canEdit = cycle.abilities.canEdit;

  return (
    <Stack gap="sm" component="section" aria-labelledby="expected-units">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4" id="expected-units">
            {t('reporting.expected.title', { count: data.length })}
          </Title>
          <Text size="sm" maw={760}>
            {t('reporting.expected.intro')}
          </Text>
        </div>
        {canEdit && (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('reporting.expected.add')}
          </Button>
        )}
      </Group>
      <SearchInput label={t('reporting.expected.search')} value={q} onChange={setQ} maw={420} />
      {rows.length === 0 ? (
        <Alert>{t('reporting.expected.none')}</Alert>
      ) : (
        <ScrollTable minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reporting.expected.unit')}</Table.Th>
                <Table.Th>{t('reporting.board.kindGroup')}</Table.Th>
                <Table.Th>{t('reporting.expected.source')}</Table.Th>
                <Table.Th>{t('reporting.expected.sections')}</Table.Th>
                {canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.unit.id}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {u.unit.fullName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`reporting.board.kindGroups.${u.unit.kindGroup}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {u.source === 'plan' ? (
                      t('reporting.expected.fromPlan')
                    ) : (
                      <Stack gap={0}>
                        <Badge variant="outline" color="gray.8" tt="none" w="fit-content">
                          {t('reporting.expected.manual')}
                        </Badge>
                        {u.reason && <Text size="xs">{u.reason}</Text>}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.sections.map((s) => s.key).join(', ') || '—'}</Text>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        c="red.9"
                        onClick={() => setRemoving(u)}
                        aria-label={t('reporting.expected.removeLabel', { unit: u.unit.fullName })}
                      >
                        {t('reporting.expected.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {removed.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('reporting.expected.removed')}
          </Title>
          <Stack gap={4}>
            {removed.map((r) => (
              <Text size="sm" key={r.unit.id}>
                <strong>{r.unit.fullName}</strong> — {r.reason} ({formatDateTime(r.at)})
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      {adding && <AddUnitModal cycleId={cycle.id} onClose={() => setAdding(false)} existing={new Set(data.map((u) => u.unit.id))} />}
      {removing && <RemoveUnitModal cycleId={cycle.id} unit={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function AddUnitModal({ cycleId, onClose, existing }: { cycleId: string; onClose: () => void; existing: Set<string> }) {
  const { t } = useTranslation();
  const change = useChangeExpectedUnitMutation(cycleId);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<OrgUnitDto | null>(null);
  const [reason, setReason] = useState('');
  const err = change.error instanceof ApiError ? change.error : null;
  return (
    <Modal opened onClose={onClose} title={t('reporting.expected.addTitle')} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!unitId) return;
          change.mutate(
            { action: 'add', orgUnitId: unitId, reason },
            {
              onSuccess: () => {
                notify(t('reporting.expected.added', { unit: chosen?.fullName ?? '' }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {err && !err.issues.length && (
            <Alert color="red.9" variant="outline" role="alert">
              {err.message}
            </Alert>
          )}
          <UnitSelect
            label={t('reporting.expected.pickUnit')}
            description={t('reporting.expected.pickUnitHint')}
            required
            clearable={false}
            value={unitId}
            onChange={(id, unit) => {
              setUnitId(id);
              setChosen(unit);
            }}
            exclude={existing}
            error={err?.fieldError('orgUnitId')}
          />
          <Textarea
            label={t('reporting.expected.reason')}
            description={t('reporting.expected.reasonHint')}
            required
            minLength={3}
            maxLength={LIMITS.reason}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err?.fieldError('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} disabled={!unitId || reason.trim().length < 3}>
              {t('reporting.expected.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveUnitModal({ cycleId, unit, onClose }: { cycleId: string; unit: ExpectedUnitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeExpectedUnitMutation(cycleId);
  const [reason, setReason] = useState('');
  const err = change.error instanceof ApiError ? change.error : null;
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('reporting.expected.removeTitle', { unit: unit.unit.fullName })}
      confirmLabel={t('reporting.expected.remove')}
      color="red.9"
      loading={change.isPending}
      confirmDisabled={reason.trim().length < 3}
      onConfirm={() =>
        change.mutate(
          { action: 'remove', orgUnitId: unit.unit.id, reason },
          {
            onSuccess: () => {
              notify(t('reporting.expected.removedDone', { unit: unit.unit.fullName }));
              onClose();
            },
          },
        )
      }
    >
      {err && !err.issues.length && (
        <Alert color="red.9" variant="outline" role="alert">
          {err.message}
        </Alert>
      )}
      <Textarea
        label={t('reporting.expected.reason')}
        description={t('reporting.expected.reasonHint')}
        required
        maxLength={LIMITS.reason}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err?.fieldError('reason')}
        data-autofocus
      />
    </ConfirmModal>
  );
}

