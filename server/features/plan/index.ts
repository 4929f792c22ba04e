import type { FastifyInstance } from 'fastify';
import { amendmentRoutes } from './amendments.routes.js';
import { planRoutes } from './plans.routes.js';
import { targetRoutes } from './targets.routes.js';
import { versionRoutes } from './versions.routes.js';

/**
 * The plan module: the plan's items and responsibilities, its versions and their diff, and the
 * amendment proposals that make new versions. Other modules use only what this file exports.
 */
export async function planFeature(api: FastifyInstance): Promise<void> {
  await api.register(planRoutes);
  await api.register(amendmentRoutes);
  await api.register(versionRoutes);
  await api.register(targetRoutes);
}

export { registerAmendmentCitations, type AmendmentCitations } from './citations.js';
export { amendmentsCitingFeedback } from './amendments.repository.js';
export { listAmendments } from './amendments.service.js';
export {
  currentItemsById,
  currentItemsByKey,
  currentVersion,
  itemRefs,
  latestVersion,
  planHoldingKey,
} from './plan-refs.repository.js';
export { getPlan, getVersion, listPlans, loadItems } from './plans.repository.js';
export { createPlanVersionOne, type NewPlan, type NewPlanItem } from './plan-create.repository.js';
export { buildItems, getPublicPlan, listPlans as listPlanSummaries } from './plans.service.js';
export { planLineage } from './replacements.service.js';
export { planFocalUnitIds } from './focus.js';
export { setFocalUnit as setPlanFocalUnit } from './lineage.repository.js';
export { readDiff as diffPublicVersions, readVersions as listPublicVersions } from './versions.service.js';
export { publicTargets, targetsInForce } from './targets.service.js';
export {
  canDecideAmendment,
  canEditAmendment,
  canProposeAmendments,
  canReadAmendments,
  canReadPlan,
  canSeeAmendment,
  canSubmitAmendment,
  isPlanFocalUnit,
} from './policy.js';
