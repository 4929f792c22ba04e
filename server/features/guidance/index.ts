/**
 * The guidance module: the registry of guidance documents linked to plan items. Other modules
 * use only what this file exports.
 */
export { guidanceRoutes } from './guidance.routes.js';
export { guidanceRefs, listPublicGuidance } from './guidance.service.js';
export { canEditGuidance, canReadGuidance } from './policy.js';
