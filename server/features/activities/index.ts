/**
 * The activities module (issue 12, plan section IV.1): each unit's detailed plan (or the annual
 * programmes its work is folded into) and its activities with progress notes. Other modules use
 * only what this file exports.
 */
export { activityRoutes } from './activities.routes.js';
export { activityDerivations } from './derivations.js';
export { notifyOverdueActivities } from './overdue.service.js';
export { activitiesForPrefill, type PrefillActivity } from './prefill.js';
export { activityStatusByItem, type ItemActivityCount } from './progress.js';
export { canEditActivity, canKeepActivities, canReadActivity, canReadAllActivities } from './policy.js';
