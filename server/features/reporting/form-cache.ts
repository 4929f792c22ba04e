import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { reportCycles, type FrozenIndicator } from '../../db/schema/index.js';

/** The indicators of a cycle's form. */
export interface FrozenForm {
  indicators: FrozenIndicator[];
}

// The form is frozen when a cycle opens and never changes afterwards (cycle-lifecycle.service openCycle is
// its only writer, and only while draft), so every instance may keep it: on deadline day each
// save and submission would otherwise read and decode the same few hundred indicators again.
const MAX_CYCLES = 64;
const frozen = new Map<string, FrozenForm>();

/** A cycle's form: read once per opened cycle and kept; read every time while the cycle is a draft. */
export async function cycleForm(db: DbOrTx, cycle: { id: string; status: string }): Promise<FrozenForm> {
  const hit = frozen.get(cycle.id);
  if (hit) return hit;
  const [row] = await db
    .select({ form: reportCycles.form, status: reportCycles.status })
    .from(reportCycles)
    .where(eq(reportCycles.id, cycle.id));
  const form: FrozenForm = { indicators: row?.form?.indicators ?? [] };
  if (row && row.status !== 'draft' && row.form) {
    if (frozen.size >= MAX_CYCLES) frozen.delete(frozen.keys().next().value!);
    frozen.set(cycle.id, form);
  }
  return form;
}
