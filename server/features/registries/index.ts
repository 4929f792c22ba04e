/**
 * The registries module: province-wide records of the field (issue 12), starting with the
 * enterprise registry (Doanh nghiệp). Other modules use only what this file exports.
 */
export { enterpriseRoutes as registryRoutes } from './enterprises.routes.js';
export { countIndustrialEnterprises } from './enterprises.service.js';
export { canAddToRegistries, canEditEnterprise, canReadRegistries } from './policy.js';
// The portal's public reader: enterprises producing bio-preparations, without personal data.
export { listPublicEnterprises, type PublicEnterprise } from './public.js';
