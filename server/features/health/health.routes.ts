import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import pkg from '../../../package.json' with { type: 'json' };
import { checkDatabase } from './health.service.js';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/health',
    {
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthResponse } },
      config: { public: true },
    },
    async (req) => {
      await checkDatabase(req.ctx.db);
      return { status: 'ok' as const, database: req.server.databaseKind, version: pkg.version };
    },
  );
};
