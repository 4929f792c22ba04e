import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enterpriseRoutes } from './enterprises.routes.js';
import { recordRoutes } from './records.routes.js';

/**
 * The registries module: province-wide records of the field (issue 12): the enterprise registry
 * (Doanh nghiệp) and the generic registries of shared/registry-kinds.ts. Other modules use only
 * what this file exports.
 */
export const registryRoutes: FastifyPluginAsyncZod = async (api) => {
  await api.register(enterpriseRoutes);
  await api.register(recordRoutes);
};
export { countIndustrialEnterprises } from './enterprises.service.js';
export { canAddToRegistries, canEditEnterprise, canEditRecord, canReadRegistries } from './policy.js';
export { registryDerivations } from './records.derivations.js';
export { listPublicBioProducts } from './public-bio-products.js';
export { listRecords } from './records.service.js';
export { enterpriseDerivations } from './enterprises.derivations.js';
// The portal's public reader: enterprises producing bio-preparations, without personal data.
export { listPublicEnterprises, type PublicEnterprise } from './public.js';
