// Job handlers of the consolidation area, registered with the database job queue at load.
import { registerJobHandler } from '../../lib/jobs.js';
import { GENERATE_JOB, RENDER_JOB } from './consolidation.service.js';
import { renderDraftDocument } from './document.service.js';
import { runGeneration } from './generation.service.js';

registerJobHandler<{ draftId: string; cycleId: string }>(GENERATE_JOB, async ({ job, db, progress }) =>
  runGeneration(db, job.payload, job.createdBy, progress),
);

registerJobHandler<{ draftId: string }>(RENDER_JOB, async ({ job, db, config, progress }) => {
  const { doc } = await renderDraftDocument(db, config, job.payload.draftId, {
    createdBy: job.createdBy,
    jobId: job.id,
    progress,
  });
  return { documentId: doc.id, sha256: doc.sha256 };
});
