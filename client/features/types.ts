import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';

/** A page of a feature. Public pages are reachable without signing in. */
export interface AppRoute {
  path: string;
  element: ReactNode;
  /** The permission needed to see the page (signed-in pages only). */
  ability?: Permission;
  public?: boolean;
}

/** An entry of the main menu. */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  icon?: ReactNode;
  ability?: Permission;
  /** Shown to unit officers only, e.g. "Báo cáo năm của đơn vị". */
  roles?: Array<'admin' | 'focal' | 'unit' | 'leader'>;
  order: number;
}

/** What client/features/<feature>/routes.tsx exports. */
export interface FeatureModule {
  routes?: AppRoute[];
  nav?: NavItem[];
}
