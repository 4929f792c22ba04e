// The home module: the signed-in account's work queue (GET /home). It only reads other modules
// through their index.ts; no module depends on it.
import type { FastifyInstance } from 'fastify';
import { homeRoutes } from './home.routes.js';

/** Routes of the home module. */
export async function homeFeature(api: FastifyInstance): Promise<void> {
  await api.register(homeRoutes);
}
