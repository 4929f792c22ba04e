import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PlanDto,
  PlanItemListResponse,
  PlanLineageDto,
  PlanListResponse,
  PlanSummaryDto,
  type EndPlanRequest,
  type PlansQuery,
  type ReplacePlansRequest,
} from '../../../shared/contracts/plans';
import { TargetListResponse } from '../../../shared/contracts/targets';
import { api, qs } from '../../api/client';

/** Query keys of the plan feature. */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  search: (params: Partial<PlansQuery>) => [...planKeys.all, 'list', params] as const,
  lineage: (id: string) => [...planKeys.all, 'lineage', id] as const,
  detail: (id: string) => [...planKeys.all, 'detail', id] as const,
  items: (id: string, params: { q?: string; mine?: boolean }) => [...planKeys.all, 'items', id, params] as const,
  targets: (id: string, version?: number) => [...planKeys.all, 'targets', id, version ?? 'in-force'] as const,
};

/** Plans searched (without diacritics), filtered by status and sorted on the server: the plans list. */
export function usePlanSearchQuery(params: Partial<PlansQuery>) {
  return useQuery({
    queryKey: planKeys.search(params),
    queryFn: ({ signal }) => api(`/plans${qs(params)}`, { schema: PlanListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A plan's lineage: the plans it replaces and the plans replacing it, with dates. */
export function usePlanLineageQuery(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.lineage(id ?? ''),
    queryFn: () => api(`/plans/${id}/lineage`, { schema: PlanLineageDto }),
    enabled: Boolean(id),
  });
}

/** Records that a plan replaces others from a date (confirmed first on the page). */
export function useReplacePlansMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplacePlansRequest) =>
      api(`/plans/${id}/replacements`, { method: 'POST', body, schema: PlanSummaryDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** Ends a plan from a day, with the reason (confirmed first on the page). */
export function useEndPlanMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EndPlanRequest) => api(`/plans/${id}/end`, { method: 'POST', body, schema: PlanSummaryDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** Every plan this account can read, oldest first (the seed plan 1953/KH-UBND first); disabled without an account. */
export function usePlansQuery(enabled = true) {
  return useQuery({
    queryKey: planKeys.list(),
    queryFn: () => api('/plans', { schema: PlanListResponse }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** One plan with its item tree and assignments. */
export function usePlanQuery(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: () => api(`/plans/${id}`, { schema: PlanDto }),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/**
 * The plan a page shows: the one named (`/ke-hoach/:id`), else the first plan (the seed plan,
 * which the pages that know one plan only — registries, the unit's sections — keep reading).
 */
export function useCurrentPlanQuery(named?: string) {
  const plans = usePlansQuery();
  const id = named ?? plans.data?.data[0]?.id;
  const plan = usePlanQuery(id);
  return { plans, plan, id };
}

/**
 * Items matching a diacritics-insensitive search and/or held by the signed-in unit
 * (server-side: GET /plans/:id/items?q=&mine=true). Disabled when neither filter is set.
 */
export function usePlanItemsQuery(id: string | undefined, params: { q?: string; mine?: boolean }) {
  const q = params.q?.trim() || undefined;
  const mine = params.mine || undefined;
  return useQuery({
    queryKey: planKeys.items(id ?? '', { q, mine }),
    queryFn: ({ signal }) =>
      api(`/plans/${id}/items${qs({ q, mine: mine ? 'true' : undefined })}`, { schema: PlanItemListResponse, signal }),
    enabled: Boolean(id) && Boolean(q || mine),
    placeholderData: keepPreviousData,
  });
}

/** The plan's targets (GET /plans/:id/targets): of the version in force, or of `version`. */
export function useTargetsQuery(id: string | undefined, version?: number) {
  return useQuery({
    queryKey: planKeys.targets(id ?? '', version),
    queryFn: ({ signal }) =>
      api(`/plans/${id}/targets${qs({ version: version ? String(version) : undefined })}`, {
        schema: TargetListResponse,
        signal,
      }),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
