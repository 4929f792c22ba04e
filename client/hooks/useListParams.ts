import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SortDirection } from '../components/ListControls';
import {
  LIST_PARAMS,
  pageChanges,
  readInt,
  readOneOf,
  readPage,
  readSort,
  sortChanges,
  withChanges,
} from './listParams';

interface ListParamsOptions<Sort extends string> {
  /** The sort keys the list accepts and the one it starts with; omit for a list the server does not sort. */
  sorts?: readonly Sort[];
  defaultSort?: Sort;
  /** The order a column starts in when first clicked, and the list's order without `chieu`. */
  defaultDir?: SortDirection;
  /**
   * When the search box writes the address: at every keystroke (`typed`, the default), or once
   * the typing settles (`settled`, 300 ms), at the same moment the list follows it.
   */
  searchToUrl?: 'typed' | 'settled';
}

/**
 * The state of a list page kept in the address, so a filtered, sorted page can be shared:
 * `q` (search, diacritics-insensitive on the server, sent once typing settles for 300 ms),
 * `trang` (page), `sap-xep`/`chieu` (sort key and order) and the page's own filters through
 * `update`/`text`/`oneOf`/`int`. Every change replaces the history entry; a filter change goes
 * back to page 1. The pure rules are in ./listParams.ts.
 */
export function useListParams<Sort extends string = never>(options: ListParamsOptions<Sort> = {}) {
  const { sorts, defaultSort, defaultDir = 'asc', searchToUrl = 'typed' } = options;
  const [params, setParams] = useSearchParams();

  /** Sets (or, with null or '', removes) address words; unless `resetPage` is false, back to page 1. */
  const update = (changes: Record<string, string | null>, resetPage = true) =>
    setParams((prev) => withChanges(prev, changes, resetPage), { replace: true });

  const [searchText, setSearchText] = useState(params.get(LIST_PARAMS.search) ?? '');
  const [settledSearch] = useDebouncedValue(searchText.trim(), 300);
  const writeSettled = useDebouncedCallback((value: string) => {
    if ((params.get(LIST_PARAMS.search) ?? '') !== value) update({ [LIST_PARAMS.search]: value || null });
  }, 300);
  const onSearch = (value: string) => {
    setSearchText(value);
    if (searchToUrl === 'settled') writeSettled(value.trim());
    else update({ [LIST_PARAMS.search]: value.trim() || null });
  };

  const { sort, dir } = readSort(params, sorts, defaultSort, defaultDir);
  /** A click on a column title: the sorted column flips its order, another starts in the default order. */
  const toggleSort = (key: Sort) => update(sortChanges({ sort, dir }, key, defaultDir));
  const page = readPage(params);

  return {
    params,
    update,
    /** An address word, or undefined. */
    text: (name: string) => params.get(name) ?? undefined,
    oneOf: <T extends string>(name: string, values: readonly T[]) => readOneOf(params, name, values),
    int: (name: string, min: number, max: number) => readInt(params, name, min, max),
    /** The search box's props (`<SearchInput {...list.search} />`). */
    search: { value: searchText, onChange: onSearch },
    /** The settled search to send to the server. */
    q: settledSearch || undefined,
    sort,
    dir,
    toggleSort,
    /** The props of a sorting column title: `<SortableTh label="…" {...list.sortProps('name')} />`. */
    sortProps: (key: Sort) => ({ direction: sort === key ? dir : undefined, onSort: () => toggleSort(key) }),
    page,
    setPage: (p: number) => update(pageChanges(p), false),
  };
}
