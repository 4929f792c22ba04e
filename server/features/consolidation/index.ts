import type { FastifyInstance } from 'fastify';

/** Routes of the consolidation area. */
export async function consolidationFeature(_api: FastifyInstance): Promise<void> {}
