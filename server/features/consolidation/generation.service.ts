// Generating the consolidated draft: starting (or refreshing) it as a job, and the job itself,
// which compiles the cycle's reports and merges them into the draft the officer may have edited.
import { randomUUID } from 'node:crypto';
import type { ConsolidationDto, GenerateConsolidationRequest } from '../../../shared/contracts/consolidation.js';
import { formatCitationDate, vietnamDate } from '../../../shared/format.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, type Message } from '../../lib/errors.js';
import { enqueueJob } from '../../lib/jobs.js';
import { getAgencySettings } from '../settings/index.js';
import { cycleWithPlan, planIssuerName, provinceOn, type CycleWithPlan } from '../reporting/index.js';
import { compileOrigins, draftGroups } from './compile.js';
import { compileTables } from './compile-tables.js';
import { mergeDraft, type DraftParagraph } from './merge.js';
import * as repo from './consolidation.repository.js';
import { cycleNotFound, GENERATE_JOB, kick, toDto } from './consolidation.service.js';
import { canGenerateConsolidation } from './policy.js';

/** Defaults of a new draft's header, from the officer's agency and the plan. */
async function defaultSettings(db: DbOrTx, actor: Actor, context: CycleWithPlan, today: string) {
  const province = await provinceOn(db, today);
  const settings = await getAgencySettings(db);
  const unit = actor.orgUnitId ? await repo.getOrgUnit(db, actor.orgUnitId) : undefined;
  const agencyName = unit?.name ?? settings.focalDepartment.name;
  const issuer = planIssuerName(context.plan);
  return {
    parentAgency: `UBND TỈNH ${province.toUpperCase()}`,
    agency: agencyName.toUpperCase(),
    agencyAbbreviation: (unit && settings.departmentAbbreviations[unit.code]) ?? settings.focalDepartment.abbreviation,
    documentNumber: null,
    place: province,
    documentDate: today,
    title: `Kết quả thực hiện Kế hoạch số ${context.plan.number} ngày ${formatCitationDate(context.plan.date)} của ${issuer} năm ${context.cycle.year}`,
    recipient: `Ủy ban nhân dân tỉnh ${province}.`,
    copyTo: settings.consolidatedReport.copyTo,
    signerAuthority: settings.consolidatedReport.signerAuthority,
    signerTitle: settings.consolidatedReport.signerTitle,
    signerName: settings.consolidatedReport.signerName,
  };
}

/**
 * Starts (or refreshes) the draft: creates it if needed and queues a generation job. A job
 * already queued or running for the draft is answered again rather than doubled.
 */
export async function startGeneration(
  ctx: Ctx,
  cycleId: string,
  input: GenerateConsolidationRequest,
): Promise<ConsolidationDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const context = await cycleWithPlan(ctx.db, cycleId);
  if (!context) throw cycleNotFound();
  if (!canGenerateConsolidation(actor, context.cycle).allowed) {
    throw new AppError(
      'CYCLE_NOT_OPEN',
      msg(
        `Kỳ báo cáo năm ${context.cycle.year} chưa mở; chưa có báo cáo để tổng hợp`,
        `The ${context.cycle.year} cycle is not open; there is nothing to consolidate`,
      ),
      {
        status: 409,
      },
    );
  }
  const now = ctx.clock.now();
  const settings = await defaultSettings(ctx.db, actor, context, vietnamDate(now));
  const { draft, jobId, queued } = await ctx.db.transaction(async (tx) => {
    const { row } = await repo.ensureDraft(tx, {
      cycleId,
      ...settings,
      includeSubmitted: input?.includeSubmitted ?? false,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor.id,
      updatedByName: actor.name,
    });
    const current = row.jobId ? await repo.getJobRow(tx, row.jobId) : undefined;
    if (current && current.kind === GENERATE_JOB && (current.status === 'queued' || current.status === 'running')) {
      return { draft: row, jobId: current.id, queued: false };
    }
    const includeSubmitted = input?.includeSubmitted ?? row.includeSubmitted;
    const id = await enqueueJob(tx, {
      kind: GENERATE_JOB,
      payload: { draftId: row.id, cycleId },
      createdBy: actor.id,
      maxAttempts: 3,
    });
    const updated = await repo.updateDraft(tx, row.id, {
      jobId: id,
      includeSubmitted,
      status: row.generation === 0 ? 'generating' : row.status,
    });
    await writeAudit(tx, {
      actor,
      action: 'consolidation.generate',
      entityType: 'consolidation_draft',
      entityId: row.id,
      data: { cycleId, includeSubmitted, jobId: id },
      requestId: ctx.requestId,
      at: now,
    });
    return { draft: updated, jobId: id, queued: true };
  });
  if (queued) kick(ctx.db, ctx.config, jobId);
  return toDto(ctx, draft, context.cycle);
}

/**
 * The generation job: reads the cycle's data with no transaction open, compiles, then merges
 * into the draft in one short transaction (the officer's edits made meanwhile are kept: the
 * merge runs on the paragraphs as they are at that moment).
 */
export async function runGeneration(
  db: Db,
  payload: { draftId: string; cycleId: string },
  createdBy: string | null,
  progress: (p: number, note: Message) => Promise<void>,
) {
  const start = await repo.getDraftState(db, payload.draftId);
  if (!start) return { skipped: true };
  await progress(5, msg('Đang đọc báo cáo của các đơn vị', "Reading the units' reports"));
  const input = await repo.loadCompileInput(db, payload.cycleId, start.includeSubmitted, start.agency);
  if (!input) throw new Error('cycle has no frozen plan version');
  await progress(45, msg('Đang tổng hợp nội dung và số liệu', 'Compiling the text and figures'));
  const origins = compileOrigins(input);
  const groups = draftGroups(input.items);
  await progress(75, msg('Đang lưu dự thảo', 'Saving the draft'));
  const actor = createdBy ? await repo.getUserActor(db, createdBy) : undefined;
  const result = await db.transaction(async (tx) => {
    const draft = await repo.getDraftState(tx, payload.draftId, { forUpdate: true });
    const existing = await repo.listParagraphs(tx, draft.id);
    const generation = draft.generation + 1;
    const merged = mergeDraft(existing, origins, groups, generation, randomUUID);
    // The totals are computed while the server writes the paragraphs: scheduled after the
    // statement has been sent, the CPU work overlaps the database's instead of adding to it.
    const tables = new Promise<ReturnType<typeof compileTables>>((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(compileTables(input));
        } catch (err) {
          reject(err);
        }
      }),
    );
    await Promise.all([repo.replaceParagraphs(tx, draft.id, merged.paragraphs, existing as DraftParagraph[]), tables]);
    const now = new Date();
    await repo.setDraft(tx, draft.id, {
      generation,
      generatedAt: now,
      status: 'ready',
      tables: await tables,
      version: draft.version + 1,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor: actor ?? null,
      action: 'consolidation.generated',
      entityType: 'consolidation_draft',
      entityId: draft.id,
      data: { generation, added: merged.added, updated: merged.updated, paragraphs: merged.paragraphs.length },
      at: now,
    });
    return { generation, added: merged.added, updated: merged.updated };
  });
  await progress(100, msg('Đã tạo xong dự thảo', 'The draft is ready'));
  return result;
}
