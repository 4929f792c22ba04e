import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';
import type { StoredChange } from '../../db/schema/feedback.js';
import type { TargetDefinition } from '../../../shared/targets.js';
import { AppError, msg } from '../../lib/errors.js';

export type PlanTarget = TargetDefinition & { indicatorCode: string };

/**
 * Applies the target changes of stored changes to a version's targets (a copy): add appends,
 * update replaces, remove drops. A change that no longer fits (the target added or removed
 * meanwhile) answers 409.
 */
export function applyTargetChanges(targets: PlanTarget[], changes: StoredChange[]): PlanTarget[] {
  let list = targets.map((t) => ({ ...t }));
  for (const change of changes) {
    if (!change.target) continue;
    const code = change.target.indicatorCode;
    const index = list.findIndex((t) => t.indicatorCode === code);
    if (change.op === 'add' ? index >= 0 : index < 0)
      throw new AppError(
        'CONFLICT',
        index >= 0
          ? msg(`Kế hoạch đã có chỉ tiêu ${code}; cần soạn lại đề xuất`, `The plan already has target ${code}; redraft`)
          : msg(`Chỉ tiêu ${code} không còn trong kế hoạch; cần soạn lại đề xuất`, `Target ${code} is gone; redraft`),
        { status: 409 },
      );
    if (change.op === 'remove') list = list.filter((t) => t.indicatorCode !== code);
    else if (change.op === 'update') list[index] = { indicatorCode: code, ...change.target.after! };
    else list.push({ indicatorCode: code, ...change.target.after! });
  }
  return list;
}

/** One item of a version while changes are applied: identified by its stable key. */
export interface PlanNode {
  key: string;
  parentKey: string | null;
  kind: PlanItemKind;
  label: string;
  title: string | null;
  text: string | null;
  assignments: Array<{ orgUnitId: string | null; unitGroup: UnitGroup | null; role: AssignmentRole }>;
}

/** Applies stored changes to a version's items (in document order); returns the new list and the keys given to added items. */
export function applyChanges(
  nodes: PlanNode[],
  changes: StoredChange[],
  newVersion: number,
): { nodes: PlanNode[]; changes: StoredChange[] } {
  let list = nodes.map((n) => ({ ...n, assignments: [...n.assignments] }));
  const missing = (key: string) =>
    new AppError(
      'CONFLICT',
      msg(
        `Mục ${key} không còn trong kế hoạch; cần soạn lại đề xuất`,
        `Item ${key} is no longer in the plan; redraft the proposal`,
      ),
      { status: 409 },
    );
  const subtreeEnd = (index: number) => {
    const keys = new Set([list[index].key]);
    let end = index + 1;
    while (end < list.length && list[end].parentKey !== null && keys.has(list[end].parentKey!)) {
      keys.add(list[end].key);
      end += 1;
    }
    return end;
  };
  let added = 0;
  const out = changes.map((change) => ({ ...change }));
  for (const change of out) {
    // Changes of targets are applied by applyTargetChanges.
    if (change.target) continue;
    if (change.op === 'remove') {
      const index = list.findIndex((n) => n.key === change.itemKey);
      if (index < 0) throw missing(change.itemKey!);
      list = [...list.slice(0, index), ...list.slice(subtreeEnd(index))];
    } else if (change.op === 'update') {
      const node = list.find((n) => n.key === change.itemKey);
      if (!node) throw missing(change.itemKey!);
      if (change.kind) node.kind = change.kind;
      if (change.label) node.label = change.label;
      if (change.title !== undefined) node.title = change.title;
      if (change.text !== undefined) node.text = change.text;
      // New units replace the item's units; groups named in the plan stay.
      if (change.assignments)
        node.assignments = [
          ...node.assignments.filter((assignment) => assignment.unitGroup !== null),
          ...change.assignments.map((assignment) => ({
            orgUnitId: assignment.orgUnitId,
            unitGroup: null,
            role: assignment.role,
          })),
        ];
    } else {
      added += 1;
      let key = `${change.parentKey ? `${change.parentKey}.` : ''}v${newVersion}-${added}`;
      while (list.some((n) => n.key === key)) key = `${key}'`;
      change.newKey = key;
      const node: PlanNode = {
        key,
        parentKey: change.parentKey,
        kind: change.kind!,
        label: change.label!,
        title: change.title ?? null,
        text: change.text ?? null,
        assignments: (change.assignments ?? []).map((assignment) => ({
          orgUnitId: assignment.orgUnitId,
          unitGroup: null,
          role: assignment.role,
        })),
      };
      if (change.parentKey) {
        const parentIndex = list.findIndex((n) => n.key === change.parentKey);
        if (parentIndex < 0) throw missing(change.parentKey);
        const end = subtreeEnd(parentIndex);
        list = [...list.slice(0, end), node, ...list.slice(end)];
      } else {
        list.push(node);
      }
    }
  }
  return { nodes: list, changes: out };
}
