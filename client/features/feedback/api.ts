import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateFeedbackResponse,
  FeedbackDto,
  FeedbackListResponse,
  FeedbackTrackingResponse,
  ForwardTargetsResponse,
  PublishedFeedbackListResponse,
  type ListFeedbackQuery,
  type TriageFeedbackRequest,
} from '../../../shared/contracts/feedback';
import { api, qs } from '../../api/client';

export type FeedbackListParams = Partial<ListFeedbackQuery>;

/** Query keys of the feedback desk. */
export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (params: FeedbackListParams) => [...feedbackKeys.all, 'list', params] as const,
  detail: (id: string) => [...feedbackKeys.all, 'detail', id] as const,
  track: (code: string) => [...feedbackKeys.all, 'track', code] as const,
  published: (page: number) => [...feedbackKeys.all, 'published', page] as const,
  forwardTargets: () => [...feedbackKeys.all, 'forward-targets'] as const,
};

/** The departments a desk item can be forwarded to ("Chuyển đến"), for the focal department. */
export function useForwardTargetsQuery(enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.forwardTargets(),
    queryFn: ({ signal }) => api('/feedback/forward-targets', { schema: ForwardTargetsResponse, signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The desk: the focal department sees every item, a unit its own and those forwarded to it. */
export function useFeedbackListQuery(params: FeedbackListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: feedbackKeys.list(params),
    queryFn: ({ signal }) => api(`/feedback${qs({ ...params })}`, { schema: FeedbackListResponse, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** One item with its history, attachments and the amendments citing it. */
export function useFeedbackQuery(id: string | undefined) {
  return useQuery({
    queryKey: feedbackKeys.detail(id ?? ''),
    queryFn: () => api(`/feedback/${id}`, { schema: FeedbackDto }),
    enabled: Boolean(id),
  });
}

/** Triage (focal): the answer replaces the cached item, and lists are read again. */
export function useTriageFeedbackMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageFeedbackRequest) => api(`/feedback/${id}`, { method: 'PATCH', body, schema: FeedbackDto }),
    onSuccess: (item) => {
      qc.setQueryData(feedbackKeys.detail(id), item);
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.all, 'list'] });
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.all, 'published'] });
    },
  });
}

/** Fields of the feedback form as the multipart body names them (see CreateFeedbackRequest). */
export interface SendFeedbackInput {
  name?: string;
  organisation?: string;
  contact?: string;
  subject: string;
  text: string;
  planItemId?: string | null;
  website?: string;
  files: File[];
}

/** POST /feedback as multipart, so attachments travel with the fields; empty fields are left out. */
export function useSendFeedbackMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SendFeedbackInput) => {
      const form = new FormData();
      const fields: Array<[string, string | null | undefined]> = [
        ['name', input.name],
        ['organisation', input.organisation],
        ['contact', input.contact],
        ['subject', input.subject],
        ['text', input.text],
        ['planItemId', input.planItemId],
        ['website', input.website],
      ];
      for (const [k, v] of fields) if (v && v.trim() !== '') form.append(k, v);
      for (const f of input.files) form.append('attachments', f, f.name);
      return api('/feedback', { method: 'POST', body: form, schema: CreateFeedbackResponse });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: [...feedbackKeys.all, 'list'] }),
  });
}

/** Public lookup by tracking code: status and answer only. */
export function useTrackFeedbackQuery(code: string | null) {
  return useQuery({
    queryKey: feedbackKeys.track(code ?? ''),
    queryFn: () => api(`/feedback/track/${encodeURIComponent(code!)}`, { schema: FeedbackTrackingResponse }),
    enabled: Boolean(code),
    retry: false,
  });
}

/** Questions and answers the focal department published on the portal. */
export function usePublishedFeedbackQuery(page = 1) {
  return useQuery({
    queryKey: feedbackKeys.published(page),
    queryFn: () => api(`/feedback/published${qs({ page, pageSize: 10 })}`, { schema: PublishedFeedbackListResponse }),
  });
}
