import type { UseQueryResult } from '@tanstack/react-query';

/**
 * For a page that needs several queries in turn (the plan, then a record of it): the first one
 * that failed or is still loading, otherwise the last, so one QueryState shows the right state.
 */
export function firstUnsettled(...queries: Array<UseQueryResult>): UseQueryResult {
  return queries.find((q) => q.isError) ?? queries.find((q) => q.isPending) ?? queries[queries.length - 1];
}
