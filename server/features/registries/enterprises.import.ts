import type {
  EnterpriseImportResponse,
  EnterpriseProduct,
  ImportProblem,
} from '../../../shared/contracts/registries.js';
import { vietnamDate } from '../../../shared/format.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import * as repo from './enterprises.repository.js';
import { searchTextOf } from './enterprises.service.js';
import { changedFields } from './enterprises.view.js';
import { canEditEnterprise } from './policy.js';

/** One row of an imported sheet, read and checked cell by cell. */
export interface ImportRow {
  row: number;
  taxCode: string;
  name: string;
  communeId: string | null;
  sector: string;
  industrialYears: number[];
  products: EnterpriseProduct[];
}

/** Which column holds each field, to name the refused cell. */
const FIELD_COLUMN: Record<string, string> = {
  name: 'B',
  communeId: 'C',
  sector: 'E',
  industrialYears: 'F',
  products: 'G',
};

/**
 * Applies checked rows: a new tax code creates a record for the actor's unit; an existing one is
 * updated where a field differs, only when the actor may edit it (otherwise the cell is refused);
 * an identical row changes nothing. All or nothing, in one transaction, every change audited.
 */
export async function applyImport(
  ctx: Ctx,
  actor: Actor,
  sheet: string,
  rows: ImportRow[],
): Promise<EnterpriseImportResponse> {
  const existing = new Map(
    (
      await repo.getByTaxCodes(
        ctx.db,
        rows.map((r) => r.taxCode),
      )
    ).map((e) => [e.taxCode, e]),
  );
  const problems: ImportProblem[] = [];
  const plans: Array<{ row: ImportRow; changes: ReturnType<typeof changedFields>; current?: repo.EnterpriseRow }> = [];
  for (const row of rows) {
    const { row: _line, taxCode: _code, ...fields } = row;
    const current = existing.get(row.taxCode);
    const changes = changedFields(current ?? {}, fields);
    if (current && Object.keys(changes).length && !canEditEnterprise(actor, current)) {
      const first = Object.keys(changes)[0];
      problems.push({
        sheet,
        row: row.row,
        column: FIELD_COLUMN[first] ?? 'A',
        message: `Doanh nghiệp ${row.taxCode} do đơn vị khác tạo: không được sửa, chỉ được thêm ghi nhận trên trang của doanh nghiệp.`,
      });
      continue;
    }
    plans.push({ row, changes, current });
  }
  if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems };
  const now = ctx.clock.now();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  await ctx.db.transaction(async (tx) => {
    for (const { row, changes, current } of plans) {
      if (current && Object.keys(changes).length === 0) {
        unchanged += 1;
        continue;
      }
      const { row: _line, ...values } = row;
      const searchText = searchTextOf(row.name, row.taxCode);
      const saved = current
        ? await repo.updateEnterprise(tx, current.id, current.version, { ...values, searchText, updatedAt: now })
        : await repo.insertIfNew(tx, {
            ...values,
            searchText,
            recordDate: vietnamDate(now),
            reportingUnitId: actor.orgUnitId,
            createdBy: actor.id,
            createdAt: now,
            updatedAt: now,
          });
      if (!saved)
        throw new AppError(
          'CONFLICT',
          msg(
            'Sổ doanh nghiệp vừa thay đổi; vui lòng nhập lại tệp.',
            'The registry just changed; please import again.',
          ),
        );
      if (current) updated += 1;
      else created += 1;
      await writeAudit(tx, {
        actor,
        action: current ? 'enterprise.update' : 'enterprise.create',
        entityType: 'enterprise',
        entityId: saved.id,
        data: { changes, source: 'import' },
        requestId: ctx.requestId,
        at: now,
      });
    }
  });
  return { created, updated, unchanged, problems: [] };
}
