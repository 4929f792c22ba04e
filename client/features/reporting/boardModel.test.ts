import { describe, expect, it } from 'vitest';
import type { ReminderDto } from '../../../shared/contracts/reporting';
import { batchesOf, triggerLabel } from './boardModel';

function reminder(
  id: string,
  at: string,
  trigger: string,
  unitName: string,
  channels: ReminderDto['channels'],
  sentBy: ReminderDto['sentBy'] = null,
): ReminderDto {
  return {
    id,
    at,
    trigger,
    sentBy,
    emails: [],
    channels,
    unit: { id: `u-${id}`, code: id, name: unitName, fullName: unitName, kind: 'commune', kindGroup: 'locality' },
  };
}

describe('batchesOf', () => {
  it('puts reminders of the same time, trigger and sender on one line, channels merged', () => {
    const officer = { id: 'p1', name: 'Nguyễn Thị Đầu Mối', email: null };
    const batches = batchesOf([
      reminder('a', '2026-11-25T02:00:00Z', 'manual', 'Xã Giao Long', ['in_app'], officer),
      reminder('b', '2026-11-25T02:00:00Z', 'manual', 'Phường Phú Khương', ['in_app', 'email'], officer),
      reminder('c', '2026-11-27T01:00:00Z', 'auto:3', 'Xã Giao Long', ['in_app']),
    ]);
    expect(batches).toHaveLength(2);
    expect(batches[0]).toMatchObject({
      trigger: 'manual',
      sentBy: 'Nguyễn Thị Đầu Mối',
      channels: ['in_app', 'email'],
    });
    expect(batches[0].items.map((item) => item.unit.fullName)).toEqual(['Xã Giao Long', 'Phường Phú Khương']);
    expect(batches[1]).toMatchObject({ trigger: 'auto:3', sentBy: null, channels: ['in_app'] });
  });

  it('keeps apart reminders sent at the same time by different people', () => {
    const at = '2026-11-25T02:00:00Z';
    const batches = batchesOf([
      reminder('a', at, 'manual', 'Xã Giao Long', ['in_app'], { id: 'p1', name: 'Người A', email: null }),
      reminder('b', at, 'manual', 'Xã An Hiệp', ['in_app'], { id: 'p2', name: 'Người B', email: null }),
    ]);
    expect(batches.map((batch) => batch.sentBy)).toEqual(['Người A', 'Người B']);
  });
});

describe('triggerLabel', () => {
  const t = (key: string, options?: Record<string, unknown>) => (options ? `${key}(${JSON.stringify(options)})` : key);

  it('words a manual reminder and a scheduled one before or after the deadline', () => {
    expect(triggerLabel(t, 'manual')).toBe('reporting.board.manual');
    expect(triggerLabel(t, 'auto:3')).toBe('reporting.board.auto({"days":"reporting.board.autoBefore({\\"n\\":3})"})');
    expect(triggerLabel(t, 'auto:-2')).toBe('reporting.board.auto({"days":"reporting.board.autoAfter({\\"n\\":2})"})');
  });

  it('shows an unknown trigger as it is', () => {
    expect(triggerLabel(t, 'auto:soon')).toBe('auto:soon');
  });
});
