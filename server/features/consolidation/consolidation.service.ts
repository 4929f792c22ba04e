import { randomUUID } from 'node:crypto';
import type {
  ConsolidationDto,
  DraftOperation,
  GenerateConsolidationRequest,
  JobStateDto,
  ParagraphDto,
  UpdateConsolidationRequest,
} from '../../../shared/contracts/consolidation.js';
import { hasPermission } from '../../../shared/permissions.js';
import { vietnamDay } from '../../../shared/reporting-rules.js';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { DEPARTMENT_ABBREVIATIONS } from '../../db/seed/org-units.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { renderOfficialDocument } from '../../lib/documents/decree30.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { enqueueJob, runDueJobs } from '../../lib/jobs.js';
import { localStorage } from '../../lib/storage.js';
import { compileOrigins, compileTables, draftGroups, mergeDraft, type DraftParagraph, type Group } from './compile.js';
import * as repo from './consolidation.repository.js';
import { consolidationDocument, shortDate, titleCase } from './document-model.js';

export const GENERATE_JOB = 'consolidation.generate';
export const RENDER_JOB = 'consolidation.render';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const draftNotFound = () =>
  notFound(msg('Chưa có dự thảo báo cáo tổng hợp của kỳ này; hãy bấm "Tạo dự thảo"', 'This cycle has no consolidated draft yet; generate it first'));
const cycleNotFound = () => notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));

/* ───────────────────────────── reading ───────────────────────────── */

function jobState(row: Awaited<ReturnType<typeof repo.getJobRow>> | undefined): JobStateDto | null {
  if (!row) return null;
  const result = (row.result ?? null) as { documentId?: string } | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    progressNote: row.progressNote,
    error: row.status === 'failed' ? 'Không tạo được; vui lòng thử lại' : null,
    documentId: result?.documentId ?? null,
  };
}

function toParagraphDto(p: repo.ParagraphRow, generation: number): ParagraphDto {
  const fresh = generation > 1;
  return {
    id: p.id,
    part: p.part,
    itemKey: p.itemKey,
    text: p.text,
    source: p.sourceUnitName ? { unitId: p.sourceUnitId, unitName: p.sourceUnitName, reportId: p.sourceReportId } : null,
    isProvisional: p.isProvisional,
    isEdited: p.isEdited,
    isNew: fresh && p.originKey !== null && p.addedGeneration === generation,
    isUpdated: fresh && p.originKey !== null && p.addedGeneration !== generation && p.changedGeneration === generation && !p.isEdited,
    sourceChanged: p.sourceChanged,
  };
}

async function groupsOf(db: DbOrTx, cycleId: string): Promise<Group[]> {
  const input = await repo.getCycleWithPlan(db, cycleId);
  if (!input?.cycle.planVersionId) return draftGroups([]);
  return draftGroups(await repo.listPlanItems(db, input.cycle.planVersionId));
}

async function toDto(ctx: Pick<Ctx, 'actor' | 'db'>, draft: repo.DraftRow, year: number): Promise<ConsolidationDto> {
  const [paragraphs, job, documents, groups] = await Promise.all([
    repo.listParagraphs(ctx.db, draft.id),
    draft.jobId ? repo.getJobRow(ctx.db, draft.jobId) : Promise.resolve(undefined),
    repo.listCycleDocuments(ctx.db, draft.cycleId),
    groupsOf(ctx.db, draft.cycleId),
  ]);
  const visible = paragraphs.filter((p) => !p.isRemoved).map((p) => toParagraphDto(p, draft.generation));
  const added = visible.filter((p) => p.isNew);
  const updated = visible.filter((p) => p.isUpdated);
  const canEdit = Boolean(ctx.actor && hasPermission(ctx.actor.role, 'consolidation.edit'));
  const tables = draft.tables;
  return {
    id: draft.id,
    cycleId: draft.cycleId,
    year,
    version: draft.version,
    status: draft.status,
    includeSubmitted: draft.includeSubmitted,
    generation: draft.generation,
    generatedAt: draft.generatedAt?.toISOString() ?? null,
    job: jobState(job),
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
    groups: groups.map((g) => ({ part: g.part, itemKey: g.itemKey, heading: g.heading })),
    paragraphs: visible,
    removedCount: paragraphs.length - visible.length,
    sinceLast: {
      added: added.length,
      updated: updated.length,
      units: [...new Set([...added, ...updated].map((p) => p.source?.unitName).filter((x): x is string => Boolean(x)))],
    },
    indicators: tables?.indicators ?? [],
    units: (tables?.units ?? []).map((u) => ({
      orgUnitId: u.orgUnitId,
      code: u.code,
      name: u.name,
      timing: u.timing,
      reportStatus: u.reportStatus,
      included: u.included,
      daysLate: u.daysLate,
      submittedAt: u.submittedAt,
    })),
    previousYear: tables?.previousYear ?? null,
    documents: documents.map((d) => ({
      id: d.id,
      fileName: d.fileName,
      sha256: d.sha256,
      size: d.size,
      sourceVersion: d.sourceVersion,
      isCurrent: d.sourceVersion === draft.version,
      createdAt: d.createdAt.toISOString(),
    })),
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedByName,
    abilities: { canEdit, canGenerate: canEdit },
  };
}

/** The draft of a cycle (focal officers and leaders). */
export async function getConsolidation(ctx: Ctx, cycleId: string): Promise<ConsolidationDto> {
  requireAccess(ctx, 'consolidation.read');
  const cp = await repo.getCycleWithPlan(ctx.db, cycleId);
  if (!cp) throw cycleNotFound();
  const draft = await repo.getDraftByCycle(ctx.db, cycleId);
  if (!draft) throw draftNotFound();
  return toDto(ctx, draft, cp.cycle.year);
}

/* ───────────────────────────── generating ───────────────────────────── */

/** Defaults of a new draft's header, from the officer's agency and the plan. */
async function defaultSettings(db: DbOrTx, actor: Actor, cp: NonNullable<Awaited<ReturnType<typeof repo.getCycleWithPlan>>>, today: string) {
  const committee = await repo.committeeOn(db, today);
  const province = committee?.fullName.replace(/^Ủy ban nhân dân tỉnh\s+/u, '') ?? 'Vĩnh Long';
  const unit = actor.orgUnitId ? await repo.getOrgUnit(db, actor.orgUnitId) : undefined;
  const agencyName = unit?.name ?? 'Sở Nông nghiệp và Môi trường';
  const issuer = `Ủy ban nhân dân ${titleCase(cp.plan.issuer).replace(/^Tỉnh\b/u, 'tỉnh')}`;
  return {
    parentAgency: `UBND TỈNH ${province.toUpperCase()}`,
    agency: agencyName.toUpperCase(),
    agencyAbbreviation: (unit && DEPARTMENT_ABBREVIATIONS[unit.code]) ?? 'SNNMT',
    documentNumber: null,
    place: province,
    documentDate: today,
    title: `Kết quả thực hiện Kế hoạch số ${cp.plan.number} ngày ${shortDate(cp.plan.date)} của ${issuer} năm ${cp.cycle.year}`,
    recipient: `Ủy ban nhân dân tỉnh ${province}.`,
    copyTo: ['Như trên;', 'Bộ Nông nghiệp và Môi trường (để b/c);', 'Chủ tịch, các PCT UBND tỉnh;', 'Các sở, ban, ngành tỉnh;', 'UBND các xã, phường;', 'Lưu: VT, CCBVMT.'],
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: '',
  };
}

/**
 * Starts (or refreshes) the draft: creates it if needed and queues a generation job. A job
 * already queued or running for the draft is answered again rather than doubled.
 */
export async function startGeneration(ctx: Ctx, cycleId: string, input: GenerateConsolidationRequest): Promise<ConsolidationDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const cp = await repo.getCycleWithPlan(ctx.db, cycleId);
  if (!cp) throw cycleNotFound();
  if (cp.cycle.status === 'draft') {
    throw new AppError('CYCLE_NOT_OPEN', msg(`Kỳ báo cáo năm ${cp.cycle.year} chưa mở; chưa có báo cáo để tổng hợp`, `The ${cp.cycle.year} cycle is not open; there is nothing to consolidate`), {
      status: 409,
    });
  }
  const now = ctx.clock.now();
  const settings = await defaultSettings(ctx.db, actor, cp, vietnamDay(now));
  const { draft, jobId, queued } = await ctx.db.transaction(async (tx) => {
    const { row } = await repo.ensureDraft(tx, { cycleId, ...settings, includeSubmitted: input?.includeSubmitted ?? false, createdAt: now, updatedAt: now, updatedBy: actor.id, updatedByName: actor.name });
    const current = row.jobId ? await repo.getJobRow(tx, row.jobId) : undefined;
    if (current && current.kind === GENERATE_JOB && (current.status === 'queued' || current.status === 'running')) {
      return { draft: row, jobId: current.id, queued: false };
    }
    const includeSubmitted = input?.includeSubmitted ?? row.includeSubmitted;
    const id = await enqueueJob(tx, { kind: GENERATE_JOB, payload: { draftId: row.id, cycleId }, createdBy: actor.id, maxAttempts: 3 });
    const updated = await repo.updateDraft(tx, row.id, { jobId: id, includeSubmitted, status: row.generation === 0 ? 'generating' : row.status });
    await writeAudit(tx, { actor, action: 'consolidation.generate', entityType: 'consolidation_draft', entityId: row.id, data: { cycleId, includeSubmitted, jobId: id }, requestId: ctx.requestId, at: now });
    return { draft: updated, jobId: id, queued: true };
  });
  if (queued) kick(ctx.db, ctx.config, jobId);
  return toDto(ctx, draft, cp.cycle.year);
}

/**
 * Runs a queued job now, in the background of this process, so the user sees progress at once;
 * the worker would take it otherwise (SKIP LOCKED keeps the two from running it twice).
 */
function kick(db: Db, config: Config, jobId: string): void {
  setImmediate(() => {
    runDueJobs(db, config, { ids: [jobId], kinds: [GENERATE_JOB, RENDER_JOB], max: 1 }).catch(() => {
      // The job stays queued; the worker retries it.
    });
  });
}

/**
 * The generation job: reads the cycle's data with no transaction open, compiles, then merges
 * into the draft in one short transaction (the officer's edits made meanwhile are kept: the
 * merge runs on the paragraphs as they are at that moment).
 */
export async function runGeneration(db: Db, payload: { draftId: string; cycleId: string }, createdBy: string | null, progress: (p: number, note: string) => Promise<void>) {
  const start = await repo.getDraftState(db, payload.draftId);
  if (!start) return { skipped: true };
  await progress(5, 'Đang đọc báo cáo của các đơn vị');
  const input = await repo.loadCompileInput(db, payload.cycleId, start.includeSubmitted);
  if (!input) throw new Error('cycle has no frozen plan version');
  await progress(45, 'Đang tổng hợp nội dung và số liệu');
  const origins = compileOrigins(input);
  const groups = draftGroups(input.items);
  await progress(75, 'Đang lưu dự thảo');
  const actor = createdBy ? await repo.getUserActor(db, createdBy) : undefined;
  const result = await db.transaction(async (tx) => {
    const draft = (await repo.getDraftState(tx, payload.draftId, { forUpdate: true }))!;
    const existing = await repo.listParagraphs(tx, draft.id);
    const generation = draft.generation + 1;
    const merged = mergeDraft(existing as DraftParagraph[], origins, groups, generation, randomUUID);
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
    await repo.setDraft(tx, draft.id, { generation, generatedAt: now, status: 'ready', tables: await tables, version: draft.version + 1, updatedAt: now });
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
  await progress(100, 'Đã tạo xong dự thảo');
  return result;
}

/* ───────────────────────────── editing ───────────────────────────── */

function applyOperation(list: repo.ParagraphRow[], op: DraftOperation, draftId: string, generation: number): repo.ParagraphRow[] {
  const find = (id: string) => {
    const p = list.find((x) => x.id === id && !x.isRemoved);
    if (!p) {
      throw new AppError('NOT_FOUND', msg('Đoạn văn không còn trong dự thảo (có thể đã bị xóa); hãy tải lại', 'The paragraph is no longer in the draft; reload'), {
        status: 404,
        issues: [{ path: `operations.${op.op}.id`, message: msg('Không tìm thấy đoạn văn', 'Paragraph not found') }],
      });
    }
    return p;
  };
  switch (op.op) {
    case 'update': {
      const p = find(op.id);
      p.text = op.text;
      p.isEdited = p.originKey !== null && op.text !== p.sourceText;
      p.sourceChanged = p.isEdited ? p.sourceChanged : false;
      return list;
    }
    case 'remove':
      find(op.id).isRemoved = true;
      return list;
    case 'move': {
      const p = find(op.id);
      const group = list.filter((x) => !x.isRemoved && x.part === p.part && x.itemKey === p.itemKey);
      const i = group.indexOf(p);
      const other = group[i + op.offset];
      if (!other) return list;
      const a = list.indexOf(p);
      const b = list.indexOf(other);
      [list[a], list[b]] = [list[b], list[a]];
      return list;
    }
    case 'add': {
      const row: repo.ParagraphRow = {
        id: randomUUID(),
        draftId,
        part: op.part,
        itemKey: op.itemKey,
        position: 0,
        text: op.text,
        originKey: null,
        sourceText: null,
        sourceUnitId: null,
        sourceUnitName: null,
        sourceReportId: null,
        isProvisional: false,
        isEdited: false,
        isRemoved: false,
        sourceChanged: false,
        addedGeneration: generation,
        changedGeneration: generation,
      };
      let at = -1;
      if (op.afterId) at = list.indexOf(find(op.afterId));
      else list.forEach((x, i) => x.part === op.part && x.itemKey === op.itemKey && (at = i));
      if (at < 0) {
        // An empty group: after the last paragraph of an earlier group.
        list.push(row);
      } else list.splice(at + 1, 0, row);
      return list;
    }
  }
}

/** Applies edits and settings to the draft; 409 when another edit came first. */
export async function updateConsolidation(ctx: Ctx, cycleId: string, input: UpdateConsolidationRequest): Promise<ConsolidationDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const cp = await repo.getCycleWithPlan(ctx.db, cycleId);
  if (!cp) throw cycleNotFound();
  const groups = await groupsOf(ctx.db, cycleId);
  const draft = await ctx.db.transaction(async (tx) => {
    const current = await repo.getDraftByCycle(tx, cycleId, { forUpdate: true });
    if (!current) throw draftNotFound();
    if (current.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        msg(
          `Dự thảo đã được ${current.updatedByName ?? 'người khác'} thay đổi (phiên bản ${current.version}); hãy tải lại rồi sửa tiếp`,
          `The draft was changed by ${current.updatedByName ?? 'someone else'} (version ${current.version}); reload and edit again`,
        ),
        { status: 409, issues: [{ path: 'version', message: msg('Phiên bản đã cũ', 'Stale version') }] },
      );
    }
    const now = ctx.clock.now();
    if (input.operations.length) {
      let list = await repo.listParagraphs(tx, current.id);
      // Operations change rows in place: the stored state is kept aside so only changes are written.
      const before = list.map((p) => ({ ...p }));
      for (const op of input.operations) list = applyOperation(list, op, current.id, current.generation);
      // Positions follow the group order, then the list order inside each group.
      const gi = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
      const ordered = list.map((p, i) => ({ p, g: gi.get(`${p.part}|${p.itemKey}`) ?? groups.length, i })).sort((a, b) => a.g - b.g || a.i - b.i);
      await repo.replaceParagraphs(tx, current.id, ordered.map(({ p }, i) => ({ ...p, position: i })) as DraftParagraph[], before as DraftParagraph[]);
    }
    const row = await repo.updateDraft(tx, current.id, { ...(input.settings ?? {}), version: current.version + 1, updatedAt: now, updatedBy: actor.id, updatedByName: actor.name });
    await writeAudit(tx, {
      actor,
      action: 'consolidation.edit',
      entityType: 'consolidation_draft',
      entityId: current.id,
      data: { version: row.version, operations: input.operations.map((o) => ({ op: o.op, id: 'id' in o ? o.id : undefined })), settings: input.settings ? Object.keys(input.settings) : [] },
      requestId: ctx.requestId,
      at: now,
    });
    return row;
  });
  return toDto(ctx, draft, cp.cycle.year);
}

/* ───────────────────────────── the Word file ───────────────────────────── */

/** Renders the draft as it stands and stores the file with its checksum (no transaction held while rendering). */
export async function renderDraftDocument(db: Db, config: Config, draftId: string, opts: { createdBy: string | null; jobId?: string | null; progress?: (p: number, note: string) => Promise<void> }) {
  const draft = await repo.getDraft(db, draftId);
  if (!draft) throw draftNotFound();
  if (!draft.tables) {
    throw new AppError('CONFLICT', msg('Dự thảo đang được tạo; vui lòng đợi hoàn tất', 'The draft is still being generated; wait for it to finish'), { status: 409 });
  }
  const cp = (await repo.getCycleWithPlan(db, draft.cycleId))!;
  const [paragraphs, groups] = await Promise.all([repo.listDocumentParagraphs(db, draft.id), groupsOf(db, draft.cycleId)]);
  await opts.progress?.(20, 'Đang dựng văn bản');
  const issuer = `Ủy ban nhân dân ${titleCase(cp.plan.issuer).replace(/^Tỉnh\b/u, 'tỉnh')}`;
  const model = consolidationDocument({
    year: cp.cycle.year,
    agencyName: await repo.agencyDisplayName(db, draft.agency),
    planNumber: cp.plan.number,
    planDate: cp.plan.date,
    planIssuer: issuer,
    settings: draft,
    groups,
    paragraphs,
    tables: draft.tables,
  });
  const body = await renderOfficialDocument(model);
  await opts.progress?.(80, 'Đang lưu tệp');
  const stored = await localStorage(config.filesDir).put(body);
  const fileName = `bao-cao-tong-hop-${cp.cycle.year}-v${draft.version}.docx`;
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
    await writeAudit(tx, { actor: actor ?? null, action: 'consolidation.document', entityType: 'generated_document', entityId: row.id, data: { sha256: stored.sha256, draftVersion: draft.version } });
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
    if (!draft.tables) throw new AppError('CONFLICT', msg('Dự thảo đang được tạo; vui lòng đợi hoàn tất', 'The draft is still being generated'), { status: 409 });
    const id = await enqueueJob(tx, { kind: RENDER_JOB, payload: { draftId: draft.id }, createdBy: actor.id, maxAttempts: 3 });
    await repo.updateDraft(tx, draft.id, { jobId: id });
    await writeAudit(tx, { actor, action: 'consolidation.render', entityType: 'consolidation_draft', entityId: draft.id, data: { jobId: id }, requestId: ctx.requestId, at: ctx.clock.now() });
    return id;
  });
  kick(ctx.db, ctx.config, jobId);
  return jobState(await repo.getJobRow(ctx.db, jobId))!;
}

/** The Word file of the draft as it stands: the stored one if current, otherwise rendered now and stored. */
export async function getConsolidationDocx(ctx: Ctx, cycleId: string): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  const actor = requireAccess(ctx, 'consolidation.read');
  const draft = await repo.getDraftByCycle(ctx.db, cycleId);
  if (!draft) throw draftNotFound();
  const latest = (await repo.listCycleDocuments(ctx.db, cycleId)).find((d) => d.sourceVersion === draft.version);
  if (latest) {
    return { fileName: latest.fileName, sha256: latest.sha256, body: await localStorage(ctx.config.filesDir).get(latest.storageKey) };
  }
  const { doc, body } = await renderDraftDocument(ctx.db, ctx.config, draft.id, { createdBy: actor.id });
  return { fileName: doc.fileName, sha256: doc.sha256, body };
}

/** A stored Word file of the cycle's draft. */
export async function getStoredDocument(ctx: Ctx, cycleId: string, documentId: string) {
  requireAccess(ctx, 'consolidation.read');
  const doc = await repo.getDocument(ctx.db, documentId);
  if (!doc || doc.cycleId !== cycleId || doc.kind !== 'consolidation_docx') throw notFound(msg('Không tìm thấy tệp', 'File not found'));
  return { fileName: doc.fileName, sha256: doc.sha256, body: await localStorage(ctx.config.filesDir).get(doc.storageKey) };
}
