/**
 * The plan-import module: a plan read from its official text (docx, PDF, pasted), reviewed and
 * published as a plan's version 1 through the plan module. Other modules use only what this
 * file exports.
 */
export { planImportRoutes } from './plan-import.routes.js';
export { canImportPlan } from './policy.js';
export { extractText } from './extract.js';
export { parsePlanText } from './parser.js';
export { buildLexicon } from './unit-lexicon.js';
export { importSeedPlan, type SeedPlanSource, type SeedReviewOp } from './seed-import.js';
