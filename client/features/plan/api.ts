import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PlanDto, PlanItemListResponse, PlanListResponse } from '../../../shared/contracts/plans';
import { TargetListResponse } from '../../../shared/contracts/targets';
import { api, qs } from '../../api/client';

/** Query keys of the plan feature. */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  detail: (id: string) => [...planKeys.all, 'detail', id] as const,
  items: (id: string, params: { q?: string; mine?: boolean }) => [...planKeys.all, 'items', id, params] as const,
  targets: (id: string, version?: number) => [...planKeys.all, 'targets', id, version ?? 'in-force'] as const,
};

/** The plans this account can read (today: Kế hoạch 1953/KH-UBND). */
export function usePlansQuery() {
  return useQuery({
    queryKey: planKeys.list(),
    queryFn: () => api('/plans', { schema: PlanListResponse }),
    staleTime: 5 * 60_000,
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

/** The plan the product runs: the first (and today only) plan, with its full record. */
export function useCurrentPlanQuery() {
  const plans = usePlansQuery();
  const id = plans.data?.data[0]?.id;
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
