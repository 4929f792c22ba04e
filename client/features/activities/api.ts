import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActivityDto,
  ActivityListResponse,
  DetailedPlanListResponse,
  MyDetailedPlanResponse,
  type CreateActivityRequest,
  type ListActivitiesQuery,
  type SaveDetailedPlanRequest,
  type UpdateActivityRequest,
} from '../../../shared/contracts/activities';
import { api, qs } from '../../api/client';

export type ActivityListParams = Partial<ListActivitiesQuery>;

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => [...activityKeys.all, 'list', params] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
  myPlan: ['activities', 'detailed-plan', 'mine'] as const,
  plans: ['activities', 'detailed-plans'] as const,
};

export function useActivitiesQuery(params: ActivityListParams) {
  return useQuery({
    queryKey: activityKeys.list(params),
    queryFn: ({ signal }) => api(`/activities${qs({ ...params })}`, { schema: ActivityListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActivityQuery(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    queryFn: () => api(`/activities/${id}`, { schema: ActivityDto }),
    enabled: Boolean(id),
  });
}

function useSaved() {
  const qc = useQueryClient();
  return (item: ActivityDto) => {
    qc.setQueryData(activityKeys.detail(item.id), item);
    void qc.invalidateQueries({ queryKey: [...activityKeys.all, 'list'] });
  };
}

export function useCreateActivityMutation() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CreateActivityRequest) => api('/activities', { method: 'POST', body, schema: ActivityDto }),
    onSuccess: saved,
  });
}

export function useUpdateActivityMutation(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: UpdateActivityRequest) =>
      api(`/activities/${id}`, { method: 'PATCH', body, schema: ActivityDto }),
    onSuccess: saved,
  });
}

export function useAddNoteMutation(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (note: { date: string; text: string; files: File[] }) => {
      const form = new FormData();
      form.append('date', note.date);
      form.append('text', note.text);
      for (const f of note.files) form.append('files', f, f.name);
      return api(`/activities/${id}/notes`, { method: 'POST', body: form, schema: ActivityDto });
    },
    onSuccess: saved,
  });
}

export function exportUrl(params: ActivityListParams): string {
  return `/api/v1/activities/export.xlsx${qs({ ...params, page: undefined, pageSize: undefined })}`;
}

export const fileUrl = (activityId: string, fileId: string) => `/api/v1/activities/${activityId}/files/${fileId}`;
export const signedFileUrl = (planId: string) => `/api/v1/detailed-plans/${planId}/file`;

export function useMyDetailedPlanQuery() {
  return useQuery({
    queryKey: activityKeys.myPlan,
    queryFn: () => api('/detailed-plans/mine', { schema: MyDetailedPlanResponse }),
  });
}

export function useDetailedPlansQuery() {
  return useQuery({
    queryKey: activityKeys.plans,
    queryFn: () => api('/detailed-plans', { schema: DetailedPlanListResponse }),
  });
}

export function useSaveDetailedPlanMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveDetailedPlanRequest) =>
      api('/detailed-plans/mine', { method: 'PUT', body, schema: MyDetailedPlanResponse }),
    onSuccess: (data) => qc.setQueryData(activityKeys.myPlan, data),
  });
}

export function useUploadSignedFileMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api('/detailed-plans/mine/file', { method: 'POST', body: form, schema: MyDetailedPlanResponse });
    },
    onSuccess: (data) => qc.setQueryData(activityKeys.myPlan, data),
  });
}
