// The Word file of the consolidated draft: rendered as a job or on demand, stored with its
// checksum, answered again for the same draft version.
import type { JobStateDto } from '../../../shared/contracts/consolidation.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { renderOfficialDocument } from '../../lib/documents/decree30.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { enqueueJob } from '../../lib/jobs.js';
import { fileStorage } from '../../lib/storage.js';
import { cycleWithPlan, planIssuerName } from '../reporting/index.js';
import * as repo from './consolidation.repository.js';
import { draftNotFound, groupsOf, isApproved, jobState, kick, RENDER_JOB } from './consolidation.service.js';
import { consolidationDocument } from './document-model.js';

/** Renders the draft as it stands and stores the file with its checksum (no transaction held while rendering). */
export async function renderDraftDocument(
  db: Db,
  config: Config,
  draftId: string,
  opts: { createdBy: string | null; jobId?: string | null; progress?: (p: number, note: string) => Promise<void> },
) {
  const draft = await repo.getDraft(db, draftId);
  if (!draft) throw draftNotFound();
  if (!draft.tables) {
    throw new AppError(
      'CONFLICT',
      msg('Dự thảo đang được tạo; vui lòng đợi hoàn tất', 'The draft is still being generated; wait for it to finish'),
      { status: 409 },
    );
  }
  const context = await cycleWithPlan(db, draft.cycleId);
  const [paragraphs, groups] = await Promise.all([
    repo.listDocumentParagraphs(db, draft.id),
    groupsOf(db, draft.cycleId),
  ]);
  await opts.progress?.(20, 'Đang dựng văn bản');
  const model = consolidationDocument({
    year: context.cycle.year,
    agencyName: await repo.agencyDisplayName(db, draft.agency),
    planNumber: context.plan.number,
    planDate: context.plan.date,
    planIssuer: planIssuerName(context.plan),
    settings: draft,
    groups,
    paragraphs,
    tables: draft.tables,
    isDraft: !isApproved(draft),
  });
  const body = await renderOfficialDocument(model);
  await opts.progress?.(80, 'Đang lưu tệp');
  const stored = await fileStorage({ db, config }).put(body);
  const fileName = `${isApproved(draft) ? '' : 'du-thao-'}bao-cao-tong-hop-nam-${context.cycle.year}-v${draft.version}.docx`;
  const actor = opts.createdBy ? await repo.getUserActor(db, opts.createdBy) : undefined;
  const doc = await db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      kind: 'consolidation_docx',
      cycleId: draft.cycleId,
      sourceVersion: draft.version,
      fileName,
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      jobId: opts.jobId ?? null,
      createdBy: opts.createdBy,
    });
    await writeAudit(tx, {
      actor: actor ?? null,
      action: 'consolidation.document',
      entityType: 'generated_document',
      entityId: row.id,
      data: { sha256: stored.sha256, draftVersion: draft.version },
    });
    return row;
  });
  return { doc, body };
}

/** Queues the rendering of the Word file; the draft's `job` shows its progress. */
export async function startRender(ctx: Ctx, cycleId: string): Promise<JobStateDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const jobId = await ctx.db.transaction(async (tx) => {
    const draft = await repo.getDraftByCycle(tx, cycleId, { forUpdate: true });
    if (!draft) throw draftNotFound();
    if (!draft.tables)
      throw new AppError(
        'CONFLICT',
        msg('Dự thảo đang được tạo; vui lòng đợi hoàn tất', 'The draft is still being generated'),
        { status: 409 },
      );
    const id = await enqueueJob(tx, {
      kind: RENDER_JOB,
      payload: { draftId: draft.id },
      createdBy: actor.id,
      maxAttempts: 3,
    });
    await repo.updateDraft(tx, draft.id, { jobId: id });
    await writeAudit(tx, {
      actor,
      action: 'consolidation.render',
      entityType: 'consolidation_draft',
      entityId: draft.id,
      data: { jobId: id },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
    return id;
  });
  kick(ctx.db, ctx.config, jobId);
  return jobState(await repo.getJobRow(ctx.db, jobId), ctx.lang)!;
}

/** The Word file of the draft as it stands: the stored one if current, otherwise rendered now and stored. */
export async function getConsolidationDocx(
  ctx: Ctx,
  cycleId: string,
): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  const actor = requireAccess(ctx, 'consolidation.read');
  const draft = await repo.getDraftByCycle(ctx.db, cycleId);
  if (!draft) throw draftNotFound();
  const latest = (await repo.listCycleDocuments(ctx.db, cycleId)).find(
    (document) => document.sourceVersion === draft.version,
  );
  if (latest) {
    return {
      fileName: latest.fileName,
      sha256: latest.sha256,
      body: await fileStorage(ctx).get(latest.storageKey),
    };
  }
  const { doc, body } = await renderDraftDocument(ctx.db, ctx.config, draft.id, { createdBy: actor.id });
  return { fileName: doc.fileName, sha256: doc.sha256, body };
}

/** A stored Word file of the cycle's draft. */
export async function getStoredDocument(ctx: Ctx, cycleId: string, documentId: string) {
  requireAccess(ctx, 'consolidation.read');
  const doc = await repo.getDocument(ctx.db, documentId);
  if (!doc || doc.cycleId !== cycleId || doc.kind !== 'consolidation_docx')
    throw notFound(msg('Không tìm thấy tệp', 'File not found'));
  return {
    fileName: doc.fileName,
    sha256: doc.sha256,
    body: await fileStorage(ctx).get(doc.storageKey),
  };
}
