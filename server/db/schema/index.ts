// Every table of the database, one file per area. drizzle.config.ts points here.
export * from './org-units.js';
export * from './users.js';
export * from './plans.js';
export * from './reporting.js';
export * from './feedback.js';
export * from './consolidation.js';
export * from './settings.js';
export * from './plan-imports.js';
export * from './operations.js';
export * from './registries.js';
export * from './portal.js';
export * from './activities.js';
