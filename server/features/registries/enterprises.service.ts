import type {
  CreateEnterpriseRequest,
  CreateObservationRequest,
  EnterpriseDto,
  EnterpriseListResponse,
  ListEnterprisesQuery,
  LookupEnterpriseResponse,
  UpdateEnterpriseRequest,
} from '../../../shared/contracts/registries.js';
import { vietnamDate } from '../../../shared/format.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { forbidden, requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { currentItemsById } from '../plan/index.js';
import * as repo from './enterprises.repository.js';
import { toEvidenceDto } from './evidence.service.js';
import { listEvidence as listEvidenceRows } from './records.repository.js';
import { changedFields, historyUnitIds, toEnterpriseDto, toSummary } from './enterprises.view.js';
import { canAddToRegistries, canEditEnterprise, canReadRegistries } from './policy.js';

const NOT_FOUND = msg('Không tìm thấy doanh nghiệp', 'Enterprise not found');

/** Industrial-scale years, deduplicated and in order. */
export function normaliseYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The search text of a record: its name and tax code, folded. */
export function searchTextOf(name: string, taxCode: string): string {
  return foldText(`${name} ${taxCode}`);
}

/** 400 unless the xã/phường exists and is valid on the record's date. */
export async function checkCommune(db: DbOrTx, communeId: string | null | undefined, date: string): Promise<void> {
  if (!communeId) return;
  if (await repo.communeOn(db, communeId, date)) return;
  throw invalidField(
    'communeId',
    msg(
      `Xã/phường: không có xã, phường này trong danh mục đơn vị hành chính còn hiệu lực ngày ${date.split('-').reverse().join('/')}.`,
      `Commune/ward: no such commune or ward valid on ${date}.`,
    ),
  );
}

/** 400 unless every plan item is an item of a plan's current version. */
export async function checkPlanItems(db: DbOrTx, ids: readonly string[] | undefined, at: Date): Promise<void> {
  if (!ids?.length) return;
  const found = await currentItemsById(db, [...ids], at);
  if (ids.every((id) => found.has(id))) return;
  throw invalidField(
    'planItemIds',
    msg('Mục kế hoạch: không có mục này trong kế hoạch hiện hành.', 'Plan items: no such item in the current plan.'),
  );
}

/** The province-wide list: search without diacritics, filters, sorting, paging. */
export async function listEnterprises(ctx: Ctx, q: ListEnterprisesQuery): Promise<EnterpriseListResponse> {
  requireAbility(ctx, canReadRegistries);
  const { rows, total } = await repo.listEnterprises(ctx.db, q);
  const names = await repo.unitNames(
    ctx.db,
    rows.flatMap((r) => [r.row.communeId, r.row.reportingUnitId]),
  );
  return {
    data: rows.map((r) => toSummary(r.row, names, r.observationCount)),
    page: { page: q.page, pageSize: q.pageSize, total },
  };
}

/** The record with its observations and its history from the audit log. */
export async function loadEnterprise(ctx: Pick<Ctx, 'db' | 'clock'>, actor: Actor, id: string): Promise<EnterpriseDto> {
  const row = await repo.getEnterprise(ctx.db, id);
  if (!row) throw notFound(NOT_FOUND);
  const [observations, history, evidence] = await Promise.all([
    repo.listObservations(ctx.db, id),
    repo.listHistory(ctx.db, id),
    listEvidenceRows(ctx.db, { enterpriseId: id }),
  ]);
  const names = await repo.unitNames(ctx.db, [row.communeId, row.reportingUnitId, ...historyUnitIds(history)]);
  // Items of an older plan version (before an amendment) are left out of the labels.
  const items = await currentItemsById(ctx.db, row.planItemIds, ctx.clock.now());
  const planItems = row.planItemIds.flatMap((itemId) => {
    const found = items.get(itemId);
    return found
      ? [{ id: itemId, key: found.item.key, label: found.item.label, title: found.item.title ?? found.item.text }]
      : [];
  });
  return {
    ...toEnterpriseDto(actor, row, names, observations, history, planItems),
    attachments: evidence.map(toEvidenceDto),
  };
}

export async function getEnterprise(ctx: Ctx, id: string): Promise<EnterpriseDto> {
  const actor = requireAbility(ctx, canReadRegistries);
  return loadEnterprise(ctx, actor, id);
}

/** The firm with this tax code, if the registry has it: the form sends the officer there. */
export async function lookupEnterprise(ctx: Ctx, taxCode: string): Promise<LookupEnterpriseResponse> {
  requireAbility(ctx, canReadRegistries);
  const row = await repo.getByTaxCode(ctx.db, taxCode);
  return { enterprise: row ? { id: row.id, name: row.name, taxCode: row.taxCode } : null };
}

/**
 * Creates the record for the actor's unit. A tax code already in the registry creates nothing:
 * the answer is the existing record (`created: false`), which the client opens so the unit adds
 * its observation. The unique index on the tax code decides between two concurrent creations.
 */
export async function createEnterprise(
  ctx: Ctx,
  input: CreateEnterpriseRequest,
): Promise<{ created: boolean; enterprise: EnterpriseDto }> {
  const actor = requireAbility(ctx, canAddToRegistries);
  const now = ctx.clock.now();
  const recordDate = vietnamDate(now);
  await checkCommune(ctx.db, input.communeId, recordDate);
  await checkPlanItems(ctx.db, input.planItemIds, ctx.clock.now());
  const industrialYears = normaliseYears(input.industrialYears);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertIfNew(tx, {
      taxCode: input.taxCode,
      name: input.name,
      searchText: searchTextOf(input.name, input.taxCode),
      communeId: input.communeId,
      sector: input.sector,
      industrialYears,
      products: input.products,
      planItemIds: input.planItemIds,
      recordDate,
      reportingUnitId: actor.orgUnitId,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) return null;
    const changes = changedFields({}, { ...input, industrialYears });
    await writeAudit(tx, {
      actor,
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: row.id,
      data: { changes },
      requestId: ctx.requestId,
      at: now,
    });
    return row.id;
  });
  if (id) return { created: true, enterprise: await loadEnterprise(ctx, actor, id) };
  const existing = await repo.getByTaxCode(ctx.db, input.taxCode);
  if (!existing) throw new AppError('CONFLICT', msg('Vui lòng thử lại', 'Please try again'));
  return { created: false, enterprise: await loadEnterprise(ctx, actor, existing.id) };
}

/** Changes the record's fields: its own unit or the focal department; audited field by field. */
export async function updateEnterprise(ctx: Ctx, id: string, input: UpdateEnterpriseRequest): Promise<EnterpriseDto> {
  const actor = requireAbility(ctx, canReadRegistries);
  const row = await repo.getEnterprise(ctx.db, id);
  if (!row) throw notFound(NOT_FOUND);
  if (!canEditEnterprise(actor, row)) throw forbidden();
  const { version, ...fields } = input;
  if (fields.communeId !== undefined && fields.communeId !== row.communeId)
    await checkCommune(ctx.db, fields.communeId, row.recordDate);
  await checkPlanItems(ctx.db, fields.planItemIds, ctx.clock.now());
  const after = {
    ...fields,
    industrialYears: fields.industrialYears ? normaliseYears(fields.industrialYears) : undefined,
  };
  const changes = changedFields(row, after);
  if (Object.keys(changes).length === 0) return loadEnterprise(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const name = after.name ?? row.name;
    const updated = await repo.updateEnterprise(tx, id, version, {
      ...after,
      searchText: searchTextOf(name, row.taxCode),
      updatedAt: now,
    });
    if (!updated)
      throw new AppError(
        'CONFLICT',
        msg(
          'Hồ sơ doanh nghiệp đã được người khác sửa; vui lòng tải lại trang.',
          'Someone else changed this record; please reload.',
        ),
      );
    await writeAudit(tx, {
      actor,
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      data: { changes },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return loadEnterprise(ctx, actor, id);
}

/** A unit's observation of the firm (any record, whichever unit created it). */
export async function addObservation(ctx: Ctx, id: string, input: CreateObservationRequest): Promise<EnterpriseDto> {
  const actor = requireAbility(ctx, canAddToRegistries);
  const row = await repo.getEnterprise(ctx.db, id);
  if (!row) throw notFound(NOT_FOUND);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const obs = await repo.insertObservation(tx, {
      enterpriseId: id,
      orgUnitId: actor.orgUnitId,
      year: input.year,
      note: input.note,
      createdBy: actor.id,
      createdAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'enterprise.observe',
      entityType: 'enterprise',
      entityId: id,
      data: {
        observationId: obs.id,
        changes: { observation: { from: null, to: { year: input.year, note: input.note } } },
      },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return loadEnterprise(ctx, actor, id);
}

/**
 * DN-01: the enterprises producing bio-preparations for waste treatment at industrial scale in
 * `year`, each counted once by tax code, whichever units reported or observed it.
 */
export async function countIndustrialEnterprises(ctx: Ctx, year: number): Promise<{ year: number; count: number }> {
  requireAbility(ctx, canReadRegistries);
  return { year, count: await repo.countIndustrial(ctx.db, year) };
}
