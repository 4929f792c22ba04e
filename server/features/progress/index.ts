// The progress module: dashboards of the plan's progress and the leader's one-page overview,
// computed live from accepted reports and records. It reads reporting, the plan and the feedback
// desk only through their index.ts; no module depends on it.
import type { FastifyInstance } from 'fastify';
import { progressRoutes } from './progress.routes.js';

/** Routes of the progress module. */
export async function progressFeature(api: FastifyInstance): Promise<void> {
  await api.register(progressRoutes);
}

// For the benchmark (bench/progress.ts): the dashboards' figures as the routes compute them.
export { getIndicators } from './indicators.service.js';
export { getItems } from './items.service.js';
export { figureById, getOverview } from './progress.service.js';
export { getTimeliness } from './timeliness.service.js';
