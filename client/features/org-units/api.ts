import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { OrgUnitDetailDto, OrgUnitListResponse, type ListOrgUnitsQuery } from '../../../shared/contracts/org-units';
import { api, qs } from '../../api/client';

/** The list query of GET /org-units, as the pages set it. */
export type OrgUnitListParams = Partial<ListOrgUnitsQuery>;

/** Query keys of the units feature. */
export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (params: OrgUnitListParams) => [...orgUnitKeys.all, 'list', params] as const,
  detail: (id: string) => [...orgUnitKeys.all, 'detail', id] as const,
};

/** Units valid on a date (default: today), searched without diacritics, one page. */
export function useOrgUnitsQuery(params: OrgUnitListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: orgUnitKeys.list(params),
    queryFn: ({ signal }) => api(`/org-units${qs({ ...params })}`, { schema: OrgUnitListResponse, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** One unit with its parent, predecessors and successors. */
export function useOrgUnitQuery(id: string | undefined) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? ''),
    queryFn: () => api(`/org-units/${id}`, { schema: OrgUnitDetailDto }),
    enabled: Boolean(id),
  });
}
