import type { PlanImportDto } from '../../../shared/contracts/plan-import';

/**
 * Where an item stands, written with the labels as issued ("I.1a"), for the badge beside each of
 * its lines: the item's key is an internal name ("I.1@10" after a split) and means nothing to the
 * officer.
 */
export function labelPaths(items: PlanImportDto['items']): Map<string, string> {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const paths = new Map<string, string>();
  const pathOf = (key: string): string => {
    const known = paths.get(key);
    if (known !== undefined) return known;
    const item = byKey.get(key);
    if (!item) return key;
    const own = item.label.replace(/[.)\s]+$/u, '');
    const path = item.parentKey && byKey.has(item.parentKey) ? `${pathOf(item.parentKey)}.${own}` : own;
    paths.set(key, path);
    return path;
  };
  for (const i of items) pathOf(i.key);
  return paths;
}
