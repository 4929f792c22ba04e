import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { reportCycles, type FrozenIndicator } from '../../db/schema/index.js';
import { itemCitation } from '../../../shared/plan-citation.js';
import { loadItems } from '../plan/index.js';

/** The indicators of a cycle's form, and how its plan version's items are cited ("mục II.1 phần Nhiệm vụ kế hoạch"). */
export interface FrozenForm {
  indicators: FrozenIndicator[];
  /** Citation by plan item id, from the labels as issued (never the internal key). */
  citations: Map<string, string>;
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
    .select({ form: reportCycles.form, status: reportCycles.status, versionId: reportCycles.planVersionId })
    .from(reportCycles)
    .where(eq(reportCycles.id, cycle.id));
  const items = row?.versionId ? (await loadItems(db, row.versionId)).items : [];
  const citations = new Map(items.map((item) => [item.id, itemCitation(item, items)]));
  const form: FrozenForm = { indicators: row?.form?.indicators ?? [], citations };
  if (row && row.status !== 'draft' && row.form) {
    if (frozen.size >= MAX_CYCLES) frozen.delete(frozen.keys().next().value!);
    frozen.set(cycle.id, form);
  }
  return form;
}
