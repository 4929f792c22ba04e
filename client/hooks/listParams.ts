import type { SortDirection } from '../components/ListControls';

/** The address words every list shares; a page's own filters keep their own (Vietnamese) names. */
export const LIST_PARAMS = { search: 'q', page: 'trang', sort: 'sap-xep', dir: 'chieu' } as const;

/**
 * The address after a change: each word set, or removed when its value is null or ''; unless
 * `resetPage` is false, the page word goes too (a new filter starts at page 1).
 */
export function withChanges(
  prev: URLSearchParams,
  changes: Record<string, string | null>,
  resetPage = true,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  if (resetPage) next.delete(LIST_PARAMS.page);
  return next;
}

export const flipDir = (dir: SortDirection): SortDirection => (dir === 'asc' ? 'desc' : 'asc');

/** The sort the address asks for: a known key (else the default) and an order (else the default). */
export function readSort<Sort extends string>(
  params: URLSearchParams,
  sorts: readonly Sort[] | undefined,
  defaultSort: Sort | undefined,
  defaultDir: SortDirection,
): { sort: Sort; dir: SortDirection } {
  const asked = params.get(LIST_PARAMS.sort);
  const sort = (sorts && asked !== null && (sorts as readonly string[]).includes(asked) ? asked : defaultSort) as Sort;
  const dir = params.get(LIST_PARAMS.dir) === flipDir(defaultDir) ? flipDir(defaultDir) : defaultDir;
  return { sort, dir };
}

/**
 * The address words after a click on the title of column `key`: the sorted column flips its
 * order, another column starts in the default order (which leaves `chieu` out of the address).
 */
export function sortChanges<Sort extends string>(
  current: { sort: Sort; dir: SortDirection },
  key: Sort,
  defaultDir: SortDirection,
): Record<string, string | null> {
  return {
    [LIST_PARAMS.sort]: key,
    [LIST_PARAMS.dir]: current.sort === key && current.dir === defaultDir ? flipDir(defaultDir) : null,
  };
}

/** The page the address asks for (1 when absent or not a page number). */
export function readPage(params: URLSearchParams): number {
  return Math.max(1, Number(params.get(LIST_PARAMS.page)) || 1);
}

/** The page word of the address: absent for page 1. */
export function pageChanges(page: number): Record<string, string | null> {
  return { [LIST_PARAMS.page]: page > 1 ? String(page) : null };
}

/** A whole number within [min, max] from the address, or undefined. */
export function readInt(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** One of `values` from the address, or undefined. */
export function readOneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = params.get(name);
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}
