import { eq, sql } from 'drizzle-orm';
import type {
  AgencySettingsBody,
  AgencySettingsDto,
  UnitSignerBody,
  UnitSignerDto,
} from '../../../shared/contracts/settings.js';
import { orgUnits, settings, type AgencySettings } from '../../db/schema/index.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { getAgencySettings } from './agency.js';
import { canManageAgencySettings, canSetUnitSigner } from './policy.js';

function editable(value: AgencySettings): AgencySettingsBody {
  return {
    province: value.province,
    issuingBody: value.issuingBody,
    focalDepartment: value.focalDepartment,
    consolidatedReport: value.consolidatedReport,
    unitReport: { copyTo: value.unitReport.copyTo },
  };
}

async function updatedAtOf(ctx: Ctx): Promise<Date> {
  const [row] = await ctx.db.select({ at: settings.updatedAt }).from(settings).where(eq(settings.key, 'agency'));
  return row.at;
}

/** The agency's settings as the settings page shows them, with the time of the last change. */
export async function readAgencySettings(ctx: Ctx): Promise<AgencySettingsDto> {
  requireAbility(ctx, canManageAgencySettings);
  return { settings: editable(await getAgencySettings(ctx.db)), updatedAt: (await updatedAtOf(ctx)).toISOString() };
}

/** Fields whose value changed, before → after, for the audit line. */
function changes(before: object, after: object, prefix = ''): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const x = a[key];
    const y = b[key];
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      Object.assign(out, changes(x, y, path));
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out[path] = { from: x ?? null, to: y ?? null };
  }
  return out;
}

/**
 * Saves the agency's settings read at `updatedAt`; a change saved by someone else since answers
 * 409. The unit signers and department abbreviations, which this page does not edit, are kept.
 */
export async function updateAgencySettings(
  ctx: Ctx,
  body: { settings: AgencySettingsBody; updatedAt: string },
): Promise<AgencySettingsDto> {
  const actor = requireAbility(ctx, canManageAgencySettings);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ value: settings.value, at: settings.updatedAt })
      .from(settings)
      .where(eq(settings.key, 'agency'))
      .for('update');
    if (row.at.getTime() !== new Date(body.updatedAt).getTime()) {
      throw new AppError(
        'CONFLICT',
        msg(
          'Cài đặt vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.',
          'Someone else changed the settings. Reload the page to see them, then edit again.',
        ),
        { status: 409 },
      );
    }
    const current = await getAgencySettings(tx);
    const next: AgencySettings = {
      ...current,
      ...body.settings,
      unitReport: { ...current.unitReport, copyTo: body.settings.unitReport.copyTo },
    };
    const diff = changes(editable(current), body.settings);
    const now = ctx.clock.now();
    if (Object.keys(diff).length === 0) return { settings: editable(current), updatedAt: row.at.toISOString() };
    // The database's time, as the generated files' `created_at` it is compared with.
    const [saved] = await tx
      .update(settings)
      .set({ value: next, updatedAt: sql`now()` })
      .where(eq(settings.key, 'agency'))
      .returning({ at: settings.updatedAt });
    await writeAudit(tx, {
      actor,
      action: 'settings.agency.update',
      entityType: 'setting',
      entityId: null,
      data: { key: 'agency', changes: diff },
      requestId: ctx.requestId,
      at: now,
    });
    return { settings: editable(next), updatedAt: saved.at.toISOString() };
  });
}

async function ownUnit(ctx: Ctx) {
  const actor = requireAbility(ctx, canSetUnitSigner);
  const [unit] = await ctx.db
    .select({ code: orgUnits.code, fullName: orgUnits.fullName })
    .from(orgUnits)
    .where(eq(orgUnits.id, actor.orgUnitId!));
  if (!unit) throw notFound();
  return { actor, unit };
}

/** Who signs the signed-in officer's unit's report file. */
export async function readUnitSigner(ctx: Ctx): Promise<UnitSignerDto> {
  const { unit } = await ownUnit(ctx);
  const signer = (await getAgencySettings(ctx.db)).unitReport.signers[unit.code];
  return { unitCode: unit.code, unitName: unit.fullName, name: signer?.name ?? '', authority: signer?.authority ?? [] };
}

/** Sets who signs the officer's unit's report file; the next file made of a draft carries it. */
export async function updateUnitSigner(ctx: Ctx, body: UnitSignerBody): Promise<UnitSignerDto> {
  const { actor, unit } = await ownUnit(ctx);
  const value = { name: body.name, ...(body.authority.length ? { authority: body.authority } : {}) };
  await ctx.db.transaction(async (tx) => {
    const current = await getAgencySettings(tx);
    const before = current.unitReport.signers[unit.code] ?? null;
    if (JSON.stringify(before) === JSON.stringify(value)) return;
    const now = ctx.clock.now();
    // One statement on the one key, so two units saving at once never lose each other's signer.
    await tx
      .update(settings)
      .set({
        value: sql`jsonb_set(${settings.value}, array['unitReport', 'signers', ${unit.code}]::text[], ${JSON.stringify(value)}::jsonb, true)`,
        updatedAt: sql`now()`,
      })
      .where(eq(settings.key, 'agency'));
    await writeAudit(tx, {
      actor,
      action: 'settings.unit_signer.update',
      entityType: 'org_unit',
      entityId: actor.orgUnitId,
      data: { unitCode: unit.code, changes: { signer: { from: before, to: value } } },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return readUnitSigner(ctx);
}

/** When the agency's settings last changed (a draft's file made before then is made again). */
export async function agencySettingsChangedAt(db: Ctx['db']): Promise<Date> {
  const [row] = await db.select({ at: settings.updatedAt }).from(settings).where(eq(settings.key, 'agency'));
  return row?.at ?? new Date(0);
}
