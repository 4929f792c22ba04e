import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EnterpriseDto,
  EnterpriseImportResponse,
  EnterpriseListResponse,
  LookupEnterpriseResponse,
  type CreateEnterpriseRequest,
  type CreateObservationRequest,
  type ListEnterprisesQuery,
  type UpdateEnterpriseRequest,
} from '../../../shared/contracts/registries';
import { taxCodeProblem } from '../../../shared/tax-code';
import { api, qs } from '../../api/client';

export type EnterpriseListParams = Partial<ListEnterprisesQuery>;
const BASE = '/registries/enterprises';

/** Query keys of the enterprise registry. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (params: EnterpriseListParams) => [...enterpriseKeys.all, 'list', params] as const,
  detail: (id: string) => [...enterpriseKeys.all, 'detail', id] as const,
  lookup: (taxCode: string) => [...enterpriseKeys.all, 'lookup', taxCode] as const,
};

/** The province-wide list. */
export function useEnterprisesQuery(params: EnterpriseListParams) {
  return useQuery({
    queryKey: enterpriseKeys.list(params),
    queryFn: ({ signal }) => api(`${BASE}${qs({ ...params })}`, { schema: EnterpriseListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One record with its observations and history. */
export function useEnterpriseQuery(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: () => api(`${BASE}/${id}`, { schema: EnterpriseDto }),
    enabled: Boolean(id),
  });
}

/** The firm already registered with this tax code, looked up once the code is valid. */
export function useLookupQuery(taxCode: string) {
  const valid = taxCode !== '' && taxCodeProblem(taxCode) === null;
  return useQuery({
    queryKey: enterpriseKeys.lookup(taxCode),
    queryFn: () => api(`${BASE}/lookup${qs({ taxCode })}`, { schema: LookupEnterpriseResponse }),
    enabled: valid,
  });
}

function useSaved() {
  const qc = useQueryClient();
  return (item: EnterpriseDto) => {
    qc.setQueryData(enterpriseKeys.detail(item.id), item);
    void qc.invalidateQueries({ queryKey: [...enterpriseKeys.all, 'list'] });
  };
}

/** Adds a record; a tax code already registered answers the existing one. */
export function useCreateEnterpriseMutation() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CreateEnterpriseRequest) => api(BASE, { method: 'POST', body, schema: EnterpriseDto }),
    onSuccess: saved,
  });
}

export function useUpdateEnterpriseMutation(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: UpdateEnterpriseRequest) =>
      api(`${BASE}/${id}`, { method: 'PATCH', body, schema: EnterpriseDto }),
    onSuccess: saved,
  });
}

export function useAddObservationMutation(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CreateObservationRequest) =>
      api(`${BASE}/${id}/observations`, { method: 'POST', body, schema: EnterpriseDto }),
    onSuccess: saved,
  });
}

/** Address of the export with the list's filters. */
export function exportUrl(params: EnterpriseListParams): string {
  return `/api/v1${BASE}/export.xlsx${qs({ ...params, page: undefined, pageSize: undefined })}`;
}

export function useImportMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api(`${BASE}/import.xlsx`, { method: 'POST', body: form, schema: EnterpriseImportResponse });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}
