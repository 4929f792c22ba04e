import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpectedUnitDto } from '../../../shared/contracts/reporting';
import { formatDateTime } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { blockEnterSubmit } from '../../lib/forms';
import { useCurrentPlanQuery } from '../plan/api';
import { useChangeUnitSectionsMutation, useCycleQuery } from './api';
import { notify } from './ui';

/**
 * The focal department fits one unit's sections before opening: removes an item that does not
 * concern it or adds one the plan does not give it, always with a reason (logged, and told in
 * the unit's report history). The past adjustments are listed with their reasons.
 */
export function UnitSectionsModal({
  cycleId,
  unit,
  onClose,
}: {
  cycleId: string;
  unit: ExpectedUnitDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeUnitSectionsMutation(cycleId, unit.unit.id);
  // The cycle's own plan: several plans run side by side, each with its cycles.
  const { plan } = useCurrentPlanQuery(useCycleQuery(cycleId).data?.planId);
  const [pending, setPending] = useState<{ action: 'add' | 'remove'; key: string } | null>(null);
  const [addKey, setAddKey] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const error = change.error instanceof ApiError ? change.error : null;
  const present = useMemo(() => new Set(unit.sections.map((s) => s.key)), [unit.sections]);
  const options = useMemo(
    () =>
      (plan.data?.items ?? [])
        .filter((item) => item.kind !== 'section' && item.kind !== 'text' && !present.has(item.key))
        .map((item) => ({
          value: item.key,
          label: `${item.key} · ${item.label} ${item.title ?? item.text ?? ''}`.slice(0, 140),
        })),
    [plan.data, present],
  );
  const chosen = pending ?? (addKey ? { action: 'add' as const, key: addKey } : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    change.mutate(
      { ...chosen, reason },
      {
        onSuccess: () => {
          notify(t('unitSections.done', { unit: unit.unit.fullName }));
          setPending(null);
          setAddKey(null);
          setReason('');
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('unitSections.title', { unit: unit.unit.fullName })} centered size="xl">
      <Stack gap="md">
        <Text size="sm">{t('unitSections.intro')}</Text>
        <Title order={3} size="h5">
          {t('unitSections.current')}
        </Title>
        {unit.sections.length === 0 ? (
          <Text size="sm">{t('unitSections.none')}</Text>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {unit.sections.map((s) => (
                <Table.Tr key={s.key} bg={pending?.key === s.key ? 'red.0' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600}>
                      {s.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {s.label} {s.title}{' '}
                      <Badge size="xs" variant="outline" color="gray.8" tt="none">
                        {t(`unitSections.${s.role}`)}
                      </Badge>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      aria-label={t('unitSections.removeLabel', { key: s.key })}
                      onClick={() => {
                        setAddKey(null);
                        setPending({ action: 'remove', key: s.key });
                      }}
                    >
                      {t('unitSections.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit} onKeyDown={blockEnterSubmit} noValidate>
          <Stack gap="sm">
            <Select
              label={t('unitSections.pickItem')}
              description={t('unitSections.pickItemHint')}
              searchable
              clearable
              data={options}
              value={addKey}
              onChange={(key) => {
                setPending(null);
                setAddKey(key);
              }}
              filter={({ options: all, search }) => {
                const needle = foldText(search);
                return all.filter((option) => 'label' in option && foldText(option.label).includes(needle));
              }}
              error={chosen?.action === 'add' ? error?.fieldError('key') : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t('unitSections.reason')}
              description={t('unitSections.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={LIMITS.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error?.fieldError('reason')}
            />
            {error && !error.fieldError('reason') && !error.fieldError('key') && (
              <Alert color="red.9" variant="outline" role="alert">
                {error.message}
              </Alert>
            )}
            {chosen?.action === 'remove' && error?.fieldError('key') && (
              <Alert color="red.9" variant="outline" role="alert">
                {error.fieldError('key')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.close')}
              </Button>
              <Button
                type="submit"
                color={chosen?.action === 'remove' ? 'red.9' : undefined}
                disabled={!chosen || reason.trim().length < 3}
                loading={change.isPending}
              >
                {chosen
                  ? t(chosen.action === 'add' ? 'unitSections.confirmAdd' : 'unitSections.confirmRemove', {
                      key: chosen.key,
                    })
                  : t('unitSections.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        {unit.sectionChanges.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('unitSections.history')}
            </Title>
            {unit.sectionChanges.map((c) => (
              <Text size="sm" key={`${c.at}-${c.key}-${c.action}`}>
                {t('unitSections.historyLine', {
                  action: t(c.action === 'add' ? 'unitSections.added' : 'unitSections.removed'),
                  key: c.key,
                  reason: c.reason,
                  who: c.actorName,
                  at: formatDateTime(c.at),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
