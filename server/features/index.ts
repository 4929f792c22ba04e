import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { consolidationFeature } from './consolidation/index.js';
import { feedbackFeature } from './feedback/index.js';
import { healthRoutes } from './health/health.routes.js';
import { notificationsFeature } from './notifications/index.js';
import { orgUnitRoutes } from './org-units/org-units.routes.js';
import { planRoutes } from './plans/plans.routes.js';
import { reportingFeature } from './reporting/index.js';
import { userRoutes } from './users/users.routes.js';

/** Every feature's routes, mounted under /api/v1. */
export async function registerFeatures(api: FastifyInstance): Promise<void> {
  await api.register(healthRoutes);
  await api.register(authRoutes);
  await api.register(userRoutes);
  await api.register(orgUnitRoutes);
  await api.register(planRoutes);
  await api.register(reportingFeature);
  await api.register(consolidationFeature);
  await api.register(feedbackFeature);
  await api.register(notificationsFeature);
}
