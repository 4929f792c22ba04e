// The audit log module: reading and exporting the log that every module writes (server/lib/audit.ts).
export { auditRoutes } from './audit.routes.js';
