import { routes } from '../../../shared/routes.js';
import type { Derivation } from '../../lib/derivations.js';
import * as repo from './activities.repository.js';

/**
 * KH-00 ("Đã ban hành kế hoạch chi tiết hoặc lồng ghép vào kế hoạch công tác năm"): 1 for a unit
 * whose detailed plan, or one of the annual programmes it folded the work into, is dated on or
 * before the window's end; 0 for a unit whose record has no such date; absent without a record.
 * The province's value is the number of units with one.
 */
const kh00: Derivation = {
  indicatorCode: 'KH-00',
  wasteStream: null,
  method: {
    vi: 'Có kế hoạch chi tiết hoặc chương trình công tác năm (lồng ghép) ban hành đến hết ngày cuối kỳ số liệu, theo hồ sơ "Kế hoạch chi tiết" của đơn vị.',
    en: 'A detailed plan or annual programme (folding the work in) issued by the end of the data window, from the unit’s "Detailed plan" record.',
  },
  async byUnit(db, window, unitIds) {
    const out = new Map<string, number>();
    if (unitIds.length === 0) return out;
    for (const r of await repo.detailedPlanIssued(db, window.to, unitIds)) out.set(r.orgUnitId, r.issued ? 1 : 0);
    return out;
  },
  async province(db, window) {
    return (await repo.detailedPlanIssued(db, window.to)).filter((r) => r.issued).length;
  },
  recordsLink(_window, unitId) {
    return unitId ? routes.detailedPlans({ unitId }) : routes.detailedPlans();
  },
};

/** The derivations of the activities module, registered by server/features/index.ts. */
export const activityDerivations: Derivation[] = [kh00];
