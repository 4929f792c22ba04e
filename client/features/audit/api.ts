import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditFacetsResponse, AuditListResponse, type ListAuditQuery } from '../../../shared/contracts/audit';
import { api, qs } from '../../api/client';

/** The list query of GET /audit-log, as the page sets it. */
export type AuditListParams = Partial<ListAuditQuery>;

/** Query keys of the audit feature. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
  facets: () => [...auditKeys.all, 'facets'] as const,
};

/** Lines of the audit log, filtered, sorted and paged on the server. */
export function useAuditQuery(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api(`/audit-log${qs({ ...params })}`, { schema: AuditListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The actions and object types present in the log. */
export function useAuditFacetsQuery() {
  return useQuery({
    queryKey: auditKeys.facets(),
    queryFn: ({ signal }) => api('/audit-log/facets', { schema: AuditFacetsResponse, signal }),
  });
}

/** The address of the Excel export of the filtered log (downloaded by the browser with its session). */
export function auditExportUrl(params: AuditListParams): string {
  const { page: _page, pageSize: _pageSize, ...filter } = params;
  return `/api/v1/audit-log/export.xlsx${qs({ ...filter })}`;
}
