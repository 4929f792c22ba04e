/** Roles of an account (product.md: who uses it). */
export const ROLES = ['admin', 'focal', 'unit', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of organisational unit. */
export const ORG_UNIT_KINDS = [
  'province',
  'committee',
  'department',
  'district',
  'commune',
  'ward',
  'enterprise',
  'institute',
  'school',
  'other',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const SUCCESSION_KINDS = ['merge', 'split', 'rename'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export const PLAN_ITEM_KINDS = ['section', 'objective', 'task', 'solution', 'duty', 'text'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const ASSIGNMENT_ROLES = ['lead', 'coordinate'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/**
 * Groups of units a duty can name instead of a single unit: section IV.1 speaks to "các sở,
 * ngành, địa phương", IV.6 to "các sở, ngành khác có liên quan", IV.7 to enterprises,
 * organisations and individuals.
 */
export const UNIT_GROUPS = [
  'departments_and_localities',
  'other_departments',
  'localities',
  'enterprises_and_organisations',
] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

/** Which unit kinds a group takes in. */
export const UNIT_GROUP_KINDS: Record<UnitGroup, readonly OrgUnitKind[]> = {
  departments_and_localities: ['department', 'district', 'commune', 'ward'],
  other_departments: ['department'],
  localities: ['district', 'commune', 'ward'],
  enterprises_and_organisations: ['enterprise', 'institute', 'school', 'other'],
};

/** The members of a group that take part when the group is named as coordinating (see below). */
const UNIT_GROUP_COORDINATING_KINDS: Record<UnitGroup, readonly OrgUnitKind[]> = {
  departments_and_localities: ['department'],
  other_departments: ['department'],
  // "phối hợp với UBND các xã, phường": the communes and wards are the ones named.
  localities: UNIT_GROUP_KINDS.localities,
  enterprises_and_organisations: UNIT_GROUP_KINDS.enterprises_and_organisations,
};

/**
 * Whether a member of a group, of this kind, answers for an item the group is assigned to with
 * this role. A group that leads an item is addressed by it ("các sở, ngành, địa phương … có
 * trách nhiệm", IV.1): every member answers. A group named as coordinating is the set of units
 * a named lead works with ("Sở Tài chính phối hợp với các sở, ngành, địa phương", IV.4): the
 * departments take part in that work; a commune or ward is not asked to report on another
 * agency's duty, its own being those addressed to it.
 */
export function isGroupMemberConcerned(group: UnitGroup, role: AssignmentRole, kind: OrgUnitKind): boolean {
  return (role === 'lead' ? UNIT_GROUP_KINDS : UNIT_GROUP_COORDINATING_KINDS)[group].includes(kind);
}

/** Waste streams (dòng chất thải) by which some indicators are disaggregated. */
export const WASTE_STREAMS = ['agri', 'medical', 'industrial', 'domestic'] as const;
export type WasteStream = (typeof WASTE_STREAMS)[number];

export const INDICATOR_VALUE_TYPES = ['number', 'integer', 'percent', 'boolean', 'text'] as const;
export type IndicatorValueType = (typeof INDICATOR_VALUE_TYPES)[number];

/**
 * English names of the catalogue's units of measure (the catalogue stores the Vietnamese ones, as
 * printed in reports); a unit not listed shows as stored.
 */
export const UNITS_OF_MEASURE_EN: Readonly<Record<string, string>> = {
  '%': '%',
  'MWh/năm': 'MWh/year',
  'có/không': 'yes/no',
  'công nghệ': 'technologies',
  'doanh nghiệp': 'enterprises',
  'dây chuyền': 'production lines',
  'hoạt động': 'activities',
  'lượt người': 'participants',
  lớp: 'courses',
  người: 'people',
  'nhiệm vụ': 'projects',
  'sản phẩm': 'products',
  'triệu đồng': 'million VND',
  'tấn/năm': 'tonnes/year',
  'văn bản': 'documents',
};

/** An indicator's unit of measure in the reader's language. */
export function unitOfMeasure(unit: string, language: string): string {
  return language.startsWith('en') ? (UNITS_OF_MEASURE_EN[unit] ?? unit) : unit;
}
