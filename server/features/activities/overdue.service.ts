// Overdue activities: the planned period is past (Vietnam time) and the activity is neither done
// nor cancelled. The unit is told once per activity (and once more if its period is changed): a
// periodic task claims the rows not yet notified with one UPDATE, so a second run or a second
// instance finds nothing to send.
import { periodLabel } from '../../../shared/contracts/activities.js';
import { vietnamDate } from '../../../shared/format.js';
import { routes } from '../../../shared/routes.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { msg } from '../../lib/errors.js';
import { notifyUnitInApp } from '../notifications/index.js';
import * as repo from './activities.repository.js';

/** Notifies each overdue activity's unit once; answers how many activities were notified. */
export async function notifyOverdueActivities(db: DbOrTx, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await repo.claimOverdue(tx, vietnamDate(now), now);
    for (const a of claimed) {
      const period = { kind: a.periodKind, year: a.periodYear, number: a.periodNumber };
      await notifyUnitInApp(tx, a.orgUnitId, {
        kind: 'activity_overdue',
        title: msg(`Hoạt động quá hạn: ${a.title}`, `Overdue activity: ${a.title}`),
        body: msg(
          `Hoạt động "${a.title}" dự kiến thực hiện trong ${periodLabel(period, 'vi').toLowerCase()} đã quá hạn mà chưa hoàn thành. Vui lòng cập nhật tiến độ hoặc trạng thái.`,
          `The activity "${a.title}" planned for ${periodLabel(period, 'en')} is overdue and not done. Please update its progress or status.`,
        ),
        link: routes.activity(a.id),
        at: now,
      });
      await writeAudit(tx, {
        actor: null,
        action: 'activity.overdue',
        entityType: 'activity',
        entityId: a.id,
        data: { changes: {} },
        at: now,
      });
    }
    return claimed.length;
  });
}
