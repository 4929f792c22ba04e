import type { PlanImportOp } from '../../../shared/contracts/plan-import.js';
import type { UnitGroup } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import { AppError, msg } from '../../lib/errors.js';
import type { ParsedItem, ParsedPlan, UnitRef } from './parse-types.js';
import { findDeadlines } from './deadlines.js';
import { coverageOf } from './parser.js';

/** A unit chosen by the officer, by id, with the code the draft keeps. */
export type UnitById = (
  id: string,
) => { code: string; name?: string; validFrom?: string | null; validTo?: string | null } | null;

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

function refOf(
  op: { unitId: string | null; group: UnitGroup | null },
  path: string,
  unitById: UnitById,
  date: string,
): UnitRef {
  if (op.unitId && op.group)
    throw bad(path, 'Chọn một đơn vị hoặc một nhóm, không chọn cả hai', 'Choose a unit or a group, not both');
  if (op.group) return { group: op.group };
  if (!op.unitId) throw bad(path, 'Chưa chọn đơn vị', 'No unit chosen');
  const unit = unitById(op.unitId);
  if (!unit) throw bad(`${path}.unitId`, 'Không tìm thấy đơn vị đã chọn', 'The chosen unit does not exist');
  if (date && ((unit.validFrom && unit.validFrom > date) || (unit.validTo && unit.validTo < date))) {
    throw bad(
      `${path}.unitId`,
      `Đơn vị ${unit.name ?? unit.code} không tồn tại vào ngày ban hành kế hoạch (${date.split('-').reverse().join('/')}) — hãy chọn đơn vị có hiệu lực vào ngày đó`,
      `Unit ${unit.name ?? unit.code} did not exist on the plan's date (${date}) — choose a unit valid then`,
    );
  }
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
  let items = allItems(plan.items);
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
        const ref = refOf(op, path, unitById, plan.header.date);
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
        const ref = refOf(op, path, unitById, plan.header.date);
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
      case 'mergeWithNext':
        mergeWithNext(plan, itemAt(op.key, `${path}.key`), path);
        break;
      case 'splitItem':
        splitItem(plan, itemAt(op.key, `${path}.key`), op.line, op.label, path, new Set(items.map((i) => i.key)));
        break;
      case 'moveItem':
        moveItem(
          plan,
          itemAt(op.key, `${path}.key`),
          op.parentKey === null ? null : itemAt(op.parentKey, `${path}.parentKey`),
          op.position,
          path,
        );
        break;
    }
    items = allItems(plan.items);
  });
  const keys = new Set(items.map((i) => i.key));
  plan.coverage = coverageOf(plan.lines);
  const hasDuties = new Set(items.filter((i) => i.duties.length > 0).map((i) => i.key));
  const unresolved = new Set(
    items.flatMap((i) => i.duties.filter((d) => d.ref === null).map((d) => foldText(d.written))),
  );
  plan.warnings = plan.warnings.filter((w) => {
    if (w.itemKey !== undefined && !keys.has(w.itemKey)) return false;
    if (w.code === 'NO_UNIT') return !hasDuties.has(w.itemKey ?? '');
    if (w.code === 'UNIT_UNRESOLVED')
      return unresolved.size > 0 && items.some((i) => i.key === w.itemKey && i.duties.some((d) => d.ref === null));
    if (w.code === 'LINES_UNASSIGNED') return plan.coverage.unassigned > 0;
    if (w.code === 'HEADER_MISSING') return !(plan.header.number && plan.header.date && plan.header.title);
    return true;
  });
  return { plan, remember };
}

/** The list holding an item (the top level or its parent's children) and its place in it. */
function locate(plan: ParsedPlan, item: ParsedItem): { list: ParsedItem[]; index: number } {
  const search = (list: ParsedItem[]): { list: ParsedItem[]; index: number } | null => {
    const index = list.indexOf(item);
    if (index >= 0) return { list, index };
    for (const i of list) {
      const found = search(i.children);
      if (found) return found;
    }
    return null;
  };
  return search(plan.items)!;
}

const deadlinesOf = (text: string | undefined) =>
  text ? findDeadlines(text).map(({ start: _s, end: _e, ...d }) => d) : [];

/**
 * Joins the item's next sibling into it: the sibling's title and text follow the item's text,
 * its lines, duties (a unit leading in either leads), deadlines, reporting steps and children
 * become the item's. The sibling's label goes.
 */
function mergeWithNext(plan: ParsedPlan, item: ParsedItem, path: string): void {
  const { list, index } = locate(plan, item);
  const next = list[index + 1];
  if (!next) {
    throw bad(
      `${path}.key`,
      `Mục ${item.label} không có mục liền sau cùng cấp để gộp`,
      `Item ${item.label} has no next item at its level to merge with`,
    );
  }
  const text = [item.text, next.title, next.text].filter(Boolean).join('\n');
  if (text) item.text = text;
  item.lines = [...item.lines, ...next.lines].sort((a, b) => a - b);
  for (const d of next.duties) {
    const same = item.duties.find((x) =>
      x.ref && d.ref ? JSON.stringify(x.ref) === JSON.stringify(d.ref) : x.written === d.written && !x.ref && !d.ref,
    );
    if (!same) item.duties.push(d);
    else if (d.role === 'lead') same.role = 'lead';
  }
  for (const d of next.deadlines) if (!item.deadlines.some((x) => x.text === d.text)) item.deadlines.push(d);
  item.reporting.push(...next.reporting);
  if (next.product) item.product = [item.product, next.product].filter(Boolean).join('; ');
  item.children.push(...next.children);
  if (item.children.length > 0) item.kind = 'section';
  list.splice(index + 1, 1);
  for (const line of plan.lines) if (line.itemKey === next.key) line.itemKey = item.key;
}

/**
 * Splits an item at one of its lines: the text from that line on becomes a new item right after
 * it (same kind, the given label or the item's own, no units yet); deadlines are read again for
 * both parts. The first line (the label's) cannot be split off.
 */
function splitItem(
  plan: ParsedPlan,
  item: ParsedItem,
  line: number,
  label: string | undefined,
  path: string,
  keys: Set<string>,
): void {
  const sorted = [...item.lines].sort((a, b) => a - b);
  if (!sorted.includes(line)) {
    throw bad(
      `${path}.line`,
      `Dòng ${line} không thuộc mục ${item.label}`,
      `Line ${line} is not in item ${item.label}`,
    );
  }
  if (line === sorted[0]) {
    throw bad(
      `${path}.line`,
      `Không tách được tại dòng đầu của mục ${item.label}; hãy chọn một dòng sau`,
      `Cannot split item ${item.label} at its first line; choose a later line`,
    );
  }
  const source = plan.lines.find((l) => l.n === line)?.text ?? '';
  const words = source.trim().split(/\s+/).filter(Boolean).slice(0, 12);
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u');
  const at = words.length > 0 && item.text ? pattern.exec(item.text)?.index : undefined;
  if (at === undefined) {
    throw bad(
      `${path}.line`,
      `Không tìm thấy nội dung dòng ${line} trong phần văn bản của mục ${item.label}`,
      `The text of line ${line} is not in the text of item ${item.label}`,
    );
  }
  const before = item.text!.slice(0, at).trimEnd();
  const after = item.text!.slice(at).trim();
  let key = `${item.key}@${line}`;
  for (let n = 2; keys.has(key); n += 1) key = `${item.key}@${line}#${n}`;
  const added: ParsedItem = {
    key,
    kind: item.kind === 'section' ? 'text' : item.kind,
    label: label ?? item.label,
    text: after,
    lines: sorted.filter((n) => n >= line),
    duties: [],
    deadlines: deadlinesOf(after),
    reporting: [],
    children: [],
  };
  if (before) item.text = before;
  else delete item.text;
  item.lines = sorted.filter((n) => n < line);
  item.deadlines = deadlinesOf(item.text ?? (item.children.length === 0 ? item.title : undefined));
  const { list, index } = locate(plan, item);
  list.splice(index + 1, 0, added);
  for (const l of plan.lines) if (l.itemKey === item.key && l.n >= line) l.itemKey = key;
}

/** Moves an item with its children under another parent (null: the top level), at a position among its children. */
function moveItem(plan: ParsedPlan, item: ParsedItem, parent: ParsedItem | null, position: number, path: string): void {
  if (parent && (parent === item || allItems(item.children).includes(parent))) {
    throw bad(
      `${path}.parentKey`,
      `Không chuyển được mục ${item.label} vào chính nó hoặc vào mục con của nó`,
      `Item ${item.label} cannot move into itself or one of its children`,
    );
  }
  const { list, index } = locate(plan, item);
  list.splice(index, 1);
  const target = parent ? parent.children : plan.items;
  target.splice(Math.min(position, target.length), 0, item);
  if (parent) parent.kind = 'section';
}
