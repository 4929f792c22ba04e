import type { AmendmentChange } from '../../../shared/contracts/amendments.js';
import { validateTarget, type TargetDefinition } from '../../../shared/targets.js';
import type { StoredChange } from '../../db/schema/feedback.js';
import { AppError, invalidField, msg } from '../../lib/errors.js';
import type { TargetRow } from './targets.repository.js';

// Target changes of an amendment proposal (issue 13): checked against the targets of the plan's
// current version when a draft is saved and again when it is submitted.

export function requestsTargets(changes: AmendmentChange[]): boolean {
  return changes.some((change) => change.target !== undefined);
}

/**
 * A change of a target: the indicator must be in the catalogue; add needs a target the plan does
 * not have yet, update and remove one it has. An update replaces the given fields of the target
 * as it stands; the result is checked field by field (`validateTarget`), each refusal naming
 * `changes.N.target.<field>`.
 */
export function resolveTargetChange(
  at: string,
  requested: AmendmentChange,
  targets: TargetRow[],
  catalogue: Map<string, unknown>,
  seen: Set<string>,
): StoredChange {
  const input = requested.target!;
  const path = `${at}.target`;
  for (const field of ['itemId', 'parentId', 'kind', 'label', 'title', 'text', 'assignments'] as const) {
    if (requested[field] !== undefined)
      throw invalidField(
        `${at}.${field}`,
        msg('Thay đổi chỉ tiêu không kèm nội dung mục kế hoạch', 'A target change carries no item fields'),
      );
  }
  const code = input.indicatorCode;
  if (!catalogue.has(code))
    throw invalidField(
      `${path}.indicatorCode`,
      msg('Chỉ số không có trong danh mục chỉ số', 'No such indicator in the catalogue'),
    );
  if (seen.has(code))
    throw invalidField(
      `${path}.indicatorCode`,
      msg('Chỉ tiêu này đã có một thay đổi khác trong đề xuất', 'This target already has another change'),
    );
  seen.add(code);
  const existing = targets.find((t) => t.indicatorCode === code);
  const base = { itemKey: null, parentKey: null, kind: null, label: null, assignments: null, newKey: null };
  if (requested.op === 'remove') {
    if (!existing)
      throw invalidField(
        `${path}.indicatorCode`,
        msg('Kế hoạch chưa có chỉ tiêu cho chỉ số này', 'The plan has no target for this indicator'),
      );
    return { op: 'remove', ...base, target: { indicatorCode: code, after: null } };
  }
  if (requested.op === 'add' && existing)
    throw invalidField(
      `${path}.indicatorCode`,
      msg(
        'Kế hoạch đã có chỉ tiêu cho chỉ số này; hãy chọn "Sửa chỉ tiêu"',
        'The plan already has this target; update it',
      ),
    );
  if (requested.op === 'update' && !existing)
    throw invalidField(
      `${path}.indicatorCode`,
      msg('Kế hoạch chưa có chỉ tiêu cho chỉ số này; hãy chọn "Thêm chỉ tiêu"', 'The plan has no such target; add it'),
    );
  const pick = <K extends keyof TargetDefinition>(key: K): TargetDefinition[K] | null => {
    const given = input[key as keyof typeof input] as TargetDefinition[K] | null | undefined;
    if (given !== undefined) return given;
    return existing ? existing[key] : null;
  };
  // A target is a value or a change: giving one clears the other unless both are given.
  const givesValue = input.targetValue !== undefined && input.targetValue !== null;
  const givesChange =
    (input.changeKind !== undefined && input.changeKind !== null) ||
    (input.changeAmount !== undefined && input.changeAmount !== null);
  const draft = {
    baselineYear: pick('baselineYear'),
    baselineValue: pick('baselineValue'),
    targetYear: pick('targetYear'),
    targetValue: givesChange && input.targetValue === undefined ? null : pick('targetValue'),
    changeKind: givesValue && input.changeKind === undefined ? null : pick('changeKind'),
    changeAmount: givesValue && input.changeAmount === undefined ? null : pick('changeAmount'),
    direction: pick('direction'),
    source: pick('source'),
  };
  const [issue] = validateTarget(draft);
  if (issue) throw invalidField(`${path}.${issue.field}`, msg(issue.vi, issue.en));
  const after: TargetDefinition = {
    ...draft,
    targetYear: draft.targetYear!,
    direction: draft.direction!,
    source: draft.source!.trim(),
  };
  if (existing && requested.op === 'update') {
    const same = (Object.keys(after) as Array<keyof TargetDefinition>).every((key) => after[key] === existing[key]);
    if (same) throw invalidField(path, msg('Thay đổi không có nội dung nào', 'The change changes nothing'));
  }
  return { op: requested.op, ...base, target: { indicatorCode: code, after } };
}

/** 409: a target change no longer applies (another amendment added or removed that target). */
export function targetConflict(code: string, n: number, has: boolean): AppError {
  return new AppError(
    'CONFLICT',
    has
      ? msg(
          `Kế hoạch đã có chỉ tiêu ${code} trong phiên bản hiện hành; cần soạn lại đề xuất`,
          `The current plan version already has target ${code}; redraft the proposal`,
        )
      : msg(
          `Chỉ tiêu ${code} không còn trong phiên bản hiện hành của kế hoạch; cần soạn lại đề xuất`,
          `Target ${code} is no longer in the current plan version; redraft the proposal`,
        ),
    {
      status: 409,
      issues: [
        {
          path: `changes.${n}.target.indicatorCode`,
          message: has ? msg('Chỉ tiêu đã có', 'Target exists') : msg('Chỉ tiêu không còn', 'Target no longer exists'),
        },
      ],
    },
  );
}
