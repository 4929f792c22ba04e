// Which plan items concern a unit: the sections of its form. A unit answers for the items it is
// named in (lead or coordinating, through the 2025 successions) and for those addressed to a
// group it belongs to; the focal department may then add or remove items for one unit, each
// with a logged reason, before the cycle opens.
import { and, inArray } from 'drizzle-orm';
import { UNIT_GROUP_KINDS, isGroupMemberConcerned, type OrgUnitKind, type UnitGroup } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, type FrozenSection, type SectionChange } from '../../db/schema/index.js';
import { currentHolders, validDuring, validOn, type OrgUnitRow } from '../org-units/index.js';
import * as plansRepo from '../plan/index.js';

/** A section's title: the item's title or the start of its text. */
export function itemTitle(item: { title: string | null; text: string | null }): string {
  const title = item.title ?? item.text ?? '';
  return title.length > 160 ? `${title.slice(0, 157)}…` : title;
}

/**
 * The units a plan version assigns duties to, as they stand at the end of the data window, each
 * with the plan items (sections of its form) that concern it. A unit named in the plan is read
 * as its current holder (Nghị quyết 190/2025/QH15: merged and renamed agencies keep the
 * function); a group stands for its members valid at the window's end that it concerns
 * (`isGroupMemberConcerned`).
 */
export async function computeExpectedUnits(
  db: DbOrTx,
  versionId: string,
  windowStart: string,
  windowEnd: string,
): Promise<Map<string, { unit: OrgUnitRow; sections: FrozenSection[] }>> {
  const { items, assignments } = await plansRepo.loadItems(db, versionId);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const named = [...new Set(assignments.map((row) => row.a.orgUnitId).filter((id): id is string => Boolean(id)))];
  const holders = await currentHolders(db, named, windowEnd);
  const groups = [
    ...new Set(assignments.map((row) => row.a.unitGroup).filter((group): group is UnitGroup => Boolean(group))),
  ];
  const groupKinds = [...new Set(groups.flatMap((group) => UNIT_GROUP_KINDS[group]))] as OrgUnitKind[];
  const groupUnits = groupKinds.length
    ? await db
        .select()
        .from(orgUnits)
        .where(and(validOn(windowEnd), validDuring(windowStart, windowEnd), inArray(orgUnits.kind, groupKinds)))
    : [];
  const result = new Map<string, { unit: OrgUnitRow; sections: Map<string, FrozenSection> }>();
  const add = (unit: OrgUnitRow, itemId: string, role: 'lead' | 'coordinate') => {
    const item = itemById.get(itemId);
    if (!item) return;
    let entry = result.get(unit.id);
    if (!entry) result.set(unit.id, (entry = { unit, sections: new Map() }));
    const prev = entry.sections.get(itemId);
    if (prev && (prev.role === 'lead' || role === 'coordinate')) return;
    entry.sections.set(itemId, { planItemId: item.id, key: item.key, label: item.label, title: itemTitle(item), role });
  };
  for (const { a: assignment } of assignments) {
    if (assignment.orgUnitId)
      for (const holder of holders.get(assignment.orgUnitId) ?? []) add(holder, assignment.itemId, assignment.role);
    const group = assignment.unitGroup;
    if (group) {
      for (const unit of groupUnits)
        if (isGroupMemberConcerned(group, assignment.role, unit.kind)) add(unit, assignment.itemId, assignment.role);
    }
  }
  const position = new Map(items.map((item) => [item.id, item.position]));
  return new Map(
    [...result].map(([id, entry]) => [
      id,
      {
        unit: entry.unit,
        sections: [...entry.sections.values()].sort(
          (a, b) => position.get(a.planItemId)! - position.get(b.planItemId)!,
        ),
      },
    ]),
  );
}

/**
 * Replays the focal department's changes on sections computed from a plan version: an added key
 * found in the version becomes a coordinating section, a removed key goes. Items are matched by
 * their stable key, so changes made on an earlier version still apply after an amendment; the
 * result keeps the plan's order.
 */
export function applySectionChanges(
  sections: FrozenSection[],
  changes: SectionChange[],
  items: Array<{ id: string; key: string; label: string; title: string | null; text: string | null; position: number }>,
): FrozenSection[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const itemByKey = new Map(items.map((item) => [item.key, item]));
  for (const change of changes) {
    if (change.action === 'remove') byKey.delete(change.key);
    else if (!byKey.has(change.key)) {
      const item = itemByKey.get(change.key);
      if (item)
        byKey.set(change.key, {
          planItemId: item.id,
          key: item.key,
          label: item.label,
          title: itemTitle(item),
          role: 'coordinate',
        });
    }
  }
  const position = new Map(items.map((item) => [item.key, item.position]));
  return [...byKey.values()].sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
}

/** "thêm mục IV.4 (4. Sở Tài chính): lý do; bỏ mục …": the changes as the report's history tells them. */
export function describeSectionChanges(changes: SectionChange[]): string {
  return changes
    .map(
      (change) =>
        `${change.action === 'add' ? 'Thêm' : 'Bỏ'} mục ${change.label} ${change.title} (${change.key}) — lý do: ${change.reason}`,
    )
    .join('; ');
}
