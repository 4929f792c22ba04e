import type { PlanItemDto } from '../../../shared/contracts/plans';

/** Children of each item (key null = top level), in the order of the text. */
export function childrenByParent(items: PlanItemDto[]): Map<string | null, PlanItemDto[]> {
  const map = new Map<string | null, PlanItemDto[]>();
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const list = map.get(item.parentId) ?? [];
    list.push(item);
    map.set(item.parentId, list);
  }
  return map;
}

/** The ancestors of an item, outermost first ("IV.", "2." …). */
export function ancestorsOf(item: PlanItemDto, byId: Map<string, PlanItemDto>): PlanItemDto[] {
  const path: PlanItemDto[] = [];
  let parent = item.parentId ? byId.get(item.parentId) : undefined;
  while (parent) {
    path.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return path;
}

/** The HTML id of an item's block, stable across versions (built from its key). */
export function anchorOf(item: Pick<PlanItemDto, 'key'>): string {
  return `muc-${item.key.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}

/** "IV. TỔ CHỨC THỰC HIỆN", "4. Sở Tài chính", or just "-" for an unnamed duty. */
export function headingOf(item: PlanItemDto): string {
  return item.title ? `${item.label} ${item.title}` : item.label;
}
