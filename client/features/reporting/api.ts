import type { z } from 'zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { PlanListResponse } from '../../../shared/contracts/plans';
import { ImportResultDto } from '../../../shared/contracts/consolidation';
import {
  AttachmentDto,
  AttachmentListResponse,
  BulkAcceptResponse,
  CompletenessResponse,
  CycleDto,
  CycleListResponse,
  ExpectedUnitsResponse,
  ExtensionDto,
  ExtensionListResponse,
  ReminderListResponse,
  ReportDiffResponse,
  IndicatorListResponse,
  ReportDto,
  ReportSavedDto,
  ReportHistoryResponse,
  ReportListResponse,
  SendRemindersResponse,
  type ChangeExpectedUnitRequest,
  type ChangeUnitSectionsRequest,
  type CompletenessQuery,
  type CreateCycleRequest,
  type CreateExtensionRequest,
  type CycleStatus,
  type ListReportsQuery,
  type SaveReportRequest,
  type SendRemindersRequest,
  type UpdateCycleRequest,
} from '../../../shared/contracts/reporting';
import { api, qs } from '../../api/client';

export type CompletenessParams = Partial<CompletenessQuery>;
export type ReportListParams = Partial<ListReportsQuery>;

/** Query keys of the reporting feature (cycles, board, reports). */
export const reportingKeys = {
  all: ['reporting'] as const,
  plans: () => [...reportingKeys.all, 'plans'] as const,
  cycles: (params: { status?: CycleStatus; year?: number; planId?: string } = {}) =>
    [...reportingKeys.all, 'cycles', params] as const,
  cycle: (id: string) => [...reportingKeys.all, 'cycle', id] as const,
  expected: (id: string) => [...reportingKeys.all, 'cycle', id, 'expected'] as const,
  extensions: (id: string) => [...reportingKeys.all, 'cycle', id, 'extensions'] as const,
  completeness: (id: string, params: CompletenessParams) =>
    [...reportingKeys.all, 'cycle', id, 'completeness', params] as const,
  reminders: (id: string) => [...reportingKeys.all, 'cycle', id, 'reminders'] as const,
  reports: (params: ReportListParams) => [...reportingKeys.all, 'reports', params] as const,
  report: (id: string) => [...reportingKeys.all, 'report', id] as const,
  history: (id: string) => [...reportingKeys.all, 'report', id, 'history'] as const,
  diff: (id: string, from: number, to: number) => [...reportingKeys.all, 'report', id, 'diff', from, to] as const,
  attachments: (id: string) => [...reportingKeys.all, 'report', id, 'attachments'] as const,
  derived: (id: string) => [...reportingKeys.all, 'report', id, 'derived'] as const,
};

/* ───────────────────────────── cycles ───────────────────────────── */

/** The plans a cycle can be created for. */
export function usePlansQuery() {
  return useQuery({
    queryKey: reportingKeys.plans(),
    queryFn: () => api('/plans', { schema: PlanListResponse }),
    staleTime: 5 * 60_000,
  });
}

/** Cycles, newest year first. */
export function useCyclesQuery(params: { status?: CycleStatus; year?: number; planId?: string } = {}) {
  return useQuery({
    queryKey: reportingKeys.cycles(params),
    queryFn: ({ signal }) => api(`/cycles${qs(params)}`, { schema: CycleListResponse, signal }),
  });
}

export function useCycleQuery(id: string | undefined) {
  return useQuery({
    queryKey: reportingKeys.cycle(id ?? ''),
    queryFn: ({ signal }) => api(`/cycles/${id}`, { schema: CycleDto, signal }),
    enabled: Boolean(id),
  });
}

/** The indicator catalogue, for choosing a cycle's form. */
export function useIndicatorsQuery(enabled = true) {
  return useQuery({
    queryKey: [...reportingKeys.all, 'indicators'] as const,
    queryFn: ({ signal }) => api('/indicators', { schema: IndicatorListResponse, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateCycleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCycleRequest>) =>
      api('/cycles', { method: 'POST', body, schema: CycleDto }),
    onSuccess: (cycle) => {
      qc.setQueryData(reportingKeys.cycle(cycle.id), cycle);
      return qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'cycles'] });
    },
  });
}

/** Dates, grace days or form of a draft cycle. */
export function useUpdateCycleMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCycleRequest) => api(`/cycles/${id}`, { method: 'PATCH', body, schema: CycleDto }),
    onSuccess: (cycle) => {
      qc.setQueryData(reportingKeys.cycle(id), cycle);
      return qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'cycles'] });
    },
  });
}

export function useExpectedUnitsQuery(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.expected(id ?? ''),
    queryFn: ({ signal }) => api(`/cycles/${id}/expected-units`, { schema: ExpectedUnitsResponse, signal }),
    enabled: Boolean(id) && enabled,
  });
}

/** Adds or removes an expected unit before opening (reason logged). */
export function useChangeExpectedUnitMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeExpectedUnitRequest) =>
      api(`/cycles/${id}/expected-units`, { method: 'POST', body, schema: ExpectedUnitsResponse }),
    onSuccess: (data) => {
      qc.setQueryData(reportingKeys.expected(id), data);
      return qc.invalidateQueries({ queryKey: reportingKeys.cycle(id), exact: true });
    },
  });
}

/** Adds or removes one plan item of one expected unit's form, with a reason, before opening. */
export function useChangeUnitSectionsMutation(id: string, orgUnitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeUnitSectionsRequest) =>
      api(`/cycles/${id}/expected-units/${orgUnitId}/sections`, {
        method: 'POST',
        body,
        schema: ExpectedUnitsResponse,
      }),
    onSuccess: (data) => qc.setQueryData(reportingKeys.expected(id), data),
  });
}

/** A step of a cycle's life: open (freezes form and units), close, reopen. */
export function useCycleStepMutation(id: string, step: 'open' | 'close' | 'reopen') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/cycles/${id}/${step}`, { method: 'POST', schema: CycleDto }),
    onSuccess: (cycle) => {
      qc.setQueryData(reportingKeys.cycle(id), cycle);
      return qc.invalidateQueries({ queryKey: reportingKeys.all });
    },
  });
}

export function useExtensionsQuery(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.extensions(id ?? ''),
    queryFn: ({ signal }) => api(`/cycles/${id}/extensions`, { schema: ExtensionListResponse, signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useCreateExtensionMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExtensionRequest) =>
      api(`/cycles/${id}/extensions`, { method: 'POST', body, schema: ExtensionDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.cycle(id) }),
  });
}

/** The board: the seven counts, the counts by kind and one page of units. */
export function useCompletenessQuery(id: string | undefined, params: CompletenessParams, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.completeness(id ?? '', params),
    queryFn: ({ signal }) =>
      api(`/cycles/${id}/completeness${qs({ ...params })}`, { schema: CompletenessResponse, signal }),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRemindersQuery(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.reminders(id ?? ''),
    queryFn: ({ signal }) => api(`/cycles/${id}/reminders`, { schema: ReminderListResponse, signal }),
    enabled: Boolean(id) && enabled,
  });
}

/** Reminds now every unit that has not submitted (never one that has). */
export function useSendRemindersMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SendRemindersRequest) =>
      api(`/cycles/${id}/reminders`, { method: 'POST', body, schema: SendRemindersResponse }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.cycle(id) }),
  });
}

/* ───────────────────────────── reports ───────────────────────────── */

/** Reports the account may read; a unit officer's report for a cycle is created on first read. */
export function useReportsQuery(params: ReportListParams, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.reports(params),
    queryFn: ({ signal }) => api(`/reports${qs({ ...params })}`, { schema: ReportListResponse, signal }),
    enabled,
  });
}

export function useReportQuery(id: string | undefined) {
  return useQuery({
    queryKey: reportingKeys.report(id ?? ''),
    queryFn: ({ signal }) => api(`/reports/${id}`, { schema: ReportDto, signal }),
    enabled: Boolean(id),
  });
}

/**
 * After a submission or a review: the cache takes the report from the answer (the whole report),
 * and every other reporting query (lists, the board, the history) is read again — not the report
 * itself, which would fetch the same thing a second time.
 */
function afterChange(qc: QueryClient, report: ReportDto) {
  const key = reportingKeys.report(report.id);
  qc.setQueryData(key, report);
  return qc.invalidateQueries({
    queryKey: reportingKeys.all,
    predicate: (q) => !(q.queryKey.length === key.length && q.queryKey.every((part, i) => part === key[i])),
  });
}

/**
 * Saves the draft (whole content), asking for the short answer (`Prefer: return=minimal`): the
 * form already holds what it sent, so the cached report takes that content with the new version
 * and who saved, and the next save carries the version. A stale version answers 409 and the page
 * offers to reload.
 */
export function useSaveReportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReportRequest) =>
      api(`/reports/${id}`, { method: 'PUT', body, headers: { prefer: 'return=minimal' }, schema: ReportSavedDto }),
    onSuccess: (saved, body) => {
      qc.setQueryData<ReportDto>(reportingKeys.report(id), (old) =>
        old
          ? {
              ...old,
              ...saved,
              values: body.values.filter((v) => v.value !== null && v.value !== ''),
              sections: body.sections,
              otherResults: body.otherResults ?? old.otherResults,
              proposalsToCommittee: body.proposalsToCommittee ?? old.proposalsToCommittee,
            }
          : old,
      );
      void qc.invalidateQueries({ queryKey: reportingKeys.history(id) });
    },
  });
}

/** Submits with an Idempotency-Key, so a retried click records one submission. */
export function useSubmitReportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, key }: { version: number; key: string }) =>
      api(`/reports/${id}/submit`, {
        method: 'POST',
        body: { version },
        headers: { 'idempotency-key': key },
        schema: ReportDto,
      }),
    onSuccess: (report) => afterChange(qc, report),
  });
}

export function useReturnReportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api(`/reports/${id}/return`, { method: 'POST', body: { reason }, schema: ReportDto }),
    onSuccess: (report) => afterChange(qc, report),
  });
}

export function useAcceptReportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/reports/${id}/accept`, { method: 'POST', schema: ReportDto }),
    onSuccess: (report) => afterChange(qc, report),
  });
}

export function useBulkAcceptMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reportIds: string[]) =>
      api('/reports/accept', { method: 'POST', body: { reportIds }, schema: BulkAcceptResponse }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.all }),
  });
}

export function useReportHistoryQuery(id: string | undefined) {
  return useQuery({
    queryKey: reportingKeys.history(id ?? ''),
    queryFn: ({ signal }) => api(`/reports/${id}/history`, { schema: ReportHistoryResponse, signal }),
    enabled: Boolean(id),
  });
}

export function useReportDiffQuery(id: string | undefined, from: number | null, to: number | null) {
  return useQuery({
    queryKey: reportingKeys.diff(id ?? '', from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api(`/reports/${id}/diff${qs({ from, to })}`, { schema: ReportDiffResponse, signal }),
    enabled: Boolean(id) && from !== null && to !== null && from !== to,
  });
}

export function useAttachmentsQuery(id: string | undefined) {
  return useQuery({
    queryKey: reportingKeys.attachments(id ?? ''),
    queryFn: ({ signal }) => api(`/reports/${id}/attachments`, { schema: AttachmentListResponse, signal }),
    enabled: Boolean(id),
  });
}

/** Uploads one file (multipart); the server checks the type from the content and the size. */
export function useUploadAttachmentMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api(`/reports/${id}/attachments`, { method: 'POST', body: form, schema: AttachmentDto });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.attachments(id) }),
  });
}

/** Address of an attachment's download. */
/** Removes an attachment from an editable report (the server refuses once the report is submitted). */
export function useRemoveAttachmentMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api(`/reports/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.attachments(id) }),
  });
}

export function attachmentUrl(reportId: string, attachmentId: string): string {
  return `/api/v1/reports/${reportId}/attachments/${attachmentId}`;
}

/** What an Excel import sends besides the file. */
export interface ImportRequest {
  file: File;
  clearBlanks: boolean;
  resolve?: 'file' | 'current';
  choices?: Record<string, 'file' | 'current'>;
}

/** Imports a filled Excel template; conflicts with newer work come back unapplied (status "conflicts"). */
export function useImportReportMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, clearBlanks, resolve, choices }: ImportRequest) => {
      const form = new FormData();
      if (clearBlanks) form.append('clearBlanks', 'true');
      if (resolve) form.append('resolve', resolve);
      if (choices && Object.keys(choices).length > 0) form.append('choices', JSON.stringify(choices));
      form.append('file', file);
      return api(`/reports/${id}/import.xlsx`, { method: 'POST', body: form, schema: ImportResultDto });
    },
    onSuccess: (result) => {
      if (result.changed > 0) void qc.invalidateQueries({ queryKey: reportingKeys.history(id) });
    },
  });
}

/** The report's downloads: its Word file and its Excel template. */
export const reportFileUrl = (id: string, kind: 'docx' | 'xlsx') =>
  `/api/v1/reports/${id}/${kind === 'docx' ? 'document.docx' : 'template.xlsx'}`;
