// Where the focal department forwards a desk item ("Chuyển đến"): a department of the province
// as it stands today. Neither the provincial People's Committee (the desk answers on its behalf)
// nor the focal department itself (the item is already with it) is a destination.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { ForwardTargetsResponse } from '../../../shared/contracts/feedback.js';
import { vietnamDate } from '../../../shared/format.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { requireAbility } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg } from '../../lib/errors.js';
import { toOrgUnitDto, validOn } from '../org-units/index.js';
import { getAgencySettings } from '../settings/index.js';
import { canTriageFeedback } from './policy.js';

/**
 * The departments valid today but the focal department: the triaging officer's own unit and the
 * department the agency's settings name as the focal one ("Sở Nông nghiệp và Môi trường").
 */
async function departmentsExcept(db: DbOrTx, focalUnitId: string | null, today: string) {
  const focalName = foldText((await getAgencySettings(db)).focalDepartment.name);
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'department'), validOn(today), ...(focalUnitId ? [ne(orgUnits.id, focalUnitId)] : [])))
    .orderBy(asc(orgUnits.name));
  return rows.filter((row) => foldText(row.name) !== focalName);
}

/** The departments a desk item may be forwarded to, for the triage form. */
export async function listForwardTargets(ctx: Ctx): Promise<ForwardTargetsResponse> {
  const actor = requireAbility(ctx, canTriageFeedback);
  const rows = await departmentsExcept(ctx.db, actor.orgUnitId, vietnamDate(ctx.clock.now()));
  return { data: rows.map(toOrgUnitDto) };
}

/** Refuses a destination that is not one of the forward targets, naming the field. */
export async function checkForwardTarget(ctx: Ctx, unitId: string, focalUnitId: string | null): Promise<void> {
  const rows = await departmentsExcept(ctx.db, focalUnitId, vietnamDate(ctx.clock.now()));
  if (!rows.some((row) => row.id === unitId)) {
    throw invalidField(
      'forwardedToUnitId',
      msg(
        'Chỉ chuyển đến một sở, ngành của tỉnh (không chuyển đến UBND tỉnh hay chính cơ quan đầu mối)',
        'Forward to a department of the province (not the People’s Committee nor the focal department)',
      ),
    );
  }
}
