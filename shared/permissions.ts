import type { Role } from './domain.js';

/** Everything an account may be allowed to do; checked in one place on the server. */
export const PERMISSIONS = [
  'user.manage',
  'orgUnit.read',
  'plan.read',
  'plan.edit',
  'cycle.read',
  'cycle.manage',
  'report.read.all',
  'report.write.own',
  'report.review',
  'completeness.read',
  'consolidation.read',
  'consolidation.edit',
  'feedback.triage',
  'feedback.send',
  'amendment.propose',
  'amendment.decide',
  'guidance.manage',
  'audit.read',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const common: Permission[] = ['orgUnit.read', 'plan.read', 'cycle.read', 'feedback.send'];

/** What each role may do. A unit officer's reach is also limited to its own unit. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...common, 'user.manage', 'audit.read', 'settings.manage'],
  focal: [
    ...common,
    'plan.edit',
    'cycle.manage',
    'report.read.all',
    'report.review',
    'completeness.read',
    'consolidation.read',
    'consolidation.edit',
    'feedback.triage',
    'amendment.propose',
    'guidance.manage',
    'audit.read',
    'settings.manage',
  ],
  unit: [...common, 'report.write.own'],
  leader: [...common, 'report.read.all', 'completeness.read', 'consolidation.read', 'amendment.decide', 'audit.read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
