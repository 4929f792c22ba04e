import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import type { DerivationWindow } from '../../lib/derivations.js';
import * as repo from './activities.repository.js';

/** One activity as the yearly report's narrative prefill reads it. */
export interface PrefillActivity {
  id: string;
  title: string;
  status: ActivityStatus;
  /** The status in Vietnamese ("Đang thực hiện"). */
  statusLabel: string;
  /** Why it is paused or cancelled, else null. */
  statusReason: string | null;
  expectedOutput: string;
  /** The progress notes dated in the window, oldest first. */
  notes: Array<{ date: string; text: string }>;
}

/**
 * The unit's activities for the yearly report's narrative (issue 12): those whose planned period
 * overlaps the window, or with a progress note dated in it, grouped by the key of each plan item
 * they serve (an activity serving two items appears under both).
 *
 * Shape: `{ [planItemKey]: PrefillActivity[] }`, e.g.
 *   { 'IV.1.a': [{ id, title: 'Tập huấn …', status: 'done', statusLabel: 'Hoàn thành',
 *                  statusReason: null, expectedOutput: '…', notes: [{ date: '2026-05-12', text: '…' }] }] }
 * Keys are the plan's stable item keys; activities are in order of their period's start, then title.
 */
export async function activitiesForPrefill(
  db: DbOrTx,
  unitId: string,
  window: DerivationWindow,
): Promise<Record<string, PrefillActivity[]>> {
  const rows = await repo.activitiesInWindow(db, unitId, window.from, window.to);
  const out: Record<string, PrefillActivity[]> = {};
  for (const { row, notes } of rows) {
    const status = row.status as ActivityStatus;
    const entry: PrefillActivity = {
      id: row.id,
      title: row.title,
      status,
      statusLabel: ACTIVITY_STATUS_LABELS[status]?.vi ?? row.status,
      statusReason: row.statusReason,
      expectedOutput: row.expectedOutput,
      notes: notes.map((n) => ({ date: n.date, text: n.text })),
    };
    for (const key of row.planItemKeys) (out[key] ??= []).push(entry);
  }
  return out;
}
