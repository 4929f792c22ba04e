/**
 * The org-units module: the register of units through the 2025 reorganisation. Other modules
 * use only what this file exports.
 */
export { orgUnitRoutes } from './org-units.routes.js';
export {
  currentHolders,
  existingUnitIds,
  getUnit,
  toOrgUnitDto,
  unitDtos,
  unitNames,
  unitWithPredecessors,
  validDuring,
  validOn,
  type OrgUnitRow,
} from './org-units.repository.js';
export { canReadOrgUnits } from './policy.js';
export { unitRegistry } from './registry.repository.js';
