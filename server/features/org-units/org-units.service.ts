import type { ListOrgUnitsQuery, OrgUnitDetailDto } from '../../../shared/contracts/org-units.js';
import { vietnamDate } from '../../../shared/format.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import * as repo from './org-units.repository.js';
import { canReadOrgUnits } from './policy.js';

export async function listOrgUnits(ctx: Ctx, query: ListOrgUnitsQuery) {
  requireAbility(ctx, canReadOrgUnits);
  const asOf = query.asOf ?? vietnamDate(ctx.clock.now());
  const { rows, total } = await repo.listUnits(ctx.db, { ...query, asOf });
  return { data: rows.map(repo.toOrgUnitDto), page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function getOrgUnit(ctx: Ctx, id: string): Promise<OrgUnitDetailDto> {
  requireAbility(ctx, canReadOrgUnits);
  const unit = await repo.getUnit(ctx.db, id);
  if (!unit) throw notFound(msg('Không tìm thấy đơn vị', 'Unit not found'));
  const parent = unit.parentId ? await repo.getUnit(ctx.db, unit.parentId) : undefined;
  const { preds, succs } = await repo.listSuccessions(ctx.db, id);
  const link = (r: (typeof preds)[number]) => ({
    kind: r.s.kind,
    date: r.s.date,
    note: r.s.note,
    unit: repo.toOrgUnitDto(r.unit),
  });
  return {
    ...repo.toOrgUnitDto(unit),
    parent: parent ? repo.toOrgUnitDto(parent) : null,
    predecessors: preds.map(link),
    successors: succs.map(link),
  };
}
