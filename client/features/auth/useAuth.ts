import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MeResponse, type LoginRequest } from '../../../shared/contracts/auth';
import type { Permission } from '../../../shared/permissions';
import { api, ApiError, setCsrfToken } from '../../api/client';

export const authKeys = { me: ['auth', 'me'] as const };

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
