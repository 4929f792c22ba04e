import type {
  CreateGuidanceDocumentRequest,
  GuidanceDocumentDto,
  GuidanceDocumentRefDto,
  UpdateGuidanceDocumentRequest,
} from '../../../shared/contracts/amendments.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { currentItemsById, itemRefs } from '../plan/index.js';
import * as repo from './guidance.repository.js';
import { canEditGuidance, canReadGuidance } from './policy.js';

const GUIDANCE_NOT_FOUND = msg('Không tìm thấy văn bản hướng dẫn', 'Guidance document not found');

function toGuidanceRef(r: repo.GuidanceRow): GuidanceDocumentRefDto {
  return { id: r.id, number: r.number, date: r.date, issuer: r.issuer, title: r.title };
}

/** References to guidance documents by id, oldest document first; unknown ids are left out. */
export async function guidanceRefs(db: DbOrTx, ids: string[]): Promise<GuidanceDocumentRefDto[]> {
  const rows = await repo.guidanceByIds(db, ids);
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map(toGuidanceRef);
}

async function toDtos(db: DbOrTx, rows: repo.GuidanceRow[], at: Date): Promise<GuidanceDocumentDto[]> {
  const keys = await repo.itemKeysOf(
    db,
    rows.map((r) => r.id),
  );
  const ref = await itemRefs(
    db,
    rows.flatMap((r) => (keys.get(r.id) ?? []).map((key) => ({ planId: r.planId, key }))),
    at,
  );
  const replacements = await repo.guidanceByIds(
    db,
    rows.map((r) => r.replacedById).filter((x): x is string => Boolean(x)),
  );
  return rows.map((r) => {
    const replacedBy = replacements.find((x) => x.id === r.replacedById);
    return {
      id: r.id,
      number: r.number,
      date: r.date,
      issuer: r.issuer,
      title: r.title,
      summary: r.summary,
      status: r.status,
      replacedBy: replacedBy ? toGuidanceRef(replacedBy) : null,
      planId: r.planId,
      planItems: (keys.get(r.id) ?? []).map((k) => ref(r.planId, k) ?? { key: k, label: null, title: null }),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** Item ids of a plan's current version → the plan and the stable keys; an unknown id names its field. */
async function resolveItems(db: DbOrTx, ids: string[], at: Date): Promise<{ planId: string | null; keys: string[] }> {
  const found = await currentItemsById(db, ids, at);
  let planId: string | null = null;
  for (const [i, id] of ids.entries()) {
    const hit = found.get(id);
    if (!hit) {
      throw invalidField(
        `planItemIds.${i}`,
        msg('Mục kế hoạch không tồn tại trong phiên bản hiện hành', 'No such item in the current plan version'),
      );
    }
    if (planId && hit.planId !== planId) {
      throw invalidField(
        `planItemIds.${i}`,
        msg('Các mục phải thuộc cùng một kế hoạch', 'Items must belong to one plan'),
      );
    }
    planId = hit.planId;
  }
  return { planId, keys: ids.map((id) => found.get(id)!.item.key) };
}

async function checkReplacement(
  db: DbOrTx,
  id: string | null,
  status: string,
  replacedById: string | null | undefined,
) {
  if (status === 'replaced' && !replacedById) {
    throw invalidField('replacedById', msg('Cần chọn văn bản thay thế', 'The replacing document is required'));
  }
  if (replacedById) {
    if (replacedById === id)
      throw invalidField(
        'replacedById',
        msg('Văn bản không thể thay thế chính nó', 'A document cannot replace itself'),
      );
    if (!(await repo.getGuidance(db, replacedById)))
      throw invalidField('replacedById', msg('Văn bản thay thế không tồn tại', 'Unknown replacing document'));
  }
}

/** The guidance registry, readable by any signed-in account. */
export async function listGuidance(
  ctx: Ctx,
  query: { status?: string; planItemKey?: string; planId?: string; q?: string },
) {
  requireAbility(ctx, canReadGuidance);
  return { data: await toDtos(ctx.db, await repo.listGuidance(ctx.db, query), ctx.clock.now()) };
}

/**
 * The registry for the public portal: every registered document is an issued official text
 * (number, date, issuer), with its status; no account and no personal data.
 */
export async function listPublicGuidance(ctx: Ctx): Promise<GuidanceDocumentDto[]> {
  return toDtos(ctx.db, await repo.listGuidance(ctx.db, {}), ctx.clock.now());
}

export async function getGuidance(ctx: Ctx, id: string): Promise<GuidanceDocumentDto> {
  requireAbility(ctx, canReadGuidance);
  const row = await repo.getGuidance(ctx.db, id);
  if (!row) throw notFound(GUIDANCE_NOT_FOUND);
  return (await toDtos(ctx.db, [row], ctx.clock.now()))[0];
}

/** Registers a guidance document (focal department). */
export async function createGuidance(ctx: Ctx, input: CreateGuidanceDocumentRequest): Promise<GuidanceDocumentDto> {
  const actor = requireAbility(ctx, canEditGuidance);
  const status = input.status ?? 'in_force';
  await checkReplacement(ctx.db, null, status, input.replacedById);
  const { planId, keys } = await resolveItems(ctx.db, input.planItemIds ?? [], ctx.clock.now());
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertGuidance(tx, {
      number: input.number,
      date: input.date,
      issuer: input.issuer,
      title: input.title,
      summary: input.summary || null,
      status,
      replacedById: input.replacedById ?? null,
      planId,
      createdById: actor.id,
      searchText: foldText(`${input.number} ${input.issuer} ${input.title}`),
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceItemKeys(tx, created.id, keys);
    await writeAudit(tx, {
      actor,
      action: 'guidance.create',
      entityType: 'guidance_document',
      entityId: created.id,
      requestId: ctx.requestId,
      at: now,
      data: { ...input, planItemKeys: keys },
    });
    return created;
  });
  return (await toDtos(ctx.db, [row], ctx.clock.now()))[0];
}

/** Changes a guidance document: its status ("replaced by …"), its links to plan items, its fields. */
export async function updateGuidance(
  ctx: Ctx,
  id: string,
  input: UpdateGuidanceDocumentRequest,
): Promise<GuidanceDocumentDto> {
  const actor = requireAbility(ctx, canEditGuidance);
  const row = await repo.getGuidance(ctx.db, id);
  if (!row) throw notFound(GUIDANCE_NOT_FOUND);
  const status = input.status ?? row.status;
  const replacedById =
    input.replacedById !== undefined ? input.replacedById : status === 'in_force' ? null : row.replacedById;
  await checkReplacement(ctx.db, id, status, replacedById);
  const items = input.planItemIds ? await resolveItems(ctx.db, input.planItemIds, ctx.clock.now()) : null;
  const next = {
    number: input.number ?? row.number,
    date: input.date ?? row.date,
    issuer: input.issuer ?? row.issuer,
    title: input.title ?? row.title,
    summary: input.summary !== undefined ? input.summary || null : row.summary,
    status,
    replacedById: status === 'in_force' ? null : replacedById,
    planId: items ? (items.planId ?? row.planId) : row.planId,
  };
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateGuidance(tx, id, {
      ...next,
      searchText: foldText(`${next.number} ${next.issuer} ${next.title}`),
      updatedAt: now,
    });
    if (items) await repo.replaceItemKeys(tx, id, items.keys);
    await writeAudit(tx, {
      actor,
      action: 'guidance.update',
      entityType: 'guidance_document',
      entityId: id,
      requestId: ctx.requestId,
      at: now,
      data: { ...input, planItemKeys: items?.keys },
    });
  });
  return getGuidance(ctx, id);
}
