import { useQuery } from '@tanstack/react-query';
import { ReportDerivedResponse } from '../../../shared/contracts/prefill';
import { api } from '../../api/client';
import { reportingKeys } from './api';

/**
 * What the unit's records of the data window give for its report (issue 12): derived values with
 * the typed ones beside, and the narrative prefill. Read apart from the report, so the form shows
 * at once and the values follow.
 */
export function useReportDerivedQuery(id: string) {
  return useQuery({
    queryKey: reportingKeys.derived(id),
    queryFn: ({ signal }) => api(`/reports/${id}/derived`, { schema: ReportDerivedResponse, signal }),
    staleTime: 60_000,
  });
}
