import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { TargetListQuery, TargetListResponse } from '../../../shared/contracts/targets.js';
import * as service from './targets.service.js';

export const targetRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/plans/:id/targets',
    {
      schema: {
        tags: ['plans'],
        summary: "The plan's targets per indicator (version in force, or ?version=)",
        params: IdParams,
        querystring: TargetListQuery,
        response: { 200: TargetListResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.listTargets(req.ctx, req.params.id, req.query.version),
  );
};
