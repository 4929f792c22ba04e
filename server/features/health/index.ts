/** The health module: liveness, database check and version (GET /health). */
export { healthRoutes } from './health.routes.js';
