/** The health module: liveness, readiness (database and migrations), version, and /metrics. */
export { healthRoutes } from './health.routes.js';
export { installMetrics } from './metrics.js';
