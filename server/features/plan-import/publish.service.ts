import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { createPlanVersionOne, listPlans, type NewPlanItem } from '../plan/index.js';
import type { ParsedItem, ParsedPlan } from './parse-types.js';
import * as repo from './plan-import.repository.js';
import { IMPORT_NOT_FOUND, loadUnits, staleOrPublished } from './plan-import.service.js';
import { canImportPlan } from './policy.js';

function unpublishable(vi: string, en: string, path = 'draft'): AppError {
  return new AppError('CONFLICT', msg(vi, en), { status: 409, issues: [{ path, message: msg(vi, en) }] });
}

/** The plan's scope as its text states it ("Phạm vi thực hiện: …"), else its issuer's territory. */
function scopeOf(plan: ParsedPlan): string {
  const all = (items: ParsedItem[]): ParsedItem[] => items.flatMap((i) => [i, ...all(i.children)]);
  const line = all(plan.items).find((i) => /^Phạm vi[^:]*:/u.test(i.text ?? ''));
  return line ? line.text!.replace(/^Phạm vi[^:]*:\s*/u, '') : `Địa bàn ${plan.header.issuer.toLocaleLowerCase('vi')}`;
}

/** The plan's items as the plan module stores them, and the names still unmapped. */
export function toNewPlanItems(
  list: ParsedItem[],
  byCode: Map<string, { id: string }>,
): { items: NewPlanItem[]; unmapped: Set<string> } {
  const unmapped = new Set<string>();
  const convert = (items: ParsedItem[]): NewPlanItem[] =>
    items.map((i) => ({
      key: i.key,
      kind: i.kind,
      label: i.label,
      title: i.title ?? null,
      text: [i.text, i.product ? `Sản phẩm: ${i.product}` : null].filter(Boolean).join('\n') || null,
      assignments: i.duties.flatMap((d): NewPlanItem['assignments'] => {
        if (d.ref === null) {
          unmapped.add(d.written);
          return [];
        }
        if ('group' in d.ref) return [{ orgUnitId: null, unitGroup: d.ref.group, role: d.role }];
        return [{ orgUnitId: byCode.get(d.ref.code)?.id ?? null, unitGroup: null, role: d.role }];
      }),
      children: convert(i.children),
    }));
  return { items: convert(list), unmapped };
}

/** The province's people's committee in office on the plan's date: the issuer. */
export function issuerAt<U extends { kind: string; validFrom: string | null; validTo: string | null }>(
  units: Iterable<U>,
  date: string,
): U | undefined {
  return [...units].find(
    (u) => u.kind === 'committee' && (!u.validFrom || u.validFrom <= date) && (!u.validTo || u.validTo >= date),
  );
}

/**
 * Publishes a reviewed draft as a new plan, version 1: its header, legal bases, preamble,
 * closing, recipients, signature, and every item with its duties. Refused (409) while a name is
 * unmapped, the header is incomplete, or a plan of the same number exists (replacing a plan
 * is not supported yet). The draft keeps the source text and file, linked to the plan.
 */
export async function publishImport(
  ctx: Ctx,
  id: string,
  version: number,
): Promise<{ importId: string; planId: string }> {
  const actor = requireAbility(ctx, canImportPlan);
  const row = await repo.getImport(ctx.db, id);
  if (!row) throw notFound(IMPORT_NOT_FOUND);
  const refused = staleOrPublished(row, version);
  if (refused) throw refused;
  const plan = row.draft as ParsedPlan;
  const { header } = plan;
  if (!header.number || !header.date || !header.title) {
    throw unpublishable(
      'Thiếu số hiệu, ngày ban hành hoặc trích yếu của kế hoạch',
      'The plan lacks its number, date or title',
      'header',
    );
  }
  const units = await loadUnits(ctx.db);
  const { items, unmapped } = toNewPlanItems(plan.items, units.byCode);
  if (unmapped.size > 0) {
    throw unpublishable(
      `Còn ${unmapped.size} tên đơn vị chưa xác định: ${[...unmapped].join('; ')} — hãy chọn đơn vị tương ứng trước khi công bố`,
      `${unmapped.size} unit name(s) not mapped yet: ${[...unmapped].join('; ')}`,
      'unresolved',
    );
  }
  if ((await listPlans(ctx.db)).some((p) => p.number === header.number)) {
    throw unpublishable(
      `Đã có kế hoạch số ${header.number}; chưa hỗ trợ thay thế kế hoạch bằng bản nhập mới`,
      `A plan numbered ${header.number} exists; replacing a plan is not supported yet`,
      'header.number',
    );
  }
  const issuer = issuerAt(units.byId.values(), header.date);
  return ctx.db.transaction(async (tx) => {
    const created = await createPlanVersionOne(tx, {
      number: header.number,
      date: header.date,
      title: header.title,
      issuerUnitId: issuer?.id ?? null,
      issuer: header.issuer,
      issuerParent: header.issuerParent,
      place: header.place,
      scope: scopeOf(plan),
      legalBases: plan.legalBases,
      preamble: plan.preamble,
      closing: plan.closing,
      recipients: plan.recipients,
      signerAuthority: plan.signerAuthority,
      signerName: plan.signerName,
      items,
    });
    const saved = await repo.saveDraft(tx, id, version, { status: 'published', publishedPlanId: created.planId });
    if (!saved) throw staleOrPublished({ ...row, version: -1 }, version)!;
    await writeAudit(tx, {
      actor,
      action: 'plan_import.publish',
      entityType: 'plan_import',
      entityId: id,
      data: { planId: created.planId, number: header.number, sha256: row.sha256 },
      requestId: ctx.requestId,
    });
    return { importId: id, planId: created.planId };
  });
}
