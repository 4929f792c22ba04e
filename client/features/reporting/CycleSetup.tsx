import { Alert, Button, Group, MultiSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { parseVietnameseDate } from '../../../shared/format';
import { unitOfMeasure } from '../../../shared/domain';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useExpectedUnitsQuery, useCycleStepMutation, useIndicatorsQuery, useUpdateCycleMutation } from './api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify, usePeriodPhrase } from './ui';
import { ExpectedUnits } from './ExpectedUnits';

export function CycleSetup({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const units = useExpectedUnitsQuery(cycle.id);
  const open = useCycleStepMutation(cycle.id, 'open');
  const [confirming, setConfirming] = useState(false);
  const count = units.data?.data.length ?? cycle.expectedCount;
  const period = usePeriodPhrase()(cycle);

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
      <QueryState query={units}>
        {(data) => <ExpectedUnits cycle={cycle} data={data.data} removed={data.removed} />}
      </QueryState>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reporting.cycles.openConfirmTitle', { period })}
        confirmLabel={t('reporting.cycles.openCycle')}
        loading={open.isPending}
        onConfirm={() =>
          open.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notify(t('reporting.cycles.opened', { period }));
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

export function CycleSettings({ cycle }: { cycle: CycleDto }) {
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
  const options = (catalogue.data?.data ?? []).map((i) => ({
    value: i.code,
    label: `${i.code} — ${en ? i.nameEn : i.name} (${unitOfMeasure(i.unit, i18n.language)})`,
  }));
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
            {
              windowStart: windowStart ?? undefined,
              windowEnd: windowEnd ?? undefined,
              deadline: deadline ?? undefined,
              graceDays,
              indicatorCodes,
            },
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
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.windowStart')}
              value={windowStart}
              onChange={setWindowStart}
              error={err?.fieldError('windowStart')}
            />
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.windowEnd')}
              value={windowEnd}
              onChange={setWindowEnd}
              error={err?.fieldError('windowEnd')}
            />
            <DateInput
              {...dateProps}
              label={t('reporting.cycles.deadline')}
              value={deadline}
              onChange={setDeadline}
              error={err?.fieldError('deadline')}
            />
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
              onClick={() =>
                setIndicatorCodes((catalogue.data?.data ?? []).filter((i) => i.isActive).map((i) => i.code))
              }
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
