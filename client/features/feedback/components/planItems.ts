import type { PlanItemDto } from '../../../../shared/contracts/plans';
import { childrenByParent } from '../../plan/tree';

export interface PlanItemOption {
  item: PlanItemDto;
  depth: number;
  /** "IV. › 4. Sở Tài chính" — the labels of the ancestors, then the item. */
  path: string;
}

function shortText(item: Pick<PlanItemDto, 'title' | 'text'>, max = 110): string {
  const text = item.title ?? item.text ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The plan's items in document order with their depth and a readable path, for pickers and trees. */
export function planItemOptions(items: PlanItemDto[]): PlanItemOption[] {
  const children = childrenByParent(items);
  const out: PlanItemOption[] = [];
  const walk = (parentId: string | null, depth: number, prefix: string[]) => {
    for (const item of children.get(parentId) ?? []) {
      const labels = [...prefix, item.label];
      out.push({ item, depth, path: `${labels.join(' › ')} ${shortText(item)}`.trim() });
      walk(item.id, depth + 1, labels);
    }
  };
  walk(null, 0, []);
  return out;
}

/** "IV.4 · Sở Tài chính" for a reference by key (feedback, amendments, guidance). */
export function itemRefText(ref: { key: string; label: string | null; title: string | null }): string {
  const title = ref.title ? (ref.title.length > 110 ? `${ref.title.slice(0, 109)}…` : ref.title) : '';
  return title ? `${ref.key} · ${title}` : ref.key;
}
