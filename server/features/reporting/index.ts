import type { FastifyInstance } from 'fastify';
import { cycleRoutes } from './cycles.routes.js';
import { inboxRoutes } from './inbox.routes.js';
import { reportRoutes } from './reports.routes.js';

/** Routes of the reporting area: cycles, reports, notifications, job status. */
export async function reportingFeature(api: FastifyInstance): Promise<void> {
  await api.register(cycleRoutes);
  await api.register(reportRoutes);
  await api.register(inboxRoutes);
}
