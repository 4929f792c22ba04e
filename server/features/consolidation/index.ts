// The consolidation module's public API: its routes. It reads reporting only through
// reporting/index.ts.
import type { FastifyInstance } from 'fastify';
import { consolidationRoutes } from './consolidation.routes.js';

// The approved report of a cycle (text per plan item, frozen figures), for the portal's publishing.
export { approvedConsolidation, type ApprovedConsolidation } from './approved.js';
export { renderDraftDocument } from './document.service.js';
export { runGeneration } from './generation.service.js';
// For the benchmark (bench/consolidation.ts): the compiler's read and a draft's paragraphs, timed on their own.
export { listParagraphs, loadCompileInput } from './consolidation.repository.js';

/** Routes of the consolidation module: the consolidated report, its Word files, the cycle's Excel export. */
export async function consolidationFeature(api: FastifyInstance): Promise<void> {
  await api.register(consolidationRoutes);
}
