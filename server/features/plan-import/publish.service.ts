import { foldText } from '../../../shared/text.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { createPlanVersionOne, listPlans, type NewPlanItem } from '../plan/index.js';
import type { ParsedItem, ParsedPlan } from './parse-types.js';
import * as repo from './plan-import.repository.js';
import { reportingSchedule } from './schedule.js';
import { IMPORT_NOT_FOUND, loadUnits, staleOrPublished } from './plan-import.service.js';
import { canImportPlan } from './policy.js';

function unpublishable(vi: string, en: string, path = 'draft'): AppError {
  return new AppError('CONFLICT', msg(vi, en), { status: 409, issues: [{ path, message: msg(vi, en) }] });
}

/** The plan's scope as its text states it ("Phạm vi thực hiện: …"), else its issuer's territory. */
function scopeOf(plan: ParsedPlan): string {
  const all = (items: ParsedItem[]): ParsedItem[] => items.flatMap((i) => [i, ...all(i.children)]);
  const line = all(plan.items).find((i) => /^Phạm vi[^:]*:/u.test(i.text ?? ''));
  if (line) return line.text!.replace(/^Phạm vi[^:]*:\s*/u, '');
  // "TỈNH VĨNH LONG" → "tỉnh Vĩnh Long": the level in lower case, the name as a name.
  const [level, ...name] = plan.header.issuer.toLocaleLowerCase('vi').split(/\s+/);
  const proper = name.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' ');
  return `Địa bàn ${[level, proper].filter(Boolean).join(' ')}`;
}

const STANDING = /co quan thuong truc|co quan dau moi|lam dau moi|la dau moi/;

/**
 * The standing agency the plan names ("Sở Nông nghiệp và Môi trường là cơ quan thường trực",
 * "… làm đầu mối"): the unit leading the first item that says so; null when none does, and the
 * agency's focal department then acts for the plan.
 */
export function standingAgency(plan: ParsedPlan): string | null {
  const all = (items: ParsedItem[]): ParsedItem[] => items.flatMap((i) => [i, ...all(i.children)]);
  for (const item of all(plan.items)) {
    if (!STANDING.test(foldText(`${item.title ?? ''} ${item.text ?? ''}`))) continue;
    const lead = item.duties.find((d) => d.role === 'lead' && d.ref !== null && 'code' in d.ref);
    if (lead?.ref && 'code' in lead.ref) return lead.ref.code;
  }
  return null;
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
 * unmapped, the header is incomplete, or a plan of the same number exists (a replacing plan has
 * its own number; the replacement is recorded on the plan afterwards). The plan's focal
 * department is the unit its text makes the standing agency (`standingAgency`). The draft keeps
 * the source text and file, linked to the plan.
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
      `Đã có kế hoạch số ${header.number}; kế hoạch thay thế là một văn bản mới với số hiệu riêng — công bố văn bản đó rồi ghi nhận việc thay thế trên trang kế hoạch`,
      `A plan numbered ${header.number} exists; a replacing plan is a new text with its own number — publish it, then record the replacement on the plan page`,
      'header.number',
    );
  }
  const issuer = issuerAt(units.byId.values(), header.date);
  const focalCode = standingAgency(plan);
  const schedule = reportingSchedule(plan, focalCode);
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
      focalUnitId: focalCode ? (units.byCode.get(focalCode)?.id ?? null) : null,
      reportingSchedule: schedule,
      items,
    });
    const saved = await repo.saveDraft(tx, id, version, { status: 'published', publishedPlanId: created.planId });
    if (!saved) throw staleOrPublished({ ...row, version: -1 }, version)!;
    await writeAudit(tx, {
      actor,
      action: 'plan_import.publish',
      entityType: 'plan_import',
      entityId: id,
      data: {
        planId: created.planId,
        number: header.number,
        sha256: row.sha256,
        focalUnit: focalCode,
        reportingSchedule: schedule,
      },
      requestId: ctx.requestId,
    });
    return { importId: id, planId: created.planId };
  });
}
