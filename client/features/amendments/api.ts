import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AmendmentDto,
  AmendmentListResponse,
  GuidanceDocumentDto,
  GuidanceDocumentListResponse,
  PlanDiffResponse,
  PlanVersionListResponse,
  type AmendmentStatus,
  type ApproveAmendmentRequest,
  type CreateAmendmentRequest,
  type CreateGuidanceDocumentRequest,
  type GuidanceStatus,
  type RejectAmendmentRequest,
} from '../../../shared/contracts/amendments';
import { api, qs } from '../../api/client';

/** Query keys of amendments, versions and guidance documents. */
export const amendmentKeys = {
  all: ['amendments'] as const,
  list: (planId: string, status?: AmendmentStatus) => [...amendmentKeys.all, 'list', planId, status ?? 'all'] as const,
  detail: (planId: string, id: string) => [...amendmentKeys.all, 'detail', planId, id] as const,
};
export const versionKeys = {
  all: ['plan-versions'] as const,
  list: (planId: string) => [...versionKeys.all, 'list', planId] as const,
  diff: (planId: string, from: number, to: number) => [...versionKeys.all, 'diff', planId, from, to] as const,
};
export const guidanceKeys = {
  all: ['guidance'] as const,
  list: (params: { status?: GuidanceStatus; q?: string }) => [...guidanceKeys.all, 'list', params] as const,
};

/** Proposals of a plan (leaders do not see drafts). */
export function useAmendmentsQuery(planId: string | undefined, status?: AmendmentStatus) {
  return useQuery({
    queryKey: amendmentKeys.list(planId ?? '', status),
    queryFn: () => api(`/plans/${planId}/amendments${qs({ status })}`, { schema: AmendmentListResponse }),
    enabled: Boolean(planId),
  });
}

export function useAmendmentQuery(planId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: amendmentKeys.detail(planId ?? '', id ?? ''),
    queryFn: () => api(`/plans/${planId}/amendments/${id}`, { schema: AmendmentDto }),
    enabled: Boolean(planId && id),
  });
}

/**
 * Every step of a proposal answers the proposal; the caches of proposals, versions, the plan
 * (a new version on approval) and the feedback desk (cited items get answered) are refreshed.
 */
function useAmendmentStep<B>(
  planId: string,
  step: (body: B) => { path: string; method: 'POST' | 'PATCH'; body: unknown },
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => {
      const s = step(body);
      return api(s.path, { method: s.method, body: s.body, schema: AmendmentDto });
    },
    onSuccess: (a) => {
      qc.setQueryData(amendmentKeys.detail(planId, a.id), a);
      void qc.invalidateQueries({ queryKey: [...amendmentKeys.all, 'list'] });
      void qc.invalidateQueries({ queryKey: versionKeys.all });
      void qc.invalidateQueries({ queryKey: ['plans'] });
      void qc.invalidateQueries({ queryKey: ['feedback'] });
    },
  });
}

export function useCreateAmendmentMutation(planId: string) {
  return useAmendmentStep<CreateAmendmentRequest>(planId, (body) => ({
    path: `/plans/${planId}/amendments`,
    method: 'POST',
    body,
  }));
}

export function useUpdateAmendmentMutation(planId: string, id: string) {
  return useAmendmentStep<CreateAmendmentRequest>(planId, (body) => ({
    path: `/plans/${planId}/amendments/${id}`,
    method: 'PATCH',
    body,
  }));
}

export function useSubmitAmendmentMutation(planId: string, id: string) {
  return useAmendmentStep<void>(planId, () => ({
    path: `/plans/${planId}/amendments/${id}/submit`,
    method: 'POST',
    body: {},
  }));
}

export function useApproveAmendmentMutation(planId: string, id: string) {
  return useAmendmentStep<ApproveAmendmentRequest>(planId, (body) => ({
    path: `/plans/${planId}/amendments/${id}/approve`,
    method: 'POST',
    body,
  }));
}

export function useRejectAmendmentMutation(planId: string, id: string) {
  return useAmendmentStep<RejectAmendmentRequest>(planId, (body) => ({
    path: `/plans/${planId}/amendments/${id}/reject`,
    method: 'POST',
    body,
  }));
}

/** Versions of a plan, oldest first. */
export function useVersionsQuery(planId: string | undefined) {
  return useQuery({
    queryKey: versionKeys.list(planId ?? ''),
    queryFn: () => api(`/plans/${planId}/versions`, { schema: PlanVersionListResponse }),
    enabled: Boolean(planId),
  });
}

/** Item-by-item comparison of two versions. */
export function useDiffQuery(planId: string | undefined, from: number | null, to: number | null) {
  return useQuery({
    queryKey: versionKeys.diff(planId ?? '', from ?? 0, to ?? 0),
    queryFn: () => api(`/plans/${planId}/diff${qs({ from, to })}`, { schema: PlanDiffResponse }),
    enabled: Boolean(planId && from && to && from !== to),
    placeholderData: keepPreviousData,
  });
}

/** The guidance registry, searched and filtered on the server. */
export function useGuidanceQuery(params: { status?: GuidanceStatus; q?: string } = {}) {
  return useQuery({
    queryKey: guidanceKeys.list(params),
    queryFn: () => api(`/guidance-documents${qs(params)}`, { schema: GuidanceDocumentListResponse }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateGuidanceMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGuidanceDocumentRequest) =>
      api('/guidance-documents', { method: 'POST', body, schema: GuidanceDocumentDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: guidanceKeys.all }),
  });
}
