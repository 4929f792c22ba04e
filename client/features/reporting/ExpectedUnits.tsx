import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import type { CycleDto, ExpectedUnitDto } from '../../../shared/contracts/reporting';
import { formatDateTime } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { SearchInput } from '../../components/ListControls';
import { UnitSelect } from '../../components/UnitSelect';
import { useChangeExpectedUnitMutation } from './api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ScrollTable } from '../../components/ScrollTable';
import { notify } from './ui';
import { UnitSectionsModal } from './UnitSections';

export function ExpectedUnits({
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
  const [fitting, setFitting] = useState<string | null>(null);
  const fittingUnit = fitting ? data.find((u) => u.unit.id === fitting) : undefined;
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
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t(`reporting.board.kindGroups.${u.unit.kindGroup}`)}
                  </Table.Td>
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
                    {u.sectionChanges.length > 0 && (
                      <Text size="xs">{t('unitSections.changes', { count: u.sectionChanges.length })}</Text>
                    )}
                    {canEdit && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setFitting(u.unit.id)}
                        aria-label={t('unitSections.buttonLabel', { unit: u.unit.fullName })}
                      >
                        {t('unitSections.button')}
                      </Button>
                    )}
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
      {adding && (
        <AddUnitModal
          cycleId={cycle.id}
          onClose={() => setAdding(false)}
          existing={new Set(data.map((u) => u.unit.id))}
        />
      )}
      {fittingUnit && <UnitSectionsModal cycleId={cycle.id} unit={fittingUnit} onClose={() => setFitting(null)} />}
      {removing && <RemoveUnitModal cycleId={cycle.id} unit={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

export function AddUnitModal({
  cycleId,
  onClose,
  existing,
}: {
  cycleId: string;
  onClose: () => void;
  existing: Set<string>;
}) {
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

export function RemoveUnitModal({
  cycleId,
  unit,
  onClose,
}: {
  cycleId: string;
  unit: ExpectedUnitDto;
  onClose: () => void;
}) {
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
