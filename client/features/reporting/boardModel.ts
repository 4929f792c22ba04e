import { BOARD_STATUSES, type CompletenessCounts, type ReminderDto } from '../../../shared/contracts/reporting';
import type { CompletenessParams } from './api';

/** The board's counters, in the order of its cards and of the by-kind table's columns. */
export const COUNT_KEYS = [
  'expected',
  'submitted',
  'onTime',
  'late',
  'missing',
  'returned',
  'accepted',
] as const satisfies ReadonlyArray<keyof CompletenessCounts>;
/** The status filter: a report status, or late / on time. */
export const STATUS_FILTERS = [...BOARD_STATUSES, 'late', 'onTime'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type BoardSortKey = NonNullable<CompletenessParams['sort']>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Gửi thủ công", "Tự động — 3 ngày trước hạn", "Tự động — 2 ngày sau hạn" for a reminder's trigger ("manual", "auto:3", "auto:-2"). */
export function triggerLabel(t: Translate, trigger: string): string {
  if (trigger === 'manual') return t('reporting.board.manual');
  const days = Number(trigger.replace(/^auto:/, ''));
  if (Number.isNaN(days)) return trigger;
  return t('reporting.board.auto', {
    days: days >= 0 ? t('reporting.board.autoBefore', { n: days }) : t('reporting.board.autoAfter', { n: -days }),
  });
}

/** Reminders sent together (same time, trigger and sender), one per unit. */
export interface ReminderBatch {
  key: string;
  at: string;
  trigger: string;
  sentBy: string | null;
  channels: ReminderDto['channels'];
  items: ReminderDto[];
}

/** Reminders sent together (same time, trigger and sender) shown as one line, in the order they came. */
export function batchesOf(list: ReminderDto[]): ReminderBatch[] {
  const batches = new Map<string, ReminderBatch>();
  for (const reminder of list) {
    const key = `${reminder.at}|${reminder.trigger}|${reminder.sentBy?.id ?? ''}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = {
        key,
        at: reminder.at,
        trigger: reminder.trigger,
        sentBy: reminder.sentBy?.name ?? null,
        channels: [],
        items: [],
      };
      batches.set(key, batch);
    }
    batch.items.push(reminder);
    for (const channel of reminder.channels) if (!batch.channels.includes(channel)) batch.channels.push(channel);
  }
  return [...batches.values()];
}
