/**
 * The registries module: province-wide records of the field (issue 12), starting with the
 * enterprise registry (Doanh nghiệp). Other modules use only what this file exports.
 */
export { enterpriseRoutes as registryRoutes } from './enterprises.routes.js';
export { countIndustrialEnterprises } from './enterprises.service.js';
export { canAddToRegistries, canEditEnterprise, canReadRegistries } from './policy.js';
export { enterpriseDerivations } from './enterprises.derivations.js';
