import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EvidenceDto } from '../../../shared/contracts/registries';
import {
  RecordDto,
  RecordImportResponse,
  RecordListResponse,
  type CreateRecordRequest,
  type ListRecordsQuery,
  type UpdateRecordRequest,
} from '../../../shared/contracts/registry-records';
import { api, qs } from '../../api/client';
import { enterpriseKeys } from './api';

export type RecordListParams = Partial<ListRecordsQuery> & { kind: string };
const BASE = '/registries/records';

export const recordKeys = {
  all: ['registry-records'] as const,
  list: (params: RecordListParams) => [...recordKeys.all, 'list', params] as const,
  detail: (id: string) => [...recordKeys.all, 'detail', id] as const,
};

export function useRecordsQuery(params: RecordListParams) {
  return useQuery({
    queryKey: recordKeys.list(params),
    queryFn: ({ signal }) => api(`${BASE}${qs({ ...params })}`, { schema: RecordListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordQuery(id: string | undefined) {
  return useQuery({
    queryKey: recordKeys.detail(id ?? ''),
    queryFn: () => api(`${BASE}/${id}`, { schema: RecordDto }),
    enabled: Boolean(id),
  });
}

function useSaved() {
  const qc = useQueryClient();
  return (item: RecordDto) => {
    qc.setQueryData(recordKeys.detail(item.id), item);
    void qc.invalidateQueries({ queryKey: [...recordKeys.all, 'list'] });
  };
}

export function useCreateRecordMutation() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CreateRecordRequest) => api(BASE, { method: 'POST', body, schema: RecordDto }),
    onSuccess: saved,
  });
}

export function useUpdateRecordMutation(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: UpdateRecordRequest) => api(`${BASE}/${id}`, { method: 'PATCH', body, schema: RecordDto }),
    onSuccess: saved,
  });
}

export function recordsExportUrl(params: RecordListParams): string {
  return `/api/v1${BASE}/export.xlsx${qs({ ...params, page: undefined, pageSize: undefined })}`;
}

export function useImportRecordsMutation(kind: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api(`${BASE}/import.xlsx${qs({ kind })}`, { method: 'POST', body: form, schema: RecordImportResponse });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: recordKeys.all }),
  });
}

/** Where an owner's evidence files live: a record's or an enterprise's. */
export type EvidenceOwner = { type: 'record' | 'enterprise'; id: string };
const evidenceBase = (o: EvidenceOwner) =>
  `/registries/${o.type === 'record' ? 'records' : 'enterprises'}/${o.id}/attachments`;

export function evidenceUrl(owner: EvidenceOwner, attachmentId: string): string {
  return `/api/v1${evidenceBase(owner)}/${attachmentId}`;
}

/** Adding or removing a file refreshes the owner's page (its list and history). */
function useRefreshOwner(owner: EvidenceOwner) {
  const qc = useQueryClient();
  return () =>
    qc.invalidateQueries({
      queryKey: owner.type === 'record' ? recordKeys.detail(owner.id) : enterpriseKeys.detail(owner.id),
    });
}

export function useAddEvidenceMutation(owner: EvidenceOwner) {
  const refresh = useRefreshOwner(owner);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api(evidenceBase(owner), { method: 'POST', body: form, schema: EvidenceDto });
    },
    onSuccess: refresh,
  });
}

export function useDeleteEvidenceMutation(owner: EvidenceOwner) {
  const refresh = useRefreshOwner(owner);
  return useMutation({
    mutationFn: (attachmentId: string) => api(`${evidenceBase(owner)}/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
