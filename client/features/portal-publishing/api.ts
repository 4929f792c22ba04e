import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PublicationStateDto,
  type PublishRequest,
  type WithdrawPublicationRequest,
} from '../../../shared/contracts/publishing';
import { api } from '../../api/client';

const key = (cycleId: string) => ['portal-publishing', cycleId] as const;

/** What is published of the cycle on the portal, and the approved text to publish from. */
export function usePublicationQuery(cycleId: string) {
  return useQuery({
    queryKey: key(cycleId),
    queryFn: () => api(`/cycles/${cycleId}/publication`, { schema: PublicationStateDto }),
  });
}

export function usePublishMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishRequest) =>
      api(`/cycles/${cycleId}/publication`, { method: 'PUT', body, schema: PublicationStateDto }),
    onSuccess: (d) => qc.setQueryData(key(cycleId), d),
  });
}

export function useWithdrawMutation(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawPublicationRequest) =>
      api(`/cycles/${cycleId}/publication/withdraw`, { method: 'POST', body, schema: PublicationStateDto }),
    onSuccess: (d) => qc.setQueryData(key(cycleId), d),
  });
}
