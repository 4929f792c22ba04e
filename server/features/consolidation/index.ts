import type { FastifyInstance } from 'fastify';
import { consolidationRoutes } from './consolidation.routes.js';

/** Routes of the consolidation area: the consolidated report, Word files, Excel in and out. */
export async function consolidationFeature(api: FastifyInstance): Promise<void> {
  await api.register(consolidationRoutes);
}
