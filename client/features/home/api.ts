import { useQuery } from '@tanstack/react-query';
import { HomeResponse } from '../../../shared/contracts/home';
import { api } from '../../api/client';

/** Query keys of the home page. */
export const homeKeys = { all: ['home'] as const };

/** The signed-in account's work queue (GET /home), read again when the window regains focus. */
export function useHomeQuery() {
  return useQuery({
    queryKey: homeKeys.all,
    queryFn: ({ signal }) => api('/home', { schema: HomeResponse, signal }),
    refetchOnWindowFocus: true,
  });
}
