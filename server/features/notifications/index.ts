// The notifications module: in-app notices and their inbox, and background job status. Other
// modules notify through these functions, never through the notification table; this module
// depends on none of them. Links are pages of shared/routes.ts (`routes.report(id)` …).
import type { FastifyInstance } from 'fastify';
import { inboxRoutes } from './inbox.routes.js';

export {
  focalNoticesInsert,
  insertNotifications,
  unitAccounts,
  type NotificationInsert,
} from './notifications.repository.js';
export { notifyRole, notifyUnit, notifyUnitInApp, type UnitNotice } from './notifications.service.js';

/** Routes of the notifications module: the signed-in account's inbox and job status. */
export async function notificationsFeature(api: FastifyInstance): Promise<void> {
  await api.register(inboxRoutes);
}
