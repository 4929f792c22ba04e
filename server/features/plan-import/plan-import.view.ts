import type { ImportUnitDto, PlanImportDto } from '../../../shared/contracts/plan-import.js';
import type { UnitGroup } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import type { Actor } from '../../lib/context.js';
import type { ParsedItem, ParsedPlan, UnitRef } from './parse-types.js';
import type { PlanImportRow } from './plan-import.repository.js';
import { canEditImport } from './policy.js';

const GROUP_NAMES: Record<UnitGroup, { vi: string; en: string }> = {
  departments_and_localities: { vi: 'Các sở, ngành, địa phương', en: 'All departments, sectors and localities' },
  other_departments: { vi: 'Các sở, ngành khác có liên quan', en: 'Other departments concerned' },
  localities: { vi: 'UBND các xã, phường', en: 'Commune and ward committees' },
  enterprises_and_organisations: {
    vi: 'Doanh nghiệp, tổ chức, cá nhân',
    en: 'Enterprises, organisations, individuals',
  },
};

export type UnitsByCode = Map<string, { id: string; name: string }>;

function unitDto(ref: UnitRef | null, units: UnitsByCode, lang: 'vi' | 'en'): ImportUnitDto | null {
  if (!ref) return null;
  if ('group' in ref) return { orgUnitId: null, code: null, name: GROUP_NAMES[ref.group][lang], group: ref.group };
  const unit = units.get(ref.code);
  return { orgUnitId: unit?.id ?? null, code: ref.code, name: unit?.name ?? ref.code, group: null };
}

function flatItems(items: ParsedItem[], parentKey: string | null): Array<ParsedItem & { parentKey: string | null }> {
  return items.flatMap((i) => [{ ...i, parentKey }, ...flatItems(i.children, i.key)]);
}

/** The draft as the client reads it: items flat in document order, units named, warnings in the asked language. */
export function toPlanImportDto(
  row: PlanImportRow,
  actor: Actor,
  units: UnitsByCode,
  lang: 'vi' | 'en',
): PlanImportDto {
  const plan = row.draft as ParsedPlan;
  const items = flatItems(plan.items, null);
  const unresolved = new Map<string, { written: string; count: number }>();
  for (const item of items) {
    for (const d of item.duties) {
      if (d.ref !== null) continue;
      const key = foldText(d.written);
      const entry = unresolved.get(key) ?? { written: d.written, count: 0 };
      entry.count += 1;
      unresolved.set(key, entry);
    }
  }
  const canEdit = canEditImport(actor, row);
  return {
    id: row.id,
    status: row.status,
    sourceKind: row.sourceKind,
    fileName: row.fileName,
    sha256: row.sha256,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    publishedPlanId: row.publishedPlanId,
    header: plan.header,
    legalBases: plan.legalBases,
    parentDecision: plan.parentDecision,
    preamble: plan.preamble,
    decisionArticles: plan.decisionArticles,
    closing: plan.closing,
    recipients: plan.recipients,
    signerAuthority: plan.signerAuthority,
    signerName: plan.signerName,
    items: items.map((i) => ({
      key: i.key,
      parentKey: i.parentKey,
      kind: i.kind,
      label: i.label,
      title: i.title ?? null,
      text: i.text ?? null,
      lines: i.lines,
      duties: i.duties.map((d) => ({
        written: d.written,
        role: d.role,
        match: d.match,
        unit: unitDto(d.ref, units, lang),
      })),
      deadlines: i.deadlines,
      reporting: i.reporting.map((s) => ({
        written: s.written,
        unit: unitDto(s.ref, units, lang),
        ...(s.deadline ? { deadline: s.deadline } : {}),
      })),
      product: i.product ?? null,
    })),
    lines: plan.lines.map((l) => ({ n: l.n, text: l.text, role: l.role, itemKey: l.itemKey ?? null })),
    warnings: plan.warnings.map((w) => ({
      code: w.code,
      line: w.line ?? null,
      itemKey: w.itemKey ?? null,
      message: lang === 'en' ? w.en : w.vi,
    })),
    coverage: plan.coverage,
    unresolved: [...unresolved.values()],
    abilities: { canEdit, canPublish: canEdit && unresolved.size === 0 },
  };
}
