import type { PlanImportOp } from '../../../shared/contracts/plan-import.js';
import type { UnitGroup } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import { AppError, msg } from '../../lib/errors.js';
import type { ParsedItem, ParsedPlan, UnitRef } from './parse-types.js';
import { coverageOf } from './parser.js';

/** A unit chosen by the officer, by id, with the code the draft keeps. */
export type UnitById = (id: string) => { code: string } | null;

export interface EditResult {
  plan: ParsedPlan;
  /** Mappings to remember for later imports. */
  remember: Array<{ written: string; ref: UnitRef }>;
}

function bad(path: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_ERROR', msg(vi, en), { issues: [{ path, message: msg(vi, en) }] });
}

function allItems(items: ParsedItem[]): ParsedItem[] {
  return items.flatMap((i) => [i, ...allItems(i.children)]);
}

function refOf(op: { unitId: string | null; group: UnitGroup | null }, path: string, unitById: UnitById): UnitRef {
  if (op.unitId && op.group)
    throw bad(path, 'Chọn một đơn vị hoặc một nhóm, không chọn cả hai', 'Choose a unit or a group, not both');
  if (op.group) return { group: op.group };
  if (!op.unitId) throw bad(path, 'Chưa chọn đơn vị', 'No unit chosen');
  const unit = unitById(op.unitId);
  if (!unit) throw bad(`${path}.unitId`, 'Không tìm thấy đơn vị đã chọn', 'The chosen unit does not exist');
  return { code: unit.code };
}

/**
 * Applies the officer's corrections to a draft, in order: labels, titles, duties (unit and
 * role), mapping a name the parser did not know (every duty and reporting step with that name),
 * lines marked as boilerplate, header fields. Then recounts coverage and drops the warnings
 * the corrections answered.
 */
export function applyOps(draft: ParsedPlan, ops: PlanImportOp[], unitById: UnitById): EditResult {
  const plan = structuredClone(draft);
  const remember: EditResult['remember'] = [];
  const items = allItems(plan.items);
  const itemAt = (key: string, path: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) throw bad(path, `Không có mục "${key}" trong bản nháp`, `No item "${key}" in the draft`);
    return item;
  };
  ops.forEach((op, k) => {
    const path = `ops.${k}`;
    switch (op.op) {
      case 'setLabel':
        itemAt(op.key, `${path}.key`).label = op.label;
        break;
      case 'setTitle': {
        const item = itemAt(op.key, `${path}.key`);
        if (op.title) item.title = op.title;
        else delete item.title;
        break;
      }
      case 'setDuty': {
        const item = itemAt(op.key, `${path}.key`);
        const ref = refOf(op, path, unitById);
        if (op.index === null) item.duties.push({ written: '', role: op.role, ref, match: 'mapping' });
        else {
          const duty = item.duties[op.index];
          if (!duty) throw bad(`${path}.index`, 'Không có trách nhiệm này', 'No such duty');
          Object.assign(duty, { role: op.role, ref, match: 'mapping' });
        }
        break;
      }
      case 'removeDuty': {
        const item = itemAt(op.key, `${path}.key`);
        if (!item.duties[op.index]) throw bad(`${path}.index`, 'Không có trách nhiệm này', 'No such duty');
        item.duties.splice(op.index, 1);
        break;
      }
      case 'mapUnit': {
        const ref = refOf(op, path, unitById);
        const wanted = foldText(op.written);
        let found = 0;
        for (const item of items) {
          for (const d of [...item.duties, ...item.reporting]) {
            if (foldText(d.written) === wanted) {
              d.ref = ref;
              if ('match' in d) d.match = 'mapping';
              found += 1;
            }
          }
        }
        if (found === 0)
          throw bad(
            `${path}.written`,
            `Không có tên "${op.written}" trong bản nháp`,
            `No name "${op.written}" in the draft`,
          );
        if (op.remember) remember.push({ written: op.written, ref });
        break;
      }
      case 'markBoilerplate':
        for (const n of op.lines) {
          const line = plan.lines.find((l) => l.n === n);
          if (!line) throw bad(`${path}.lines`, `Không có dòng ${n}`, `No line ${n}`);
          line.role = 'boilerplate';
          delete line.itemKey;
          for (const item of items) item.lines = item.lines.filter((x) => x !== n);
        }
        break;
      case 'setHeader':
        plan.header[op.field] = op.value;
        break;
      case 'setDate':
        plan.header.date = op.value;
        break;
    }
  });
  plan.coverage = coverageOf(plan.lines);
  const hasDuties = new Set(items.filter((i) => i.duties.length > 0).map((i) => i.key));
  const unresolved = new Set(
    items.flatMap((i) => i.duties.filter((d) => d.ref === null).map((d) => foldText(d.written))),
  );
  plan.warnings = plan.warnings.filter((w) => {
    if (w.code === 'NO_UNIT') return !hasDuties.has(w.itemKey ?? '');
    if (w.code === 'UNIT_UNRESOLVED')
      return unresolved.size > 0 && items.some((i) => i.key === w.itemKey && i.duties.some((d) => d.ref === null));
    if (w.code === 'LINES_UNASSIGNED') return plan.coverage.unassigned > 0;
    if (w.code === 'HEADER_MISSING') return !(plan.header.number && plan.header.date && plan.header.title);
    return true;
  });
  return { plan, remember };
}
