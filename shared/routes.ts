// The client's pages, one table for both sides: the client's router declares its pages with these
// paths (client/features/*/routes.tsx), and the server builds every link it stores or sends (in-app
// notifications, e-mails) with `routes.*`, so a link always opens a page the client has.

/** Every page of the client, by name. `:name` marks a path parameter. */
export const PATHS = {
  home: '/',
  login: '/dang-nhap',
  inbox: '/thong-bao',
  plan: '/ke-hoach',
  plans: '/ke-hoach/danh-sach',
  planVersions: '/ke-hoach/phien-ban',
  planDetail: '/ke-hoach/:id',
  guidance: '/van-ban-huong-dan',
  orgUnits: '/don-vi',
  orgUnit: '/don-vi/:id',
  users: '/tai-khoan',
  settings: '/cai-dat',
  cycles: '/ky-bao-cao',
  cycle: '/ky-bao-cao/:id',
  myReports: '/bao-cao-cua-don-vi',
  report: '/bao-cao/:id',
  unitFiles: '/tep-bao-cao',
  consolidations: '/tong-hop',
  consolidation: '/tong-hop/:cycleId',
  portalPublishing: '/tong-hop/:cycleId/cong-bo',
  feedbackDesk: '/phan-anh',
  feedbackSend: '/phan-anh/gui',
  feedbackItem: '/phan-anh/:id',
  amendments: '/sua-doi',
  amendmentNew: '/sua-doi/moi',
  amendment: '/sua-doi/:id',
  amendmentEdit: '/sua-doi/:id/sua',
  publicFeedback: '/gop-y',
  publicTracking: '/gop-y/tra-cuu',
  progress: '/tien-do',
  overview: '/tong-quan',
  myActivities: '/hoat-dong',
  activityNew: '/hoat-dong/moi',
  activity: '/hoat-dong/:id',
  activitiesAll: '/hoat-dong-toan-tinh',
  detailedPlans: '/ke-hoach-chi-tiet',
  registries: '/so-theo-doi',
  registryList: '/so-theo-doi/:kind',
  registryNew: '/so-theo-doi/:kind/moi',
  registryRecord: '/so-theo-doi/:kind/:id',
} as const;

export type RouteName = keyof typeof PATHS;

/** The parameter names of a path: `'/tong-hop/:cycleId'` → `'cycleId'`. */
type ParamsOf<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** The parameters a route needs, e.g. `{ id: string }` for `report`. */
export type RouteParams<Name extends RouteName> = Record<ParamsOf<(typeof PATHS)[Name]>, string>;

/** The address of a page: its path with the parameters filled in (encoded), and an optional query. */
export function pathTo<Name extends RouteName>(
  name: Name,
  params: RouteParams<Name>,
  query?: Record<string, string | number | undefined>,
): string {
  const values = params as Record<string, string>;
  const path = PATHS[name].replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(values[key]));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Builders for the pages other code links to (the server's notices and e-mails among them). */
export const routes = {
  home: () => PATHS.home,
  inbox: () => PATHS.inbox,
  myReports: () => PATHS.myReports,
  report: (id: string) => pathTo('report', { id }),
  cycle: (id: string) => pathTo('cycle', { id }),
  plan: (id: string) => pathTo('planDetail', { id }),
  plans: () => PATHS.plans,
  planCycles: (planId: string) => pathTo('cycles', {}, { planId }),
  feedbackItem: (id: string) => pathTo('feedbackItem', { id }),
  amendment: (id: string) => pathTo('amendment', { id }),
  amendments: () => PATHS.amendments,
  orgUnit: (id: string) => pathTo('orgUnit', { id }),
  consolidation: (cycleId: string) => pathTo('consolidation', { cycleId }),
  progress: () => PATHS.progress,
  overview: () => PATHS.overview,
  portalPublishing: (cycleId: string) => pathTo('portalPublishing', { cycleId }),
  myActivities: () => PATHS.myActivities,
  activity: (id: string) => pathTo('activity', { id }),
  activitiesAll: (query?: Record<string, string | undefined>) => pathTo('activitiesAll', {}, query),
  detailedPlans: (query?: Record<string, string | undefined>) => pathTo('detailedPlans', {}, query),
  registryRecord: (kind: string, id: string) => pathTo('registryRecord', { kind, id }),
};

/**
 * The page a link opens, by name, or null when the client has no such page. Query and fragment are
 * ignored; a literal segment wins over a parameter (`/sua-doi/moi` is `amendmentNew`).
 */
export function matchRoute(link: string): RouteName | null {
  const path = link.split(/[?#]/)[0];
  const segments = path.split('/').filter(Boolean);
  let best: { name: RouteName; literals: number } | null = null;
  for (const [name, pattern] of Object.entries(PATHS) as Array<[RouteName, string]>) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const isMatch = parts.every((part, i) => {
      if (part.startsWith(':')) return segments[i].length > 0;
      literals += 1;
      return part === segments[i];
    });
    if (isMatch && (!best || literals > best.literals)) best = { name, literals };
  }
  return best?.name ?? null;
}
