import type { FastifyInstance } from 'fastify';
import { registerDerivations } from '../lib/derivations.js';
import { accountsFeature } from './accounts/index.js';
import { activityDerivations, activityRoutes } from './activities/index.js';
import { auditRoutes } from './audit/index.js';
import { consolidationFeature } from './consolidation/index.js';
import {
  existingFeedbackIds,
  feedbackRefs,
  feedbackRoutes,
  markAnsweredByAmendment,
  recordAmendmentLink,
} from './feedback/index.js';
import { guidanceRefs, guidanceRoutes } from './guidance/index.js';
import { healthRoutes } from './health/index.js';
import { homeFeature } from './home/index.js';
import { notificationsFeature } from './notifications/index.js';
import { orgUnitRoutes } from './org-units/index.js';
import { planFeature, registerAmendmentCitations } from './plan/index.js';
import { planImportRoutes } from './plan-import/index.js';
import { publishingRoutes } from './portal/index.js';
import { progressFeature } from './progress/index.js';
import { enterpriseDerivations, registryDerivations, registryRoutes } from './registries/index.js';
import { reportingFeature } from './reporting/index.js';
import { settingsRoutes } from './settings/index.js';

/**
 * How indicators follow from the records (issue 12), from every module that keeps records: read by
 * the report form, the review and the consolidation through server/lib/derivations.ts.
 */
export function registerAllDerivations(): void {
  registerDerivations(enterpriseDerivations);
  registerDerivations(activityDerivations);
  registerDerivations(registryDerivations);
}

/**
 * Every module's routes, mounted under /api/v1. Each module's `index.ts` is its public API: other
 * modules import only from there (docs/ARCHITECTURE.md, "Server modules").
 */
/** The seed's plan loader (the importer), for server/main.ts and the test harness: seedReferenceData(db, importSeedPlan). */
export { importSeedPlan } from './plan-import/index.js';

export async function registerFeatures(api: FastifyInstance): Promise<void> {
  registerAllDerivations();
  // Feedback and guidance depend on the plan; the plan's amendments reach what they cite through these.
  registerAmendmentCitations({
    existingFeedbackIds,
    feedbackRefs,
    guidanceRefs,
    recordAmendmentLink,
    markAnsweredByAmendment,
  });
  await api.register(healthRoutes);
  await api.register(accountsFeature);
  await api.register(orgUnitRoutes);
  await api.register(planFeature);
  await api.register(planImportRoutes);
  await api.register(reportingFeature);
  await api.register(consolidationFeature);
  await api.register(feedbackRoutes);
  await api.register(guidanceRoutes);
  await api.register(notificationsFeature);
  await api.register(auditRoutes);
  await api.register(homeFeature);
  await api.register(registryRoutes);
  await api.register(progressFeature);
  await api.register(publishingRoutes);
  await api.register(settingsRoutes);
  await api.register(activityRoutes);
}
