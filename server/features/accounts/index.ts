import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes.js';
import { userRoutes } from './users.routes.js';

/**
 * The accounts module: sign-in, sessions and the administration of accounts. Other modules use
 * only what this file exports.
 */
export async function accountsFeature(api: FastifyInstance): Promise<void> {
  await api.register(authRoutes);
  await api.register(userRoutes);
}

export { loadSession, requirePasswordChanged, SESSION_COOKIE } from './auth.service.js';
export { canManageUsers } from './policy.js';
export { userNames } from './users.repository.js';
