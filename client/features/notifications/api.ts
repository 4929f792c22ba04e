import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MarkAllReadResponse,
  NotificationDto,
  NotificationListResponse,
  UnreadCountResponse,
} from '../../../shared/contracts/notifications';
import { api, qs } from '../../api/client';

/** Query keys of the inbox. */
export const notificationKeys = {
  all: ['notifications'] as const,
  count: () => [...notificationKeys.all, 'count'] as const,
  list: (params: { page: number; unreadOnly: boolean }) => [...notificationKeys.all, 'list', params] as const,
};

/** How often the bell asks for the unread count (it also asks when the window regains focus). */
export const BELL_POLL_MS = 60_000;

/** The bell's unread count: every minute, and whenever the window regains focus. */
export function useUnreadCountQuery() {
  return useQuery({
    queryKey: notificationKeys.count(),
    queryFn: ({ signal }) => api('/notifications/unread-count', { schema: UnreadCountResponse, signal }),
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** One page of the inbox, newest first. */
export function useNotificationsQuery(params: { page: number; unreadOnly: boolean; pageSize: number }) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) =>
      api(
        `/notifications${qs({ page: params.page, pageSize: params.pageSize, unreadOnly: params.unreadOnly ? 'true' : undefined })}`,
        { schema: NotificationListResponse, signal },
      ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** Marks one notice read; the bell and the lists follow. */
export function useMarkReadMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/notifications/${id}/read`, { method: 'POST', schema: NotificationDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Marks every notice read. */
export function useMarkAllReadMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/notifications/read-all', { method: 'POST', schema: MarkAllReadResponse }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
