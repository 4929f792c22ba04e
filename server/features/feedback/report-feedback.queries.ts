// What the progress dashboards read of the desk: the items raised by yearly reports, by report.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';

export interface ReportDeskItem {
  id: string;
  reportId: string;
  status: 'new' | 'in_progress' | 'answered' | 'forwarded' | 'closed';
  category: string | null;
}

/** The desk items (one per report) of the given reports, with their triage status; the ids travel as one array parameter. */
export async function reportDeskItems(db: DbOrTx, reportIds: readonly string[]): Promise<ReportDeskItem[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .select({ id: feedback.id, reportId: feedback.reportId, status: feedback.status, category: feedback.category })
    .from(feedback)
    .where(sql`${feedback.reportId} = any(${`{${reportIds.join(',')}}`}::uuid[])`);
  return rows.flatMap((r) => (r.reportId === null ? [] : [{ ...r, reportId: r.reportId }]));
}
