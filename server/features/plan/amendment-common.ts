import { AMENDMENT_STATUS_LABELS } from '../../../shared/contracts/amendments.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, msg, notFound, type Message } from '../../lib/errors.js';
import * as repo from './amendments.repository.js';
import { getPlan } from './plans.repository.js';

export const AMENDMENT_NOT_FOUND = msg('Không tìm thấy đề xuất sửa đổi', 'Amendment proposal not found');
export const PLAN_NOT_FOUND = msg('Không tìm thấy kế hoạch', 'Plan not found');

/** 409 naming the proposal's status and the action it does not allow. */
export function wrongStatus(row: repo.AmendmentRow, action: Message): AppError {
  const label = AMENDMENT_STATUS_LABELS[row.status];
  return new AppError(
    'CONFLICT',
    msg(
      `Đề xuất sửa đổi đang ở trạng thái "${label}", không thể ${action.vi}`,
      `The proposal is ${row.status}; it cannot be ${action.en}`,
    ),
    { status: 409 },
  );
}

export async function loadPlanOr404(db: DbOrTx, planId: string) {
  const plan = await getPlan(db, planId);
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  return plan;
}
