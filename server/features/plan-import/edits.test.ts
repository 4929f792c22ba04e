import { describe, expect, it } from 'vitest';
import type { PlanImportOp } from '../../../shared/contracts/plan-import.js';
import { AppError } from '../../lib/errors.js';
import { applyOps } from './edits.js';
import type { ParsedPlan } from './parse-types.js';
import { fixture, flatten, parseWithSeed } from './plan-import.fixtures.js';

const seedPlan = parseWithSeed(fixture('ke-hoach-1953-KH-UBND-2025.txt'));
const apply = (plan: ParsedPlan, ops: PlanImportOp[]) => applyOps(plan, ops, (id) => ({ code: id })).plan;
const keysUnder = (plan: ParsedPlan, key: string | null) =>
  (key === null ? plan.items : flatten(plan.items).find((i) => i.key === key)!.children).map((i) => i.key);

function refusal(fn: () => unknown): { path: string; message: string } {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof AppError)) throw new Error('expected a refusal (AppError)');
  const issue = caught.issues![0];
  return { path: issue.path, message: issue.message.vi };
}

describe('merging an item with the next one', () => {
  it('joins the text, lines, duties and deadlines of IV.1.b into IV.1.a; IV.1 keeps two items', () => {
    const plan = apply(seedPlan, [{ op: 'mergeWithNext', key: 'IV.1.a' }]);
    expect(keysUnder(plan, 'IV.1')).toEqual(['IV.1.a', 'IV.1.c']);
    const merged = flatten(plan.items).find((i) => i.key === 'IV.1.a')!;
    expect(merged.text).toMatch(/^Xây dựng Kế hoạch chi tiết.*\nThường xuyên đánh giá/su);
    expect(merged.lines).toEqual([62, 63]);
    expect(merged.deadlines.map((d) => d.text)).toEqual(['hàng năm', 'Thường xuyên']);
    expect(merged.duties.map((d) => [d.role, d.ref])).toEqual([['lead', { group: 'departments_and_localities' }]]);
    expect(plan.lines.find((l) => l.n === 63)!.itemKey).toBe('IV.1.a');
    expect(plan.coverage).toEqual(seedPlan.coverage);
    expect(keysUnder(seedPlan, 'IV.1')).toHaveLength(3);
  });

  it('takes the next item title into the text and its duties, a lead in either leading', () => {
    const plan = apply(seedPlan, [{ op: 'mergeWithNext', key: 'IV.4' }]);
    const merged = flatten(plan.items).find((i) => i.key === 'IV.4')!;
    expect(merged.text).toContain('\nSở Giáo dục và Đào tạo\nChủ trì, phối hợp');
    expect(merged.duties.map((d) => `${d.role}:${JSON.stringify(d.ref)}`).sort()).toEqual([
      'coordinate:{"code":"BT-SNNMT"}',
      'coordinate:{"group":"departments_and_localities"}',
      'coordinate:{"group":"other_departments"}',
      'lead:{"code":"BT-SGDDT"}',
      'lead:{"code":"BT-STC"}',
    ]);
    expect(keysUnder(plan, 'IV')).not.toContain('IV.5');
  });

  it('refuses the last item of its level, naming the operation', () => {
    expect(refusal(() => apply(seedPlan, [{ op: 'mergeWithNext', key: 'IV.1.c' }]))).toEqual({
      path: 'ops.0.key',
      message: 'Mục - không có mục liền sau cùng cấp để gộp',
    });
  });
});

describe('splitting an item at a line', () => {
  it('makes the second paragraph of II-NV.1 a new item after it, with its lines', () => {
    const plan = apply(seedPlan, [{ op: 'splitItem', key: 'II-NV.1', line: 45, label: '-' }]);
    expect(keysUnder(plan, 'II-NV')).toEqual(['II-NV.1', 'II-NV.1@45', 'II-NV.2']);
    const [first, second] = flatten(plan.items).filter((i) => i.key.startsWith('II-NV.1'));
    expect(first.text).toMatch(/tuần hoàn tái chế chất thải\.$/u);
    expect(first.lines).toEqual([43, 44]);
    expect(second).toMatchObject({ label: '-', kind: 'task', lines: [45], duties: [] });
    expect(second.text).toMatch(/^Kêu gọi đầu tư/u);
    expect(plan.lines.find((l) => l.n === 45)!.itemKey).toBe('II-NV.1@45');
    expect(plan.coverage).toEqual(seedPlan.coverage);
  });

  it('reads deadlines again for both parts', () => {
    const text = [
      'Số: 5/KH-UBND',
      'Bến Tre, ngày 2 tháng 6 năm 2025',
      'KẾ HOẠCH',
      'THỬ NGHIỆM',
      'I. NHIỆM VỤ',
      '1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:',
      'Khảo sát hiện trạng trước ngày 15/12/2026.',
      'Báo cáo kết quả trước ngày 20 hằng tháng.',
    ].join('\n');
    const plan = apply(parseWithSeed(text), [{ op: 'splitItem', key: 'I.1', line: 8 }]);
    const [first, second] = plan.items[0].children;
    expect(first.deadlines.map((d) => d.kind)).toEqual(['once']);
    expect(second).toMatchObject({ label: '1.', key: 'I.1@8' });
    expect(second.deadlines).toEqual([{ kind: 'monthly', day: 20, text: 'trước ngày 20 hằng tháng' }]);
  });

  it('refuses the first line of the item and a line of another item', () => {
    expect(refusal(() => apply(seedPlan, [{ op: 'splitItem', key: 'II-NV.1', line: 43 }])).path).toBe('ops.0.line');
    expect(refusal(() => apply(seedPlan, [{ op: 'splitItem', key: 'II-NV.1', line: 47 }])).message).toBe(
      'Dòng 47 không thuộc mục 1.',
    );
  });
});

describe('moving an item', () => {
  it('moves IV.7 with its lines under IV.6, and III.4 to the top level', () => {
    const plan = apply(seedPlan, [
      { op: 'moveItem', key: 'IV.7', parentKey: 'IV.6', position: 0 },
      { op: 'moveItem', key: 'III.4', parentKey: null, position: 1 },
    ]);
    expect(keysUnder(plan, 'IV.6')).toEqual(['IV.7']);
    expect(keysUnder(plan, 'IV')).toEqual(['IV.1', 'IV.2', 'IV.3', 'IV.4', 'IV.5', 'IV.6']);
    expect(keysUnder(plan, null)).toEqual(['I', 'III.4', 'II-MT', 'II-NV', 'III', 'IV']);
    expect(flatten(plan.items).find((i) => i.key === 'IV.6')!.kind).toBe('section');
    expect(plan.lines.filter((l) => l.itemKey === 'IV.7').map((l) => l.n)).toEqual([77, 78]);
  });

  it('clamps the position to the end and refuses a move into the item itself or its child', () => {
    const plan = apply(seedPlan, [{ op: 'moveItem', key: 'I.a', parentKey: 'III', position: 99 }]);
    expect(keysUnder(plan, 'III').at(-1)).toBe('I.a');
    expect(refusal(() => apply(seedPlan, [{ op: 'moveItem', key: 'IV', parentKey: 'IV.2.a', position: 0 }]))).toEqual({
      path: 'ops.0.parentKey',
      message: 'Không chuyển được mục IV. vào chính nó hoặc vào mục con của nó',
    });
    expect(refusal(() => apply(seedPlan, [{ op: 'moveItem', key: 'IV', parentKey: 'X.9', position: 0 }])).path).toBe(
      'ops.0.parentKey',
    );
  });
});

describe('choosing a unit for a duty', () => {
  it("refuses a unit that did not exist on the plan's date, accepts one that did", () => {
    const units: Record<string, { code: string; name: string; validFrom: string | null; validTo: string | null }> = {
      vl: { code: 'VL-SYT', name: 'Sở Y tế tỉnh Vĩnh Long', validFrom: '2025-07-01', validTo: null },
      bt: { code: 'BT-SYT', name: 'Sở Y tế', validFrom: null, validTo: '2025-06-30' },
    };
    const op = (unitId: string): PlanImportOp => ({
      op: 'setDuty',
      key: 'III.1',
      index: null,
      role: 'lead',
      unitId,
      group: null,
    });
    let refused: unknown;
    try {
      applyOps(seedPlan, [op('vl')], (id) => units[id] ?? null);
    } catch (err) {
      refused = err;
    }
    expect((refused as AppError).issues![0]).toMatchObject({
      path: 'ops.0.unitId',
      message: {
        vi: expect.stringMatching(
          /^Đơn vị Sở Y tế tỉnh Vĩnh Long không tồn tại vào ngày ban hành kế hoạch \(27\/03\/2025\)/u,
        ),
      },
    });
    const plan = applyOps(seedPlan, [op('bt')], (id) => units[id] ?? null).plan;
    expect(flatten(plan.items).find((i) => i.key === 'III.1')!.duties[0].ref).toEqual({ code: 'BT-SYT' });
  });
});
