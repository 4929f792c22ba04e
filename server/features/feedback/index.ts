import type { FastifyInstance } from 'fastify';

/** Routes of the feedback area. */
export async function feedbackFeature(_api: FastifyInstance): Promise<void> {}
