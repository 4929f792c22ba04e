// The unit's detailed plan (kế hoạch chi tiết) or the annual programmes its work is folded into:
// one record per unit and plan, kept by the unit, read by the focal department and the leaders.
// KH-00 follows from it (derivations.ts).
import type { DetailedPlanDto, SaveDetailedPlanRequest } from '../../../shared/contracts/activities.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { checkAttachment, fileStorage } from '../../lib/storage.js';
import type { Upload } from '../../lib/uploads.js';
import * as repo from './activities.repository.js';
import { requirePlanId } from './activities.service.js';
import { canKeepActivities, canReadAllActivities, canReadDetailedPlan } from './policy.js';

const NOT_FOUND = msg('Không tìm thấy kế hoạch chi tiết', 'Detailed plan not found');
const SIGNED_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export function toDetailedPlanDto(row: repo.DetailedPlanRow, unitName: string): DetailedPlanDto {
  return {
    id: row.id,
    unit: { id: row.orgUnitId, name: unitName },
    planId: row.planId,
    kind: row.kind as DetailedPlanDto['kind'],
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    title: row.title,
    file:
      row.fileKey && row.fileName
        ? {
            fileName: row.fileName,
            mimeType: row.fileMime ?? '',
            size: row.fileSize ?? 0,
            sha256: row.fileSha256 ?? '',
          }
        : null,
    programmes: row.programmes,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function dto(ctx: Ctx, row: repo.DetailedPlanRow) {
  const names = await repo.unitNames(ctx.db, [row.orgUnitId]);
  return toDetailedPlanDto(row, names.get(row.orgUnitId) ?? '');
}

/** The signed-in unit's record for the plan, or null. */
export async function myDetailedPlan(ctx: Ctx): Promise<{ detailedPlan: DetailedPlanDto | null }> {
  const actor = requireAbility(ctx, canKeepActivities);
  const planId = await requirePlanId(ctx.db);
  const row = await repo.getDetailedPlan(ctx.db, actor.orgUnitId!, planId);
  return { detailedPlan: row ? await dto(ctx, row) : null };
}

/** Every unit's record (focal department, leaders). */
export async function listDetailedPlans(ctx: Ctx): Promise<{ data: DetailedPlanDto[] }> {
  requireAbility(ctx, canReadAllActivities);
  const planId = await requirePlanId(ctx.db);
  const rows = await repo.listDetailedPlans(ctx.db, planId);
  return { data: rows.map((r) => toDetailedPlanDto(r.row, r.unitName)) };
}

const fieldsOf = (r: Partial<repo.DetailedPlanRow>) => ({
  kind: r.kind,
  documentNumber: r.documentNumber ?? null,
  documentDate: r.documentDate ?? null,
  title: r.title ?? null,
  programmes: r.programmes ?? [],
});

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    const from = before[k] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[k] = { from, to };
  }
  return changes;
}

const stale = () =>
  new AppError(
    'CONFLICT',
    msg(
      'Kế hoạch chi tiết đã được người khác sửa; vui lòng tải lại trang.',
      'Someone else changed the detailed plan; please reload.',
    ),
  );

/** Creates or replaces the unit's record (a stale version answers 409); audited. */
export async function saveDetailedPlan(ctx: Ctx, input: SaveDetailedPlanRequest) {
  const actor = requireAbility(ctx, canKeepActivities);
  const unitId = actor.orgUnitId!;
  const planId = await requirePlanId(ctx.db);
  const now = ctx.clock.now();
  // A record is one or the other: the document's fields or the programmes.
  const after =
    input.kind === 'document'
      ? {
          kind: input.kind,
          documentNumber: input.documentNumber,
          documentDate: input.documentDate,
          title: input.title,
          programmes: [],
        }
      : { kind: input.kind, documentNumber: null, documentDate: null, title: null, programmes: input.programmes };
  await ctx.db.transaction(async (tx) => {
    const existing = await repo.getDetailedPlan(tx, unitId, planId);
    let id: string;
    let changes: Record<string, { from: unknown; to: unknown }>;
    if (!existing) {
      const row = await repo.insertDetailedPlan(tx, {
        ...after,
        orgUnitId: unitId,
        planId,
        updatedBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) throw stale();
      id = row.id;
      changes = diff({}, after);
    } else {
      if (input.version !== undefined && input.version !== existing.version) throw stale();
      changes = diff(fieldsOf(existing), after);
      if (Object.keys(changes).length === 0) return;
      const row = await repo.updateDetailedPlan(tx, existing.id, existing.version, {
        ...after,
        updatedBy: actor.id,
        updatedAt: now,
      });
      if (!row) throw stale();
      id = row.id;
    }
    await writeAudit(tx, {
      actor,
      action: existing ? 'detailed_plan.update' : 'detailed_plan.create',
      entityType: 'detailed_plan',
      entityId: id,
      data: { changes },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return myDetailedPlan(ctx);
}

/** Attaches the signed detailed plan (PDF or DOCX, read from the content) to the unit's record. */
export async function uploadSignedFile(ctx: Ctx, file: Upload) {
  const actor = requireAbility(ctx, canKeepActivities);
  const planId = await requirePlanId(ctx.db);
  const existing = await repo.getDetailedPlan(ctx.db, actor.orgUnitId!, planId);
  if (!existing || existing.kind !== 'document')
    throw invalidField(
      'file',
      msg(
        'Tệp kế hoạch đã ký: lưu số, ngày và trích yếu của kế hoạch chi tiết trước khi tải tệp lên.',
        'Signed file: save the detailed plan’s number, date and title first.',
      ),
    );
  const { mime } = await checkAttachment(file.body, file.fileName);
  if (!SIGNED_TYPES.has(mime))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      msg(`Tệp "${file.fileName}" phải là PDF hoặc DOCX`, `File "${file.fileName}" must be a PDF or DOCX`),
      { status: 415, issues: [{ path: 'file', message: msg('Chỉ nhận PDF hoặc DOCX', 'PDF or DOCX only') }] },
    );
  const storage = fileStorage(ctx);
  const stored = await storage.put(file.body);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await repo.updateDetailedPlan(tx, existing.id, existing.version, {
        fileName: file.fileName,
        fileMime: mime,
        fileSize: stored.size,
        fileSha256: stored.sha256,
        fileKey: stored.key,
        updatedBy: actor.id,
        updatedAt: now,
      });
      if (!row) throw stale();
      await writeAudit(tx, {
        actor,
        action: 'detailed_plan.file',
        entityType: 'detailed_plan',
        entityId: existing.id,
        data: { changes: { file: { from: existing.fileName, to: file.fileName } }, sha256: stored.sha256 },
        requestId: ctx.requestId,
        at: now,
      });
    });
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
  if (existing.fileKey) await storage.remove(existing.fileKey);
  return myDetailedPlan(ctx);
}

/** The signed file, for the unit, the focal department and the leaders (another unit: 404). */
export async function downloadSignedFile(ctx: Ctx, id: string) {
  const actor = requireAbility(ctx, (a) => canKeepActivities(a) || canReadAllActivities(a));
  const row = await repo.getDetailedPlanById(ctx.db, id);
  if (!row || !canReadDetailedPlan(actor, row) || !row.fileKey) throw notFound(NOT_FOUND);
  const body = await fileStorage(ctx).get(row.fileKey);
  return {
    fileName: row.fileName ?? 'ke-hoach.pdf',
    mimeType: row.fileMime ?? 'application/pdf',
    sha256: row.fileSha256 ?? '',
    body,
  };
}
