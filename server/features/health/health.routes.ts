import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import pkg from '../../../package.json' with { type: 'json' };
import { AppError, msg } from '../../lib/errors.js';
import { checkDatabase, checkReadiness } from './health.service.js';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const LiveResponse = z.object({
  /** The process is up and its event loop answers. */
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const ReadyResponse = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
});

const system = { tags: ['system'] };

export const healthRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/health',
    {
      schema: { ...system, summary: 'Liveness and database check', response: { 200: HealthResponse } },
      config: { public: true },
    },
    async (req) => {
      await checkDatabase(req.ctx.db);
      return { status: 'ok' as const, database: req.server.databaseKind, version: pkg.version };
    },
  );

  // For the orchestrator's liveness probe: touches nothing but the process itself.
  api.get(
    '/health/live',
    { schema: { ...system, summary: 'The process is up', response: { 200: LiveResponse } }, config: { public: true } },
    async () => ({ status: 'ok' as const, version: pkg.version, uptimeSeconds: Math.round(process.uptime()) }),
  );

  // For the load balancer: 503 while the database does not answer or lacks a migration.
  api.get(
    '/health/ready',
    {
      schema: {
        ...system,
        summary: 'Ready for traffic: the database answers and its migrations are applied (else 503)',
        response: { 200: ReadyResponse },
      },
      config: { public: true },
    },
    async (req) => {
      const readiness = await checkReadiness(req.ctx.db);
      if (!readiness.database) {
        throw new AppError(
          'NOT_READY',
          msg('Chưa sẵn sàng: cơ sở dữ liệu không trả lời', 'Not ready: the database does not answer'),
          { status: 503, issues: [{ path: 'database', message: msg('Không kết nối được', 'Unreachable') }] },
        );
      }
      const { applied, expected, current } = readiness.migrations;
      if (!current) {
        throw new AppError(
          'NOT_READY',
          msg(
            `Chưa sẵn sàng: cơ sở dữ liệu mới áp dụng ${applied}/${expected} bản chuyển đổi (migration)`,
            `Not ready: the database has ${applied} of ${expected} migrations applied`,
          ),
          {
            status: 503,
            issues: [{ path: 'migrations', message: msg('Thiếu bản chuyển đổi', 'Migrations missing') }],
          },
        );
      }
      return {
        status: 'ready' as const,
        database: req.server.databaseKind,
        migrations: { applied, expected },
      };
    },
  );
};
