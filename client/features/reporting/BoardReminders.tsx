import { Alert, Badge, Button, Group, List, Text, Textarea, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleDto } from '../../../shared/contracts/reporting';
import { formatDateTime } from '../../../shared/format';
import { LIMITS } from '../../../shared/limits';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { useRemindersQuery, useSendRemindersMutation } from './api';
import { batchesOf, triggerLabel, type ReminderBatch } from './boardModel';
import { notify } from './ui';

/** The reminders sent for a cycle, batch by batch, and the button that reminds the units still missing. */
export function BoardReminders({ cycle, missing }: { cycle: CycleDto; missing: number }) {
  const { t } = useTranslation();
  const reminders = useRemindersQuery(cycle.id);
  const send = useSendRemindersMutation(cycle.id);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const columns: Array<Column<ReminderBatch>> = [
    {
      key: 'at',
      header: t('reporting.board.remindAt'),
      renderCell: (batch) => <Text size="sm">{formatDateTime(batch.at)}</Text>,
    },
    {
      key: 'trigger',
      header: t('reporting.board.remindTrigger'),
      renderCell: (batch) => <Text size="sm">{triggerLabel(t, batch.trigger)}</Text>,
    },
    {
      key: 'by',
      header: t('reporting.board.remindBy'),
      renderCell: (batch) => <Text size="sm">{batch.sentBy ?? t('reporting.board.system')}</Text>,
    },
    { key: 'to', header: t('reporting.board.remindTo'), renderCell: (batch) => <ReminderUnits batch={batch} /> },
  ];
  return (
    <section aria-labelledby="board-reminders">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="board-reminders">
          {t('reporting.board.reminders')}
        </Title>
        {cycle.abilities.canRemind && (
          <Button
            variant="light"
            leftSection={<IconBell size={16} aria-hidden />}
            onClick={() => setConfirming(true)}
            disabled={missing === 0}
          >
            {t('reporting.board.remind')}
          </Button>
        )}
      </Group>
      <QueryState query={reminders}>
        {(data) =>
          data.data.length === 0 ? (
            <Text size="sm">{t('reporting.board.remindersNone')}</Text>
          ) : (
            <DataTable
              striped
              verticalSpacing={4}
              data-testid="reminders"
              minWidth={720}
              rows={batchesOf(data.data)}
              rowKey={(batch) => batch.key}
              columns={columns}
            />
          )
        }
      </QueryState>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reporting.board.remindTitle')}
        confirmLabel={t('reporting.board.remind')}
        loading={send.isPending}
        onConfirm={() =>
          send.mutate(
            { note: note.trim() || undefined },
            {
              onSuccess: (result) => {
                setConfirming(false);
                setNote('');
                notify(
                  result.data.length
                    ? t('reporting.board.remindDone', { count: result.data.length })
                    : t('reporting.board.remindNone'),
                );
              },
            },
          )
        }
      >
        <Text>{t('reporting.board.remindConfirm', { count: missing })}</Text>
        <Textarea
          label={t('reporting.board.remindNote')}
          maxLength={LIMITS.shortText}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {send.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {send.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </section>
  );
}

/** The channels of a batch and, folded, the units it reached with their addresses. */
function ReminderUnits({ batch }: { batch: ReminderBatch }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap={4} mb={2}>
        {batch.channels.map((channel) => (
          <Badge key={channel} variant="outline" color="gray.8" tt="none" size="sm">
            {channel === 'email' ? t('reporting.board.email') : t('reporting.board.inApp')}
          </Badge>
        ))}
      </Group>
      <details>
        <summary>
          <Text span size="sm" fw={500}>
            {t('reporting.board.remindUnits', { count: batch.items.length })}
          </Text>
        </summary>
        <List size="sm" spacing={0} data-testid="reminded-units">
          {batch.items.map((reminder) => (
            <List.Item key={reminder.id}>
              {reminder.unit.fullName}
              {reminder.emails.length > 0 && ` (${reminder.emails.join(', ')})`}
            </List.Item>
          ))}
        </List>
      </details>
    </>
  );
}
