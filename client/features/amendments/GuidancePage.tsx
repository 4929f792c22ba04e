import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDANCE_STATUSES, type GuidanceStatus } from '../../../shared/contracts/amendments';
import { formatDate } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { SearchInput } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { parseVietnameseDate } from '../../../shared/format';
import { itemRefText, planItemOptions } from '../feedback/components/planItems';
import { useCreateGuidanceMutation, useGuidanceQuery } from './api';

const STATUS_COLOR: Record<GuidanceStatus, string> = { in_force: 'bio.7', replaced: 'gray.7', expired: 'red.9' };

/** The guidance registry (/van-ban-huong-dan): new national instructions the plan is kept up to date with. */
export function GuidancePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<GuidanceStatus | ''>('');
  const [adding, setAdding] = useState(false);
  const list = useGuidanceQuery({ q: debouncedQ || undefined, status: status || undefined });

  return (
    <Stack gap="lg" maw={1300}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('guidance.title')}
          </Title>
          <Text mt={4} maw={860}>
            {t('guidance.intro')}
          </Text>
        </div>
        {can('guidance.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('guidance.add')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <SearchInput label={t('guidance.search')} value={q} onChange={setQ} style={{ flex: '1 1 260px' }} />
        <Select
          label={t('guidance.statusFilter')}
          value={status}
          onChange={(v) => setStatus((v as GuidanceStatus) ?? '')}
          data={[
            { value: '', label: t('guidance.all') },
            ...GUIDANCE_STATUSES.map((s) => ({ value: s, label: t(`guidance.status.${s}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{t('guidance.none')}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm" data-testid="guidance-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('guidance.col.number')}</Table.Th>
                    <Table.Th>{t('guidance.col.date')}</Table.Th>
                    <Table.Th>{t('guidance.col.issuer')}</Table.Th>
                    <Table.Th>{t('guidance.col.title')}</Table.Th>
                    <Table.Th>{t('guidance.col.status')}</Table.Th>
                    <Table.Th>{t('guidance.col.items')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {g.number}
                      </Table.Td>
                      <Table.Td>{formatDate(g.date)}</Table.Td>
                      <Table.Td>{g.issuer}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{g.title}</Text>
                        {g.summary && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {g.summary}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={STATUS_COLOR[g.status]} variant="filled" tt="none">
                          {t(`guidance.status.${g.status}`)}
                        </Badge>
                        {g.replacedBy && (
                          <Text size="xs" mt={2}>
                            {t('guidance.replacedBy')} {g.replacedBy.number}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {g.planItems.length === 0
                          ? t('guidance.noItems')
                          : g.planItems.map((i) => (
                              <Text key={i.key} size="xs">
                                {itemRefText(i)}
                              </Text>
                            ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {adding && <GuidanceForm onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function GuidanceForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateGuidanceMutation();
  const { plan, id: planId } = usePlanChoice();
  const all = useGuidanceQuery();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [issuer, setIssuer] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [status, setStatus] = useState<GuidanceStatus>('in_force');
  const [replacedById, setReplacedById] = useState<string | null>(null);
  const [planItemIds, setPlanItemIds] = useState<string[]>([]);
  // Items belong to one plan: choosing another plan clears them (adjusted while rendering).
  const [itemsPlan, setItemsPlan] = useState(planId);
  if (itemsPlan !== planId) {
    setItemsPlan(planId);
    setPlanItemIds([]);
  }
  const error = create.error instanceof ApiError ? create.error : null;
  const options = useMemo(() => planItemOptions(plan.data?.items ?? []), [plan.data]);
  const folded = useMemo(
    () => new Map(options.map((o) => [o.item.id, foldText(`${o.item.key} ${o.path} ${o.item.text ?? ''}`)])),
    [options],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        number,
        date: date ?? '',
        issuer,
        title,
        summary: summary.trim() || undefined,
        status,
        replacedById: status === 'replaced' ? replacedById : undefined,
        planItemIds,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'bio', message: t('guidance.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('guidance.formTitle')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" role="alert" title={t('guidance.notSaved')}>
              {error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('guidance.number')}
              description={t('guidance.numberHint')}
              required
              maxLength={100}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={error?.fieldError('number')}
              data-autofocus
            />
            <DateInput
              label={t('guidance.date')}
              description={t('amendments.dateHint')}
              required
              value={date}
              onChange={setDate}
              valueFormat="DD/MM/YYYY"
              dateParser={parseVietnameseDate}
              locale={i18n.language === 'en' ? 'en' : 'vi'}
              leftSection={<IconCalendar size={16} aria-hidden />}
              error={error?.fieldError('date')}
              popoverProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput
            label={t('guidance.issuer')}
            description={t('guidance.issuerHint')}
            required
            maxLength={LIMITS.name}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            error={error?.fieldError('issuer')}
          />
          <TextInput
            label={t('guidance.docTitle')}
            required
            maxLength={LIMITS.shortText}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error?.fieldError('title')}
          />
          <Textarea
            label={t('guidance.summary')}
            autosize
            minRows={2}
            maxLength={LIMITS.reason}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={error?.fieldError('summary')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('guidance.statusLabel')}
              value={status}
              onChange={(v) => v && setStatus(v)}
              data={GUIDANCE_STATUSES.map((s) => ({ value: s, label: t(`guidance.status.${s}`) }))}
              allowDeselect={false}
              error={error?.fieldError('status')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('guidance.replacedByLabel')}
              description={t('guidance.replacedByHint')}
              value={replacedById}
              onChange={setReplacedById}
              disabled={status !== 'replaced'}
              required={status === 'replaced'}
              searchable
              clearable
              data={(all.data?.data ?? []).map((g) => ({ value: g.id, label: `${g.number} — ${g.title}` }))}
              error={error?.fieldError('replacedById')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <PlanPicker />
          <MultiSelect
            label={t('guidance.planItems')}
            description={t('guidance.planItemsHint')}
            searchable
            clearable
            value={planItemIds}
            onChange={setPlanItemIds}
            data={options.map((o) => ({ value: o.item.id, label: o.path }))}
            filter={({ options: opts, search }) => {
              const s = foldText(search);
              return s ? opts.filter((o) => 'value' in o && folded.get(o.value)?.includes(s)) : opts;
            }}
            limit={200}
            maxDropdownHeight={320}
            error={
              error?.issues
                .filter((i) => i.path.startsWith('planItemIds'))
                .map((i) => i.message)
                .join(' ') || undefined
            }
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('guidance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
