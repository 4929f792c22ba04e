import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { CompletenessUnitDto, UnitKindGroup } from '../../../shared/contracts/reporting';
import type { SortDirection } from '../../components/ListControls';
import { useCompletenessQuery } from './api';
import type { BoardSortKey, StatusFilter } from './boardModel';

const PAGE_SIZE = 50;

/** The board's filters as the user sets them. */
export interface BoardFilters {
  q: string;
  status: StatusFilter | '';
  kindGroup: UnitKindGroup | '';
}

/** The board's list: search (debounced), filters, sort and page, back to page 1 when any of them changes. */
export function useBoardQuery(cycleId: string) {
  const [filters, setFilters] = useState<BoardFilters>({ q: '', status: '', kindGroup: '' });
  const [debouncedQ] = useDebouncedValue(filters.q.trim(), 300);
  const [sort, setSort] = useState<{ key: BoardSortKey; dir: SortDirection }>({ key: 'name', dir: 'asc' });
  // The page belongs to one list: a new search, filter or sort starts again at page 1.
  const listKey = JSON.stringify([debouncedQ, filters.status, filters.kindGroup, sort]);
  const [paged, setPaged] = useState({ listKey, page: 1 });
  const page = paged.listKey === listKey ? paged.page : 1;
  const setPage = (next: number) => setPaged({ listKey, page: next });

  const board = useCompletenessQuery(cycleId, {
    q: debouncedQ || undefined,
    status: filters.status || undefined,
    kindGroup: filters.kindGroup || undefined,
    sort: sort.key,
    dir: sort.dir,
    page,
    pageSize: PAGE_SIZE,
  });

  const changeFilters = (change: Partial<BoardFilters>) => setFilters((current) => ({ ...current, ...change }));
  return { board, filters, changeFilters, sort, setSort, page, setPage };
}

/** The submitted reports ticked for accepting together, by report id. */
export function useBoardSelection() {
  const [selected, setSelected] = useState<Map<string, CompletenessUnitDto>>(new Map());
  const toggle = (row: CompletenessUnitDto, isOn: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      if (isOn) next.set(row.reportId!, row);
      else next.delete(row.reportId!);
      return next;
    });
  return { selected, toggle, clear: () => setSelected(new Map()) };
}
