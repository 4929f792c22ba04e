import type { FastifyInstance } from 'fastify';

/** Routes of the reporting area. */
export async function reportingFeature(_api: FastifyInstance): Promise<void> {}
