import type { FastifyInstance } from 'fastify';
import { amendmentRoutes } from './amendments.routes.js';
import { feedbackRoutes } from './feedback.routes.js';
import { guidanceRoutes } from './guidance.routes.js';
import { versionRoutes } from './versions.routes.js';

/** Routes of the feedback area: the desk, amendment proposals, plan versions and diff, guidance documents. */
export async function feedbackFeature(api: FastifyInstance): Promise<void> {
  await api.register(feedbackRoutes);
  await api.register(amendmentRoutes);
  await api.register(versionRoutes);
  await api.register(guidanceRoutes);
}
