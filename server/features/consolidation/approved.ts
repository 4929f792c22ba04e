// What other modules may know of a cycle's consolidated report once the focal officer approved it
// for signature: the portal's publishing reads the text per plan item and the frozen indicator
// totals from here, and nothing of a draft that is not (or no longer) approved.
import type { DbOrTx } from '../../db/client.js';
import { cycleById } from '../reporting/index.js';
import { OTHER_RESULTS } from './compile.js';
import * as repo from './consolidation.repository.js';
import { groupsOf, isApproved } from './consolidation.service.js';

export interface ApprovedConsolidation {
  cycleId: string;
  planId: string;
  year: number;
  /** The draft version that was approved (and is still the current one). */
  version: number;
  approvedAt: string;
  approvedByName: string | null;
  /** Part "Kết quả thực hiện": each plan task's heading and its paragraphs, in document order. */
  items: Array<{ itemKey: string; heading: string; paragraphs: string[] }>;
  /** The indicator totals frozen at generation (the figures of the approved text). */
  indicators: Array<{
    code: string;
    name: string;
    unit: string;
    total: number | null;
    previousTotal: number | null;
    reporting: number;
    streams: Array<{ stream: string; value: number | null }>;
  }>;
}

/**
 * The cycle's consolidated report as approved, or null when there is no draft, it was never
 * approved, or it changed after approval (a new version is a draft again).
 */
export async function approvedConsolidation(db: DbOrTx, cycleId: string): Promise<ApprovedConsolidation | null> {
  const cycle = await cycleById(db, cycleId);
  if (!cycle) return null;
  const draft = await repo.getDraftByCycle(db, cycleId);
  if (!draft || !isApproved(draft) || !draft.approvedAt) return null;
  const [groups, paragraphs] = await Promise.all([groupsOf(db, cycleId), repo.listDocumentParagraphs(db, draft.id)]);
  const items = groups
    .filter((g) => g.part === 'results' && g.itemKey !== '' && g.itemKey !== OTHER_RESULTS)
    .map((g) => ({
      itemKey: g.itemKey,
      heading: g.heading.replace(/^\d+\.\s*/, ''),
      paragraphs: paragraphs.filter((p) => p.part === 'results' && p.itemKey === g.itemKey).map((p) => p.text),
    }));
  return {
    cycleId,
    planId: cycle.planId,
    year: cycle.year,
    version: draft.version,
    approvedAt: draft.approvedAt.toISOString(),
    approvedByName: draft.approvedByName,
    items,
    indicators: (draft.tables?.indicators ?? []).map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      total: i.total,
      previousTotal: i.previousTotal,
      reporting: i.reporting,
      streams: i.streams.map((s) => ({ stream: s.stream, value: s.value })),
    })),
  };
}
