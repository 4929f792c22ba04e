import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  UserDto,
  UserListResponse,
  type CreateUserRequest,
  type ListUsersQuery,
  type UpdateUserRequest,
} from '../../../shared/contracts/users';
import type { z } from 'zod';
import { SessionListResponse } from '../../../shared/contracts/auth';
import { api, qs } from '../../api/client';

/** The list query of GET /users, as the page sets it. */
export type UserListParams = Partial<z.infer<typeof ListUsersQuery>>;

/** Query keys of the accounts feature. */
export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => [...userKeys.all, 'list', params] as const,
};

/** Accounts, searched, sorted and paged on the server (admin only). */
export function useUsersQuery(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api(`/users${qs({ ...params })}`, { schema: UserListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api('/users', { method: 'POST', body, schema: UserDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Role/unit change, reset password, deactivate or reactivate. */
export function useUpdateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      api(`/users/${id}`, { method: 'PATCH', body, schema: UserDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Lifts the lock set after many failed sign-ins. */
export function useUnlockUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/users/${id}/unlock`, { method: 'POST', schema: UserDto }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** An account's open sessions (admin). */
export function useUserSessionsQuery(id: string | null) {
  return useQuery({
    queryKey: [...userKeys.all, 'sessions', id],
    queryFn: ({ signal }) => api(`/users/${id}/sessions`, { schema: SessionListResponse, signal }),
    enabled: Boolean(id),
  });
}

/** Ends one session of an account (admin). */
export function useRevokeUserSessionMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, sessionId }: { userId: string; sessionId: string }) =>
      api(`/users/${userId}/sessions/${sessionId}`, { method: 'DELETE' }),
    onSuccess: (_, v) => qc.invalidateQueries({ queryKey: [...userKeys.all, 'sessions', v.userId] }),
  });
}
