import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ConsolidationDto,
  ImportResultDto,
  JobStateDto,
  type GenerateConsolidationRequest,
  type UpdateConsolidationRequest,
} from '../../../shared/contracts/consolidation';
import { CycleListResponse, ReportDto } from '../../../shared/contracts/reporting';
import { api, ApiError } from '../../api/client';

/** Query keys of the consolidation feature. */
export const consolidationKeys = {
  all: ['consolidation'] as const,
  draft: (cycleId: string) => [...consolidationKeys.all, 'draft', cycleId] as const,
  cycles: () => [...consolidationKeys.all, 'cycles'] as const,
  myReports: () => [...consolidationKeys.all, 'my-reports'] as const,
};

const isRunning = (d: ConsolidationDto | null | undefined) =>
  Boolean(d?.job && (d.job.status === 'queued' || d.job.status === 'running'));

/** The draft of a cycle, or null before the first generation; polls while a job runs. */
export function useConsolidationQuery(cycleId: string) {
  return useQuery({
    queryKey: consolidationKeys.draft(cycleId),
    queryFn: async () => {
      try {
        return await api(`/cycles/${cycleId}/consolidation`, { schema: ConsolidationDto });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
    refetchInterval: (q) => (isRunning(q.state.data) ? 600 : false),
  });
}

/** Starts (or refreshes) the generation job. */
export function useGenerateMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NonNullable<GenerateConsolidationRequest>) =>
      api(`/cycles/${cycleId}/consolidation`, { method: 'POST', body, schema: ConsolidationDto }),
    onSuccess: (d) => qc.setQueryData(consolidationKeys.draft(cycleId), d),
  });
}

/** Sends edits; the caller keeps the version current. */
export function useUpdateMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateConsolidationRequest) =>
      api(`/cycles/${cycleId}/consolidation`, { method: 'PATCH', body, schema: ConsolidationDto }),
    onSuccess: (d) => qc.setQueryData(consolidationKeys.draft(cycleId), d),
  });
}

/** Approves the draft as it stands (its version) for signature. */
export function useApproveMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api(`/cycles/${cycleId}/consolidation/approve`, { method: 'POST', body: { version }, schema: ConsolidationDto }),
    onSuccess: (d) => qc.setQueryData(consolidationKeys.draft(cycleId), d),
  });
}

/** Starts rendering the Word file. */
export function useRenderMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/cycles/${cycleId}/consolidation/document`, { method: 'POST', schema: z.object({ job: JobStateDto }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: consolidationKeys.draft(cycleId) }),
  });
}

/** Reporting cycles (for the list of consolidations). */
export function useCyclesQuery() {
  return useQuery({
    queryKey: consolidationKeys.cycles(),
    queryFn: () => api('/cycles', { schema: CycleListResponse }),
  });
}

/** The signed-in unit's reports of the open cycles it reports in. */
export function useMyReportsQuery() {
  return useQuery({
    queryKey: consolidationKeys.myReports(),
    queryFn: async () => {
      const cycles = await api('/cycles?status=open', { schema: CycleListResponse });
      const mine = cycles.data.filter((c) => c.isExpected);
      return Promise.all(mine.map((c) => api(`/cycles/${c.id}/my-report`, { schema: ReportDto })));
    },
  });
}

/** Uploads a filled template into a report's draft. */
export function useImportMutation(reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api(`/reports/${reportId}/import.xlsx`, { method: 'POST', body: form, schema: ImportResultDto });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: consolidationKeys.myReports() }),
  });
}
