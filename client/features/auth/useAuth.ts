import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ForgotPasswordResponse,
  MeResponse,
  SessionListResponse,
  type ChangePasswordRequest,
  type LoginRequest,
  type ResetPasswordRequest,
} from '../../../shared/contracts/auth';
import type { Permission } from '../../../shared/permissions';
import { api, ApiError, setCsrfToken } from '../../api/client';

export const authKeys = { me: ['auth', 'me'] as const, sessions: ['auth', 'sessions'] as const };

/** The signed-in account, or null. */
export function useMeQuery() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async () => {
      try {
        const me = await api('/auth/me', { schema: MeResponse });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useCan() {
  const me = useMeQuery().data;
  return (p: Permission) => Boolean(me?.abilities.includes(p));
}

export function useLoginMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api('/auth/login', { method: 'POST', body, schema: MeResponse }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogoutMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(authKeys.me, null);
    },
  });
}

/** Changes the signed-in user's password; the other sessions end, this one stays. */
export function useChangePasswordMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api('/auth/password', { method: 'POST', body, schema: MeResponse }),
    onSuccess: (me) => {
      qc.setQueryData(authKeys.me, me);
      void qc.invalidateQueries({ queryKey: authKeys.sessions });
    },
  });
}

/** Asks for a reset link by e-mail. */
export function useForgotPasswordMutation() {
  return useMutation({
    mutationFn: (email: string) =>
      api('/auth/password/forgot', { method: 'POST', body: { email }, schema: ForgotPasswordResponse }),
  });
}

/** Sets a new password from the e-mailed link. */
export function useResetPasswordMutation() {
  return useMutation({
    mutationFn: (body: ResetPasswordRequest) => api('/auth/password/reset', { method: 'POST', body }),
  });
}

/** Lifts a sign-in lock from the e-mailed link. */
export function useUnlockMutation() {
  return useMutation({
    mutationFn: (token: string) => api('/auth/unlock', { method: 'POST', body: { token } }),
  });
}

/** The signed-in user's open sessions. */
export function useOwnSessionsQuery() {
  return useQuery({
    queryKey: authKeys.sessions,
    queryFn: ({ signal }) => api('/auth/sessions', { schema: SessionListResponse, signal }),
  });
}

/** Ends one of the signed-in user's sessions. */
export function useRevokeOwnSessionMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}
