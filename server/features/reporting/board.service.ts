// The focal department's completeness board of a cycle.
import type { CompletenessQuery, CompletenessResponse } from '../../../shared/contracts/reporting.js';
import type { OrgUnitKind } from '../../../shared/domain.js';
import { vietnamDate } from '../../../shared/format.js';
import { kindGroupOf } from '../../../shared/reporting-rules.js';
import { requireAccess } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { notExpectedUnitIds } from './compiling-agency.js';
import * as repo from './cycles.repository.js';
import { cycleNotFound } from './cycles.service.js';
import { iso } from './reporting.dto.js';

const KIND_GROUP_ORDER = ['department', 'locality', 'enterprise', 'other'];

/**
 * The focal department's board: the seven counts, the same per kind group, and a page of
 * units — with the cycle's status, all from one statement over the frozen list.
 */
export async function getCompleteness(ctx: Ctx, id: string, q: CompletenessQuery): Promise<CompletenessResponse> {
  requireAccess(ctx, 'completeness.read');
  const today = vietnamDate(ctx.clock.now());
  const skip = await notExpectedUnitIds(ctx.db, id);
  const { cycleStatus, kinds, rows, total } = await repo.completenessBoard(ctx.db, id, q, today, skip);
  if (!cycleStatus) throw cycleNotFound();
  const cycle = { id, status: cycleStatus };
  const zero = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, returned: 0, accepted: 0 };
  const byKind = kinds
    .map((group) => ({
      kindGroup: group.kindGroup,
      expected: group.expected,
      submitted: group.submitted,
      onTime: group.onTime,
      late: group.late,
      missing: group.expected - group.submitted,
      returned: group.returned,
      accepted: group.accepted,
    }))
    .sort((a, b) => KIND_GROUP_ORDER.indexOf(a.kindGroup) - KIND_GROUP_ORDER.indexOf(b.kindGroup));
  const totals = byKind.reduce(
    (sum, group) => ({
      expected: sum.expected + group.expected,
      submitted: sum.submitted + group.submitted,
      onTime: sum.onTime + group.onTime,
      late: sum.late + group.late,
      missing: sum.missing + group.missing,
      returned: sum.returned + group.returned,
      accepted: sum.accepted + group.accepted,
    }),
    zero,
  );
  return {
    cycleId: cycle.id,
    ...totals,
    byKind,
    units: rows.map((row) => ({
      unit: {
        id: row.orgUnitId,
        code: row.code,
        name: row.name,
        fullName: row.fullName,
        kind: row.kind as OrgUnitKind,
        kindGroup: kindGroupOf(row.kind as OrgUnitKind),
      },
      status: row.status,
      reportId: row.reportId,
      firstSubmittedAt: iso(row.firstSubmittedAt),
      submittedAt: iso(row.submittedAt),
      isLate: Boolean(row.isLate),
      daysLate: cycle.status === 'draft' ? 0 : row.daysLate,
      deadline: row.deadline,
      hasExtension: row.hasExtension,
      lastRemindedAt: iso(row.lastRemindedAt),
    })),
    page: { page: q.page, pageSize: q.pageSize, total },
  };
}
