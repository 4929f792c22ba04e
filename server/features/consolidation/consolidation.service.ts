// The consolidated draft as its readers see it, and what the consolidation use cases share: the
// job kinds, the not-found answers, the DTO (its abilities from policy.ts) and starting a job now.
import type { ConsolidationDto, JobStateDto, ParagraphDto } from '../../../shared/contracts/consolidation.js';
import type { CycleStatus } from '../../../shared/contracts/reporting.js';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { requireAccess } from '../../lib/access.js';
import type { Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { runDueJobs } from '../../lib/jobs.js';
import { localize, type Language } from '../../lib/messages.js';
import { cycleById } from '../reporting/index.js';
import { draftGroups, type Group } from './compile.js';
import type { ConsolidationTables } from '../../db/schema/index.js';
import * as repo from './consolidation.repository.js';
import { canApproveConsolidation, canEditConsolidation, canGenerateConsolidation } from './policy.js';

export const GENERATE_JOB = 'consolidation.generate';
export const RENDER_JOB = 'consolidation.render';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const draftNotFound = () =>
  notFound(
    msg(
      'Chưa có dự thảo báo cáo tổng hợp của kỳ này; hãy bấm "Tạo dự thảo"',
      'This cycle has no consolidated draft yet; generate it first',
    ),
  );
export const cycleNotFound = () => notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));

/** A generation or rendering job as the draft shows it, its note in the request's language. */
export function jobState(
  row: Awaited<ReturnType<typeof repo.getJobRow>> | undefined,
  lang: Language,
): JobStateDto | null {
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    progressNote: localize(row.progressNote, lang),
    error:
      row.status === 'failed'
        ? msg('Không tạo được; vui lòng thử lại', 'It could not be generated; please try again')[lang]
        : null,
    documentId: documentIdOf(row.result),
  };
}

/** The Word file a finished job made: its result is `{ documentId }` (jobs store any JSON). */
function documentIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('documentId' in result)) return null;
  return typeof result.documentId === 'string' ? result.documentId : null;
}

function toParagraphDto(paragraph: repo.ParagraphRow, generation: number): ParagraphDto {
  const fresh = generation > 1;
  return {
    id: paragraph.id,
    part: paragraph.part,
    itemKey: paragraph.itemKey,
    text: paragraph.text,
    source: paragraph.sourceUnitName
      ? { unitId: paragraph.sourceUnitId, unitName: paragraph.sourceUnitName, reportId: paragraph.sourceReportId }
      : null,
    isProvisional: paragraph.isProvisional,
    isEdited: paragraph.isEdited,
    isNew: fresh && paragraph.originKey !== null && paragraph.addedGeneration === generation,
    isUpdated:
      fresh &&
      paragraph.originKey !== null &&
      paragraph.addedGeneration !== generation &&
      paragraph.changedGeneration === generation &&
      !paragraph.isEdited,
    sourceChanged: paragraph.sourceChanged,
  };
}

export async function groupsOf(db: DbOrTx, cycleId: string): Promise<Group[]> {
  const cycle = await cycleById(db, cycleId);
  if (!cycle?.planVersionId) return draftGroups([]);
  return draftGroups(await repo.listPlanItems(db, cycle.planVersionId));
}

/** N/M and the rest of the compiled set, from the frozen annex (the document reads the same). */
export function compiledCounts(units: ConsolidationTables['units']) {
  const compiled = units.filter((unit) => unit.included);
  return {
    expected: units.length,
    compiled: compiled.length,
    provisional: compiled.filter((unit) => unit.reportStatus !== 'accepted').length,
    returned: units.filter((unit) => unit.reportStatus === 'returned').length,
  };
}

/** Whether the draft is as the officer approved it for signature (its file then carries no "DỰ THẢO"). */
export function isApproved(draft: Pick<repo.DraftRow, 'approvedVersion' | 'version'>): boolean {
  return draft.approvedVersion !== null && draft.approvedVersion === draft.version;
}

export async function toDto(
  ctx: Pick<Ctx, 'actor' | 'db' | 'lang'>,
  draft: repo.DraftRow,
  cycle: { year: number; status: CycleStatus },
): Promise<ConsolidationDto> {
  const [paragraphs, job, documents, groups] = await Promise.all([
    repo.listParagraphs(ctx.db, draft.id),
    draft.jobId ? repo.getJobRow(ctx.db, draft.jobId) : Promise.resolve(undefined),
    repo.listCycleDocuments(ctx.db, draft.cycleId),
    groupsOf(ctx.db, draft.cycleId),
  ]);
  const visible = paragraphs
    .filter((paragraph) => !paragraph.isRemoved)
    .map((paragraph) => toParagraphDto(paragraph, draft.generation));
  const added = visible.filter((paragraph) => paragraph.isNew);
  const updated = visible.filter((paragraph) => paragraph.isUpdated);
  const tables = draft.tables;
  return {
    id: draft.id,
    cycleId: draft.cycleId,
    year: cycle.year,
    version: draft.version,
    status: draft.status,
    includeSubmitted: draft.includeSubmitted,
    generation: draft.generation,
    generatedAt: draft.generatedAt?.toISOString() ?? null,
    job: jobState(job, ctx.lang),
    settings: {
      parentAgency: draft.parentAgency,
      agency: draft.agency,
      agencyAbbreviation: draft.agencyAbbreviation,
      documentNumber: draft.documentNumber,
      place: draft.place,
      documentDate: draft.documentDate,
      title: draft.title,
      recipient: draft.recipient,
      copyTo: draft.copyTo,
      signerAuthority: draft.signerAuthority,
      signerTitle: draft.signerTitle,
      signerName: draft.signerName,
    },
    groups: groups.map((g) => ({ part: g.part, itemKey: g.itemKey, heading: g.heading, citation: g.citation })),
    paragraphs: visible,
    removedCount: paragraphs.length - visible.length,
    sinceLast: {
      added: added.length,
      updated: updated.length,
      units: [
        ...new Set(
          [...added, ...updated]
            .map((paragraph) => paragraph.source?.unitName)
            .filter((name): name is string => Boolean(name)),
        ),
      ],
    },
    indicators: tables?.indicators ?? [],
    units: (tables?.units ?? []).map((unit) => ({
      orgUnitId: unit.orgUnitId,
      code: unit.code,
      name: unit.name,
      timing: unit.timing,
      reportStatus: unit.reportStatus,
      included: unit.included,
      daysLate: unit.daysLate,
      submittedAt: unit.submittedAt,
    })),
    previousYear: tables?.previousYear ?? null,
    counts: compiledCounts(tables?.units ?? []),
    approval: draft.approvedAt
      ? { at: draft.approvedAt.toISOString(), by: draft.approvedByName, isCurrent: isApproved(draft) }
      : null,
    documents: documents.map((document) => ({
      id: document.id,
      fileName: document.fileName,
      sha256: document.sha256,
      size: document.size,
      sourceVersion: document.sourceVersion,
      isCurrent: document.sourceVersion === draft.version,
      createdAt: document.createdAt.toISOString(),
    })),
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedByName,
    abilities: {
      canEdit: canEditConsolidation(ctx.actor),
      canGenerate: canGenerateConsolidation(ctx.actor, cycle).allowed,
      canApprove: canApproveConsolidation(ctx.actor, draft).allowed,
    },
  };
}

/** The draft of a cycle (focal officers and leaders). */
export async function getConsolidation(ctx: Ctx, cycleId: string): Promise<ConsolidationDto> {
  requireAccess(ctx, 'consolidation.read');
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  const draft = await repo.getDraftByCycle(ctx.db, cycleId);
  if (!draft) throw draftNotFound();
  return toDto(ctx, draft, cycle);
}

/**
 * Runs a queued job now, in the background of this process, so the user sees progress at once;
 * the worker would take it otherwise (SKIP LOCKED keeps the two from running it twice).
 */
export function kick(db: Db, config: Config, jobId: string): void {
  setImmediate(() => {
    runDueJobs(db, config, { ids: [jobId], kinds: [GENERATE_JOB, RENDER_JOB], max: 1 }).catch(() => {
      // The job stays queued; the worker retries it.
    });
  });
}
