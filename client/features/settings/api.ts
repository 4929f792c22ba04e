import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AgencySettingsDto,
  UnitSignerDto,
  type AgencySettingsBody,
  type UnitSignerBody,
} from '../../../shared/contracts/settings';
import { api } from '../../api/client';

export const settingsKeys = {
  agency: ['settings', 'agency'] as const,
  unitSigner: ['settings', 'unit-signer'] as const,
};

export function useAgencySettingsQuery(enabled: boolean) {
  return useQuery({
    queryKey: settingsKeys.agency,
    queryFn: ({ signal }) => api('/settings/agency', { schema: AgencySettingsDto, signal }),
    enabled,
  });
}

export function useSaveAgencySettingsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { settings: AgencySettingsBody; updatedAt: string }) =>
      api('/settings/agency', { method: 'PUT', body, schema: AgencySettingsDto }),
    onSuccess: (data) => client.setQueryData(settingsKeys.agency, data),
  });
}

export function useUnitSignerQuery(enabled: boolean) {
  return useQuery({
    queryKey: settingsKeys.unitSigner,
    queryFn: ({ signal }) => api('/settings/unit-signer', { schema: UnitSignerDto, signal }),
    enabled,
  });
}

export function useSaveUnitSignerMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitSignerBody) => api('/settings/unit-signer', { method: 'PUT', body, schema: UnitSignerDto }),
    onSuccess: (data) => client.setQueryData(settingsKeys.unitSigner, data),
  });
}
