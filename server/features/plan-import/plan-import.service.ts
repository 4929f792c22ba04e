import { createHash } from 'node:crypto';
import type { PlanImportDto, UpdatePlanImportRequest } from '../../../shared/contracts/plan-import.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { fileStorage } from '../../lib/storage.js';
import { unitRegistry } from '../org-units/index.js';
import { applyOps } from './edits.js';
import { extractText } from './extract.js';
import type { ParsedPlan } from './parse-types.js';
import { parsePlanText } from './parser.js';
import * as repo from './plan-import.repository.js';
import { toPlanImportDto, type UnitsByCode } from './plan-import.view.js';
import { canEditImport, canImportPlan } from './policy.js';
import type { SourceKind } from './source-text.js';
import { buildLexicon, type RememberedMapping } from './unit-lexicon.js';

export const IMPORT_NOT_FOUND = msg('Không tìm thấy bản nhập kế hoạch', 'Plan import not found');

/** The unit register and the remembered mappings, as the parser and the DTO need them. */
export async function loadUnits(db: DbOrTx) {
  const { units, successions } = await unitRegistry(db);
  const aliases = await repo.listAliases(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode: UnitsByCode = new Map(units.map((u) => [u.code, { id: u.id, name: u.name }]));
  const remembered: RememberedMapping[] = aliases.flatMap((a): RememberedMapping[] => {
    if (a.unitGroup) return [{ written: a.written, ref: { group: a.unitGroup } }];
    const unit = a.orgUnitId ? byId.get(a.orgUnitId) : undefined;
    return unit ? [{ written: a.written, ref: { code: unit.code } }] : [];
  });
  return {
    byId,
    byCode,
    lexiconFor: (date: string) => buildLexicon(date, units, successions, remembered),
  };
}

const NOT_A_PLAN = msg(
  'Không nhận ra văn bản kế hoạch: không thấy số hiệu, ngày ban hành hay các mục I., II., 1., … — hãy kiểm tra tệp hoặc nội dung dán vào',
  'This does not read as a plan: no number, date or items (I., II., 1., …) were found — check the file or the pasted text',
);

/**
 * Reads a plan from an uploaded file or pasted text, parses it against the unit register as of
 * its date and stores the draft with the source's SHA-256 (and the file). A file that is not a
 * plan, a zip bomb, a scanned PDF or junk is refused before anything is stored.
 */
export async function createImport(
  ctx: Ctx,
  input: { file: { fileName: string; body: Buffer } } | { text: string },
): Promise<PlanImportDto> {
  const actor = requireAbility(ctx, canImportPlan);
  let text: string;
  let kind: SourceKind;
  let body: Buffer;
  if ('file' in input) {
    ({ text, kind } = await extractText(input.file.body));
    body = input.file.body;
  } else {
    text = input.text;
    kind = 'text';
    body = Buffer.from(text, 'utf8');
  }
  const units = await loadUnits(ctx.db);
  const plan = parsePlanText(text, { source: kind, lexiconFor: units.lexiconFor });
  if (plan.items.length === 0 || (!plan.header.number && !plan.header.date)) {
    throw new AppError('NOT_A_PLAN', NOT_A_PLAN, {
      status: 400,
      issues: [{ path: 'file' in input ? 'file' : 'text', message: NOT_A_PLAN }],
    });
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const stored = 'file' in input ? await fileStorage(ctx).put(body) : null;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const inserted = await repo.insertImport(tx, {
        sourceKind: kind,
        fileName: 'file' in input ? input.file.fileName : null,
        sha256,
        storageKey: stored?.key ?? null,
        sourceText: text,
        draft: plan,
        createdBy: actor.id,
      });
      await writeAudit(tx, {
        actor,
        action: 'plan_import.create',
        entityType: 'plan_import',
        entityId: inserted.id,
        data: { number: plan.header.number, sha256, coverage: plan.coverage, warnings: plan.warnings.length },
        requestId: ctx.requestId,
      });
      return inserted;
    });
    return toPlanImportDto(row, actor, units.byCode, ctx.lang);
  } catch (err) {
    if (stored) await fileStorage(ctx).remove(stored.key);
    throw err;
  }
}

async function loadOr404(ctx: Ctx, id: string) {
  const row = await repo.getImport(ctx.db, id);
  if (!row) throw notFound(IMPORT_NOT_FOUND);
  return row;
}

export async function getImport(ctx: Ctx, id: string): Promise<PlanImportDto> {
  const actor = requireAbility(ctx, canImportPlan);
  const row = await loadOr404(ctx, id);
  const units = await loadUnits(ctx.db);
  return toPlanImportDto(row, actor, units.byCode, ctx.lang);
}

/** Recent imports, newest first (the review screen's list). */
export async function listImports(ctx: Ctx): Promise<PlanImportDto[]> {
  const actor = requireAbility(ctx, canImportPlan);
  const units = await loadUnits(ctx.db);
  const rows = await repo.listImports(ctx.db, 50);
  return rows.map((r) => toPlanImportDto(r, actor, units.byCode, ctx.lang));
}

export function staleOrPublished(row: repo.PlanImportRow, version: number): AppError | null {
  if (row.status === 'published') {
    return new AppError(
      'CONFLICT',
      msg(
        'Kế hoạch này đã được công bố; bản nháp không sửa được nữa',
        'This plan is published; the draft can no longer change',
      ),
      { status: 409 },
    );
  }
  if (row.version !== version) {
    return new AppError(
      'CONFLICT',
      msg(
        'Bản nháp đã được người khác sửa; hãy tải lại trước khi sửa tiếp',
        'Someone changed the draft; reload it before editing',
      ),
      { status: 409, details: { version: row.version } },
    );
  }
  return null;
}

/** The officer's corrections, applied in order on the version read (stale → 409), remembered mappings saved. */
export async function updateImport(ctx: Ctx, id: string, input: UpdatePlanImportRequest): Promise<PlanImportDto> {
  const actor = requireAbility(ctx, canImportPlan);
  const row = await loadOr404(ctx, id);
  const refused = staleOrPublished(row, input.version);
  if (refused) throw refused;
  const units = await loadUnits(ctx.db);
  const { plan, remember } = applyOps(row.draft as ParsedPlan, input.ops, (unitId) => units.byId.get(unitId) ?? null);
  const saved = await ctx.db.transaction(async (tx) => {
    const updated = await repo.saveDraft(tx, id, input.version, { draft: plan });
    if (!updated) throw staleOrPublished({ ...row, version: -1 }, input.version)!;
    for (const m of remember) {
      await repo.upsertAlias(tx, {
        writtenFolded: foldText(m.written),
        written: m.written,
        orgUnitId: 'code' in m.ref ? (units.byCode.get(m.ref.code)?.id ?? null) : null,
        unitGroup: 'group' in m.ref ? m.ref.group : null,
        createdBy: actor.id,
      });
    }
    await writeAudit(tx, {
      actor,
      action: 'plan_import.update',
      entityType: 'plan_import',
      entityId: id,
      data: { ops: input.ops, remembered: remember.map((m) => m.written) },
      requestId: ctx.requestId,
    });
    return updated;
  });
  return toPlanImportDto(saved, actor, units.byCode, ctx.lang);
}

export { canEditImport };
