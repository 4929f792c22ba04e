// Publishing a year's progress on the portal: explicit, from the approved consolidated report of
// the cycle only, audited, and reversible. The portal reads nothing else of a cycle.
import type {
  PublicationStateDto,
  PublishRequest,
  WithdrawPublicationRequest,
} from '../../../shared/contracts/publishing.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { approvedConsolidation, type ApprovedConsolidation } from '../consolidation/index.js';
import { cycleById } from '../reporting/index.js';
import { canPublish, canReadPublication } from './policy.js';
import * as repo from './publishing.repository.js';

const cycleNotFound = () => notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));

const conflict = (vi: string, en: string, path = 'version') =>
  new AppError('CONFLICT', msg(vi, en), { status: 409, issues: [{ path, message: msg(vi, en) }] });

function prefillOf(approved: ApprovedConsolidation): NonNullable<PublicationStateDto['prefill']> {
  return {
    items: approved.items.map((i) => ({ itemKey: i.itemKey, heading: i.heading, text: i.paragraphs.join('\n\n') })),
    figures: approved.indicators,
  };
}

function toDto(
  ctx: Ctx,
  cycle: { id: string; year: number },
  approved: ApprovedConsolidation | null,
  row: repo.PublicationRow | undefined,
): PublicationStateDto {
  return {
    cycleId: cycle.id,
    year: cycle.year,
    approved: approved ? { version: approved.version, at: approved.approvedAt, by: approved.approvedByName } : null,
    prefill: approved ? prefillOf(approved) : null,
    publication: row
      ? {
          version: row.version,
          isPublished: row.isPublished,
          consolidationVersion: row.consolidationVersion,
          publishedAt: row.publishedAt.toISOString(),
          publishedBy: row.publishedByName,
          unpublishedAt: row.unpublishedAt?.toISOString() ?? null,
          unpublishedBy: row.unpublishedByName,
          items: row.items,
          figures: row.figures,
        }
      : null,
    abilities: {
      canPublish: canPublish(ctx.actor) && approved !== null,
      canWithdraw: canPublish(ctx.actor) && (row?.isPublished ?? false),
    },
  };
}

/** What is published of the cycle, and the approved report's text to publish from. */
export async function getPublicationState(ctx: Ctx, cycleId: string): Promise<PublicationStateDto> {
  requireAbility(ctx, canReadPublication);
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  const [approved, row] = await Promise.all([
    approvedConsolidation(ctx.db, cycleId),
    repo.getPublication(ctx.db, cycleId),
  ]);
  return toDto(ctx, cycle, approved, row);
}

/**
 * Publishes the year's text per plan item (as edited by the officer; empty texts are left out) and
 * the approved report's figures. 409 when the report is not approved, was changed since it was
 * read, or the publication changed meanwhile.
 */
export async function publish(ctx: Ctx, cycleId: string, input: PublishRequest): Promise<PublicationStateDto> {
  const actor = requireAbility(ctx, canPublish);
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  return ctx.db.transaction(async (tx) => {
    const approved = await approvedConsolidation(tx, cycleId);
    if (!approved) {
      throw conflict(
        'Báo cáo tổng hợp của kỳ này chưa được duyệt: chỉ công bố khi đã duyệt',
        'The consolidated report of this cycle is not approved: only an approved report can be published',
        'consolidationVersion',
      );
    }
    if (approved.version !== input.consolidationVersion) {
      throw conflict(
        `Báo cáo tổng hợp đã thay đổi (phiên bản ${approved.version}); hãy tải lại trước khi công bố`,
        `The consolidated report changed (version ${approved.version}); reload before publishing`,
        'consolidationVersion',
      );
    }
    const byKey = new Map(approved.items.map((i) => [i.itemKey, i]));
    const seen = new Set<string>();
    input.items.forEach((item, index) => {
      if (!byKey.has(item.itemKey)) {
        throw invalidField(
          `items.${index}.itemKey`,
          msg(
            `mục kế hoạch "${item.itemKey}" không có trong báo cáo đã duyệt`,
            `no item "${item.itemKey}" in the approved report`,
          ),
        );
      }
      if (seen.has(item.itemKey)) {
        throw invalidField(
          `items.${index}.itemKey`,
          msg(`mục "${item.itemKey}" lặp lại`, `item "${item.itemKey}" repeated`),
        );
      }
      seen.add(item.itemKey);
    });
    const existing = await repo.getPublication(tx, cycleId, { forUpdate: true });
    if ((existing?.version ?? 0) !== input.version) {
      throw conflict(
        `Nội dung công bố đã được ${existing?.publishedByName ?? 'người khác'} thay đổi; hãy tải lại`,
        `The publication was changed by ${existing?.publishedByName ?? 'someone else'}; reload it`,
      );
    }
    const texts = new Map(input.items.map((i) => [i.itemKey, i.text]));
    // Document order, as the approved report has the items.
    const items = approved.items
      .map((i) => ({ itemKey: i.itemKey, heading: i.heading, text: texts.get(i.itemKey) ?? '' }))
      .filter((i) => i.text !== '');
    const now = ctx.clock.now();
    const version = (existing?.version ?? 0) + 1;
    const row = await repo.savePublication(tx, existing, {
      cycleId,
      planId: approved.planId,
      year: approved.year,
      consolidationVersion: approved.version,
      items,
      figures: approved.indicators,
      isPublished: true,
      version,
      publishedAt: now,
      publishedBy: actor.id,
      publishedByName: actor.name,
      unpublishedAt: null,
      unpublishedByName: null,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'portal.publish',
      entityType: 'published_progress',
      entityId: row.id,
      data: { cycleId, year: approved.year, version, consolidationVersion: approved.version, items: items.length },
      requestId: ctx.requestId,
      at: now,
    });
    return toDto(ctx, cycle, approved, row);
  });
}

/** Takes the year off the portal (the row stays, marked withdrawn, and can be published again). */
export async function withdraw(
  ctx: Ctx,
  cycleId: string,
  input: WithdrawPublicationRequest,
): Promise<PublicationStateDto> {
  const actor = requireAbility(ctx, canPublish);
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  return ctx.db.transaction(async (tx) => {
    const existing = await repo.getPublication(tx, cycleId, { forUpdate: true });
    if (!existing || !existing.isPublished) {
      throw conflict('Năm này chưa được công bố trên cổng thông tin', 'This year is not published on the portal');
    }
    if (existing.version !== input.version) {
      throw conflict('Nội dung công bố đã thay đổi; hãy tải lại', 'The publication changed; reload it');
    }
    const now = ctx.clock.now();
    const version = existing.version + 1;
    const { id: _id, ...values } = existing;
    const row = await repo.savePublication(tx, existing, {
      ...values,
      isPublished: false,
      version,
      unpublishedAt: now,
      unpublishedByName: actor.name,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'portal.unpublish',
      entityType: 'published_progress',
      entityId: row.id,
      data: { cycleId, year: existing.year, version },
      requestId: ctx.requestId,
      at: now,
    });
    return toDto(ctx, cycle, await approvedConsolidation(tx, cycleId), row);
  });
}
