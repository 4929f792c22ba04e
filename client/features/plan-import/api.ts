import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PlanImportDto,
  PlanImportListResponse,
  PublishPlanImportResponse,
  type PlanImportOp,
} from '../../../shared/contracts/plan-import';
import { api } from '../../api/client';

/** Query keys of plan imports. */
export const planImportKeys = {
  all: ['plan-imports'] as const,
  list: () => [...planImportKeys.all, 'list'] as const,
  detail: (id: string) => [...planImportKeys.all, 'detail', id] as const,
};

export function usePlanImportsQuery() {
  return useQuery({
    queryKey: planImportKeys.list(),
    queryFn: () => api('/plan-imports', { schema: PlanImportListResponse }),
  });
}

export function usePlanImportQuery(id: string | undefined) {
  return useQuery({
    queryKey: planImportKeys.detail(id ?? ''),
    queryFn: () => api(`/plan-imports/${id}`, { schema: PlanImportDto }),
    enabled: Boolean(id),
  });
}

/** Uploads a file (.docx, PDF, text) or sends pasted text; answers the parsed draft. */
export function useCreatePlanImportMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File } | { text: string }) => {
      if ('file' in input) {
        const form = new FormData();
        form.append('file', input.file);
        return api('/plan-imports', { method: 'POST', body: form, schema: PlanImportDto });
      }
      return api('/plan-imports', { method: 'POST', body: input, schema: PlanImportDto });
    },
    onSuccess: (d) => {
      qc.setQueryData(planImportKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: planImportKeys.list() });
    },
  });
}

/** Corrections to a draft, sent with the version read. */
export function useUpdatePlanImportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; ops: PlanImportOp[] }) =>
      api(`/plan-imports/${id}`, { method: 'PATCH', body, schema: PlanImportDto }),
    onSuccess: (d) => qc.setQueryData(planImportKeys.detail(id), d),
  });
}

export function usePublishPlanImportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api(`/plan-imports/${id}/publish`, { method: 'POST', body: { version }, schema: PublishPlanImportResponse }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: planImportKeys.all });
      void qc.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
