// Evidence files of registry records and of enterprises: PDF, DOCX, XLSX, JPEG, PNG up to 20 MB,
// the type read from the content; stored by the file storage (lib/storage.ts) like a report's
// attachments. Every signed-in role reads them; those who may edit the record add and remove them.
import type { EvidenceDto } from '../../../shared/contracts/registry-records.js';
import { forbidden, requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { msg, notFound } from '../../lib/errors.js';
import { checkAttachment, fileStorage, safeFileName } from '../../lib/storage.js';
import * as enterpriseRepo from './enterprises.repository.js';
import { canEditEnterprise, canEditRecord, canReadRegistries } from './policy.js';
import * as repo from './records.repository.js';

/** Whose evidence: a registry record or an enterprise. */
export type EvidenceOwner = { type: 'record'; id: string } | { type: 'enterprise'; id: string };

const OWNER_NOT_FOUND = msg('Không tìm thấy bản ghi', 'Record not found');
const FILE_NOT_FOUND = msg('Không tìm thấy tệp minh chứng', 'Evidence file not found');

export function toEvidenceDto(row: repo.EvidenceRow): EvidenceDto {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedByName || null,
  };
}

const entityOf = (owner: EvidenceOwner) => (owner.type === 'record' ? 'registry_record' : 'enterprise');
const ownerColumns = (owner: EvidenceOwner) =>
  owner.type === 'record' ? { recordId: owner.id } : { enterpriseId: owner.id };

/** Whether the actor may change the owner's evidence; 404 when the owner does not exist. */
async function mayEdit(ctx: Ctx, actor: Actor, owner: EvidenceOwner): Promise<boolean> {
  if (owner.type === 'record') {
    const found = await repo.getRecord(ctx.db, owner.id);
    if (!found) throw notFound(OWNER_NOT_FOUND);
    return canEditRecord(actor, found.row);
  }
  const row = await enterpriseRepo.getEnterprise(ctx.db, owner.id);
  if (!row) throw notFound(OWNER_NOT_FOUND);
  return canEditEnterprise(actor, row);
}

/** Before the body is read: 401/403/404 for a caller who may not add evidence to this owner. */
export async function checkEvidenceWriter(ctx: Ctx, owner: EvidenceOwner): Promise<void> {
  const actor = requireAbility(ctx, canReadRegistries);
  if (!(await mayEdit(ctx, actor, owner))) throw forbidden();
}

export async function addEvidence(
  ctx: Ctx,
  owner: EvidenceOwner,
  file: { fileName: string; body: Buffer },
): Promise<EvidenceDto> {
  const actor = requireAbility(ctx, canReadRegistries);
  if (!(await mayEdit(ctx, actor, owner))) throw forbidden();
  const fileName = safeFileName(file.fileName, { fallback: 'minh-chung', maxLength: 255 });
  const { mime } = await checkAttachment(file.body, fileName);
  const storage = fileStorage(ctx);
  const stored = await storage.put(file.body);
  try {
    const now = ctx.clock.now();
    const row = await ctx.db.transaction(async (tx) => {
      const saved = await repo.insertEvidence(tx, {
        ...ownerColumns(owner),
        fileName,
        mimeType: mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedAt: now,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
      });
      await writeAudit(tx, {
        actor,
        action: `${owner.type === 'record' ? 'registry' : 'enterprise'}.attachment.add`,
        entityType: entityOf(owner),
        entityId: owner.id,
        data: {
          attachmentId: saved.id,
          sha256: stored.sha256,
          size: stored.size,
          changes: { attachments: { from: null, to: fileName } },
        },
        requestId: ctx.requestId,
        at: now,
      });
      return saved;
    });
    return toEvidenceDto(row);
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}

async function ownedFile(ctx: Ctx, owner: EvidenceOwner, attachmentId: string) {
  const row = await repo.getEvidence(ctx.db, attachmentId);
  const belongs = row && (owner.type === 'record' ? row.recordId === owner.id : row.enterpriseId === owner.id);
  if (!row || !belongs) throw notFound(FILE_NOT_FOUND);
  return row;
}

export async function listEvidence(ctx: Ctx, owner: EvidenceOwner): Promise<{ data: EvidenceDto[] }> {
  requireAbility(ctx, canReadRegistries);
  return { data: (await repo.listEvidence(ctx.db, ownerColumns(owner))).map(toEvidenceDto) };
}

/** The file, for every signed-in role. */
export async function downloadEvidence(ctx: Ctx, owner: EvidenceOwner, attachmentId: string) {
  requireAbility(ctx, canReadRegistries);
  const row = await ownedFile(ctx, owner, attachmentId);
  const body = await fileStorage(ctx).get(row.storageKey);
  return { fileName: row.fileName, mimeType: row.mimeType, sha256: row.sha256, body };
}

export async function deleteEvidence(ctx: Ctx, owner: EvidenceOwner, attachmentId: string): Promise<void> {
  const actor = requireAbility(ctx, canReadRegistries);
  if (!(await mayEdit(ctx, actor, owner))) throw forbidden();
  const row = await ownedFile(ctx, owner, attachmentId);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteEvidence(tx, attachmentId);
    await writeAudit(tx, {
      actor,
      action: `${owner.type === 'record' ? 'registry' : 'enterprise'}.attachment.delete`,
      entityType: entityOf(owner),
      entityId: owner.id,
      data: { attachmentId, changes: { attachments: { from: row.fileName, to: null } } },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
  });
  await fileStorage(ctx).remove(row.storageKey);
}
