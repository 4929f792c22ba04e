import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  IndicatorsResponse,
  ItemsResponse,
  OverviewResponse,
  TimelinessResponse,
  type FigureId,
  type ProgressQuery,
} from '../../../shared/contracts/progress';
import { api, qs } from '../../api/client';

export const progressKeys = {
  all: ['progress'] as const,
  page: (page: string, q: ProgressQuery, lang: string) => [...progressKeys.all, page, q, lang] as const,
};

const useFigures = <T>(page: string, schema: { parse(x: unknown): T }, q: ProgressQuery, lang: string) =>
  useQuery({
    queryKey: progressKeys.page(page, q, lang),
    queryFn: ({ signal }) => api(`/progress/${page}${qs({ ...q })}`, { schema: schema as never, signal }) as Promise<T>,
    placeholderData: keepPreviousData,
  });

export const useOverview = (q: ProgressQuery, lang: string) => useFigures('overview', OverviewResponse, q, lang);
export const useItems = (q: ProgressQuery, lang: string) => useFigures('items', ItemsResponse, q, lang);
export const useIndicators = (q: ProgressQuery, lang: string) => useFigures('indicators', IndicatorsResponse, q, lang);
export const useTimeliness = (q: ProgressQuery, lang: string) => useFigures('timeliness', TimelinessResponse, q, lang);

/** The address of a figure's data as CSV or XLSX. */
export function figureExportUrl(figure: FigureId, format: 'csv' | 'xlsx', q: ProgressQuery): string {
  return `/api/v1/progress/export${qs({ ...q, figure, format })}`;
}
